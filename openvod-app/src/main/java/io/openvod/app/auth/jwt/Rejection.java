package io.openvod.app.auth.jwt;

import io.openvod.app.auth.jwt.JwtResult.Reason;

/**
 * A token check failed; carries the {@link JwtResult.Invalid} to return. Used for control flow
 * inside this package only, so it has no stack trace.
 */
final class Rejection extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient JwtResult.Invalid result;

    Rejection(Reason reason, String detail) {
        super(reason + ": " + detail, null, false, false);
        this.result = new JwtResult.Invalid(reason, detail);
    }

    JwtResult.Invalid result() {
        return result;
    }
}
