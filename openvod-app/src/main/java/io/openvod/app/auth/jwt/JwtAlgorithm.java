package io.openvod.app.auth.jwt;

import java.util.Optional;

/**
 * The JWS algorithms a token may be signed with. Every other {@code alg}, {@code none} included,
 * is refused. HS256 uses the configured shared secret; RS256 and ES256 use JWKS keys, each key
 * bound to exactly one of them.
 */
public enum JwtAlgorithm {
    /** HMAC with SHA-256 over the configured {@code hs256Secret}. */
    HS256,
    /** RSASSA-PKCS1-v1_5 with SHA-256, with an RSA key of at least 2048 bits. */
    RS256,
    /** ECDSA on P-256 with SHA-256; the signature is the 64-byte R||S of RFC 7518 §3.4. */
    ES256;

    /** The algorithm named by a JOSE {@code alg} value, compared exactly (JOSE names are case-sensitive). */
    public static Optional<JwtAlgorithm> fromJose(String alg) {
        for (JwtAlgorithm a : values()) {
            if (a.name().equals(alg)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
