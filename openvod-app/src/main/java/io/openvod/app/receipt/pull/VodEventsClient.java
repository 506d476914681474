package io.openvod.app.receipt.pull;

import io.openvod.app.vod.VodApiException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * VOD's reliable event delivery (event-protocol §10.3): {@link #pull} hands out up to 16 events,
 * each with a handle, and {@link #confirm} takes them off the queue for good; an event not
 * confirmed in time is handed out again with a new handle.
 */
public interface VodEventsClient {
    /** At most this many handles are confirmed in one call. */
    int MAX_HANDLES = 16;

    /**
     * One pulled event.
     *
     * @param handle its {@code EventHandle}, to confirm it with
     * @param event the element of {@code EventSet} as received (the v3 body with its {@code EventHandle})
     */
    record PulledEvent(String handle, JsonNode event) {
        public PulledEvent {
            Objects.requireNonNull(handle, "handle == null");
            Objects.requireNonNull(event, "event == null");
        }
    }

    /**
     * {@code PullEvents}: waits (a long poll, up to about 5 s) for events and answers them, or an
     * empty list when none came.
     *
     * @throws VodApiException when VOD answers with an error
     * @throws IOException when VOD cannot be reached or its answer is not readable
     */
    List<PulledEvent> pull() throws IOException, InterruptedException;

    /**
     * {@code ConfirmEvents} for 1..{@value #MAX_HANDLES} handles.
     *
     * @throws VodApiException when VOD answers with an error (e.g. a handle whose time has passed)
     * @throws IOException when VOD cannot be reached or its answer is not readable
     */
    void confirm(List<String> handles) throws IOException, InterruptedException;
}
