package io.openvod.core;

/**
 * One entry of OpenVOD's error vocabulary. Each area declares an enum of codes implementing this
 * interface; every code is a stable upper-case string, documented in {@code docs/errors.md}.
 * Wire formats that must match Tencent map these codes to Tencent's own codes in one place.
 */
public interface ErrorCode {

    /**
     * The stable identifier, e.g. {@code CONFIG_UNKNOWN_KEY}. Never changes once released. For the
     * usual enum of codes it is the constant's name.
     */
    default String code() {
        if (this instanceof Enum<?> constant) {
            return constant.name();
        }
        throw new UnsupportedOperationException(getClass().getName() + " must implement code()");
    }

    ErrorKind kind();

    /** What the code means, in one sentence, for docs and messages. */
    String summary();

    default boolean retryable() {
        return kind().retryable();
    }
}
