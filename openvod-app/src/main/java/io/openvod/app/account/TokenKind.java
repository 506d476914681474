package io.openvod.app.account;

/** The two kinds of opaque bearer tokens the app backend issues. */
public enum TokenKind {
    /** Issued at sign-in with a password; expires. */
    SESSION,
    /** A static token for a service client, created with {@code openvod users token}; expires only if told to. */
    API
}
