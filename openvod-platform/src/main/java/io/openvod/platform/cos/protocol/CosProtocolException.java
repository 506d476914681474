package io.openvod.platform.cos.protocol;

import java.util.Objects;

/**
 * A request the COS object API must refuse, with the {@link CosErrorCode} to answer with. The
 * message is the text for {@code <Error><Message>}; it never contains secrets or request bodies.
 */
public final class CosProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final CosErrorCode code;

    /** Fails with {@code code} and its default message. */
    public CosProtocolException(CosErrorCode code) {
        this(code, null, null);
    }

    /** Fails with {@code code}; a null {@code message} means the code's default message. */
    public CosProtocolException(CosErrorCode code, String message) {
        this(code, message, null);
    }

    public CosProtocolException(CosErrorCode code, String message, Throwable cause) {
        super(message != null ? message : Objects.requireNonNull(code, "code == null").defaultMessage(), cause);
        this.code = Objects.requireNonNull(code, "code == null");
    }

    public CosErrorCode code() {
        return code;
    }

    @Override
    public String toString() {
        return code.code() + ": " + getMessage();
    }
}
