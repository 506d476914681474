package io.openvod.platform.events;

import java.util.List;

/**
 * The PULL deliveries of each application, as PullEvents, ConfirmEvents and DescribeEventsState
 * see them. A pulled event is leased: hidden behind a fresh handle until the visibility passes,
 * then it can be pulled again (with another handle) unless it was confirmed. Events older than the
 * retention are dropped.
 */
public interface EventQueue {

    /** The most events one pull hands out. */
    int MAX_PULL = 16;

    /** A leased event: its handle and its stored v3 body ({@code {"EventType":…,"<Payload>":{…}}}). */
    record Leased(String eventId, String handle, String body) {
    }

    /**
     * Leases up to {@code max} due events of {@code subAppId}, oldest first. Two concurrent callers
     * never lease the same event.
     */
    List<Leased> lease(long subAppId, int max);

    /**
     * Confirms leased events by handle; returns the handles that could not be confirmed (unknown,
     * of another application, or whose visibility has passed). The others are confirmed; a handle
     * already confirmed is confirmed again without effect.
     */
    List<String> confirm(long subAppId, List<String> handles);

    /** How many events of {@code subAppId} are waiting to be pulled now (leased ones excluded). */
    long countToPull(long subAppId);

    /** How many events of all applications are waiting to be pulled now (leased ones excluded; metrics). */
    long countToPull();
}
