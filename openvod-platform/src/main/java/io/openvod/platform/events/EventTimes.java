package io.openvod.platform.events;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Times as Tencent's events write them: {@code YYYY-MM-DDThh:mm:ssZ}, UTC, whole seconds. */
public final class EventTimes {
    /** The ExpireTime of media that never expires. */
    public static final String NEVER = "9999-12-31T23:59:59Z";
    /** {@link #NEVER} as Unix seconds, for the deprecated {@code …TimeStamp} fields. */
    public static final long NEVER_SECONDS = 253_402_300_799L;
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private EventTimes() {
    }

    public static String format(Instant time) {
        return FORMAT.format(time.truncatedTo(ChronoUnit.SECONDS));
    }
}
