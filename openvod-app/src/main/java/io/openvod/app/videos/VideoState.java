package io.openvod.app.videos;

import java.util.Locale;

/**
 * Where a video stands. {@code uploaded} and {@code processing} come before what it waits for
 * (its upload event, its task flow's end, its review task's verdict) has arrived;
 * {@code published}, {@code pending_review} (a human must decide), {@code blocked} and
 * {@code failed} after it; {@code deleted} when the media is gone ({@link VideoTransitions}
 * says how events lead to each).
 */
public enum VideoState {
    UPLOADED(1),
    PROCESSING(2),
    PUBLISHED(3),
    PENDING_REVIEW(3),
    BLOCKED(3),
    FAILED(3),
    DELETED(4);

    private final int rank;

    VideoState(int rank) {
        this.rank = rank;
    }

    /** How far along the state is: 1 uploaded, 2 processing, 3 a flow's outcome, 4 deleted. */
    public int rank() {
        return rank;
    }

    /** The name in APIs and the database, e.g. {@code pending_review}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static VideoState fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
