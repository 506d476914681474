package io.openvod.signature;

import java.util.regex.Pattern;

/** The validation rules shared by the builder and the verifier; each throws a message naming the field. */
final class ParameterRules {
    private static final Pattern REGION = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private ParameterRules() {
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    static void requireText(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(field + " is required");
        }
    }

    static void requireNoControl(String field, String value) {
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            throw new IllegalArgumentException(field + " contains a control character");
        }
    }

    static void requireRange(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " = " + value + " is outside " + min + ".." + max);
        }
    }

    static void requireMaxCodePoints(String field, String value, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            throw new IllegalArgumentException(field + " has " + value.codePointCount(0, value.length())
                    + " characters; the maximum is " + max);
        }
    }

    static void requireWellFormed(String field, String value) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(field + " contains an unpaired surrogate at index " + i);
            }
        }
    }

    static void requireRegion(String field, String value) {
        if (value != null && !value.isEmpty() && !REGION.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " '" + value + "' is not a region name ([a-z0-9-], at most 64)");
        }
    }

    /** Parses an unsigned decimal ({@code ^[0-9]+$}) that fits a long. */
    static long parseUnsigned(String field, String text) {
        if (text.isEmpty() || text.length() > 19 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException(field + " '" + abbreviate(text) + "' is not an unsigned decimal integer");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " '" + abbreviate(text) + "' overflows a 64-bit integer");
        }
    }

    /** Parses a decimal with an optional leading minus sign that fits an int. */
    static int parseSignedInt(String field, String text) {
        String digits = text.startsWith("-") ? text.substring(1) : text;
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException(field + " '" + abbreviate(text) + "' is not a decimal integer");
        }
        return Integer.parseInt(text);
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
