package io.openvod.app.account;

import io.openvod.signature.internal.Crypto;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Opaque bearer tokens: a kind prefix ({@code ovs_} session, {@code ova_} API) and 32 random
 * bytes in Base64url. Only the SHA-256 of a token is stored.
 */
public final class BearerTokens {
    static final String SESSION_PREFIX = "ovs_";
    static final String API_PREFIX = "ova_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private BearerTokens() {
    }

    public static String newToken(TokenKind kind) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix(kind) + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The kind a token claims by its prefix, if it looks like an OpenVOD token at all. */
    public static Optional<TokenKind> kindOf(String token) {
        if (token.length() != 47) {
            return Optional.empty();
        }
        if (token.startsWith(SESSION_PREFIX)) {
            return Optional.of(TokenKind.SESSION);
        }
        if (token.startsWith(API_PREFIX)) {
            return Optional.of(TokenKind.API);
        }
        return Optional.empty();
    }

    /** The stored form: lower-case hex SHA-256. */
    public static String hash(String token) {
        return Crypto.hex(Crypto.sha256(Crypto.utf8(token)));
    }

    private static String prefix(TokenKind kind) {
        return kind == TokenKind.SESSION ? SESSION_PREFIX : API_PREFIX;
    }
}
