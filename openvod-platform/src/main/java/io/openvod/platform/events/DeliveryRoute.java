package io.openvod.platform.events;

import java.util.Objects;
import java.util.Optional;

/**
 * How one event is delivered, decided when it is committed: {@code PUSH} (POSTed to
 * {@code targetUrl}), {@code PULL} (handed out by PullEvents) or {@code NONE} (the application takes
 * no events of its type: recorded as delivered, never sent).
 */
public record DeliveryRoute(String channel, Optional<String> targetUrl) {
    /** Not delivered. */
    public static final DeliveryRoute NONE = new DeliveryRoute("NONE", Optional.empty());
    /** Handed out by PullEvents. */
    public static final DeliveryRoute PULL = new DeliveryRoute("PULL", Optional.empty());

    public DeliveryRoute {
        Objects.requireNonNull(channel, "channel == null");
        Objects.requireNonNull(targetUrl, "targetUrl == null");
        if (!channel.equals("PUSH") && !channel.equals("PULL") && !channel.equals("NONE")) {
            throw new IllegalArgumentException("channel must be PUSH, PULL or NONE");
        }
        if (channel.equals("PUSH") == targetUrl.filter(url -> !url.isEmpty()).isEmpty()) {
            throw new IllegalArgumentException("a PUSH route, and only a PUSH route, has a target URL");
        }
    }

    /** POSTed to {@code url}. */
    public static DeliveryRoute push(String url) {
        return new DeliveryRoute("PUSH", Optional.of(url));
    }

    /** The state its delivery starts in: {@code DELIVERED} when there is nothing to send, else {@code PENDING}. */
    public String initialState() {
        return channel.equals("NONE") ? "DELIVERED" : "PENDING";
    }
}
