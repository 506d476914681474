package io.openvod.signature.cos;

import io.openvod.signature.internal.Text;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A validity interval in Unix seconds, written {@code <start>;<end>} in {@code q-sign-time} and
 * {@code q-key-time}. Both ends are inclusive.
 */
public record CosKeyTime(long start, long end) {
    /** Ten digits cover every time until 2286; 18 keeps any parse within a long. */
    private static final int MAX_DIGITS = 18;

    public CosKeyTime {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("key time " + start + ";" + end + " needs 0 <= start <= end");
        }
    }

    /** The cos-js default for {@code now}: {@code now - 1 ; now + 899}. */
    public static CosKeyTime around(long now) {
        return new CosKeyTime(now - 1, now + 899);
    }

    /** Parses {@code <start>;<end>} made of unsigned decimals with {@code start <= end}; empty otherwise. */
    public static Optional<CosKeyTime> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int semi = text.indexOf(';');
        if (semi < 0) {
            return Optional.empty();
        }
        OptionalLong start = Text.parseUnsigned(text.substring(0, semi), MAX_DIGITS);
        OptionalLong end = Text.parseUnsigned(text.substring(semi + 1), MAX_DIGITS);
        if (start.isEmpty() || end.isEmpty() || end.getAsLong() < start.getAsLong()) {
            return Optional.empty();
        }
        return Optional.of(new CosKeyTime(start.getAsLong(), end.getAsLong()));
    }

    /** True when {@code start <= second <= end}. */
    public boolean contains(long second) {
        return start <= second && second <= end;
    }

    /** The wire form {@code <start>;<end>}. */
    public String value() {
        return start + ";" + end;
    }
}
