package io.openvod.app.receipt;

/**
 * A processed event still to be forwarded to the app's hook.
 *
 * @param attempts how many forwarding attempts failed so far
 */
public record PendingForward(StoredEvent event, int attempts) {
}
