package io.openvod.signature.internal;

import java.util.OptionalLong;

/** Small text helpers for parsing untrusted input and for rejection details that are safe to log. */
public final class Text {
    private static final int MAX_SHOWN = 40;

    private Text() {
    }

    /**
     * Shortens {@code text} to at most 40 characters and replaces control characters with
     * {@code ?}, so that an attacker-supplied value can be quoted in a message or a log line.
     */
    public static String shown(String text) {
        if (text == null) {
            return "null";
        }
        String cut = text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN - 3) + "...";
        StringBuilder out = new StringBuilder(cut.length());
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            out.append(c < 0x20 || c == 0x7F ? '?' : c);
        }
        return out.toString();
    }

    /**
     * Parses an unsigned decimal made of 1 to {@code maxDigits} ASCII digits (at most 18, so
     * that it always fits a long). Signs, spaces and anything else give an empty result.
     */
    public static OptionalLong parseUnsigned(String text, int maxDigits) {
        if (maxDigits < 1 || maxDigits > 18) {
            throw new IllegalArgumentException("maxDigits " + maxDigits + " is outside 1..18");
        }
        if (text == null || text.isEmpty() || text.length() > maxDigits) {
            return OptionalLong.empty();
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return OptionalLong.empty();
            }
            value = value * 10 + (c - '0');
        }
        return OptionalLong.of(value);
    }

    /** True when {@code text} is lower-case hex of exactly {@code length} characters. */
    public static boolean isLowerHex(String text, int length) {
        if (text.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code text} is a non-empty HTTP token (RFC 9110 {@code tchar}s). */
    public static boolean isToken(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alnum && "!#$%&'*+-.^_`|~".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }
}
