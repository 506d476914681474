package io.openvod.app.videos;

import java.util.Locale;

/**
 * Where a video stands. {@code uploaded} and {@code processing} come before a task flow's end;
 * {@code published}, {@code pending_review} (a human must decide), {@code blocked} and
 * {@code failed} after it; {@code deleted} when the media is gone. A state of a lower
 * {@link #rank()} never replaces a higher one.
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
