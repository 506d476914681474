package io.openvod.app.auth.jwt;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Objects;
import java.util.Optional;

/**
 * One verification key from a JSON Web Key Set, bound to the single algorithm it may verify:
 * an RSA key of at least 2048 bits verifies RS256 only, a P-256 EC key ES256 only. Binding the
 * algorithm to the key (and not to the token's header) is what rules out algorithm confusion.
 *
 * @param kid the key id, if the set gives one
 * @param algorithm the one algorithm this key verifies ({@link JwtAlgorithm#RS256} or
 *     {@link JwtAlgorithm#ES256})
 * @param key the public key, an {@link RSAPublicKey} or an {@link ECPublicKey} on P-256
 */
public record Jwk(Optional<String> kid, JwtAlgorithm algorithm, PublicKey key) {
    /** The smallest RSA modulus accepted, in bits. */
    public static final int MIN_RSA_BITS = 2048;

    public Jwk {
        Objects.requireNonNull(kid, "kid == null");
        Objects.requireNonNull(algorithm, "algorithm == null");
        Objects.requireNonNull(key, "key == null");
        switch (algorithm) {
            case RS256 -> {
                if (!(key instanceof RSAPublicKey rsa)) {
                    throw new IllegalArgumentException("an RS256 key must be an RSA public key");
                }
                if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
                    throw new IllegalArgumentException("the RSA modulus has " + rsa.getModulus().bitLength()
                            + " bits, fewer than " + MIN_RSA_BITS);
                }
            }
            case ES256 -> {
                if (!(key instanceof ECPublicKey ec) || !P256.isP256Key(ec)) {
                    throw new IllegalArgumentException("an ES256 key must be an EC public key on P-256");
                }
            }
            case HS256 -> throw new IllegalArgumentException("HS256 uses the configured secret, never a JWKS key");
        }
    }

    /** Whether this key has the given id. */
    public boolean hasKid(String id) {
        return kid.isPresent() && kid.get().equals(id);
    }

    @Override
    public String toString() {
        return "Jwk[kid=" + kid.map(Texts::quote).orElse("none") + ", " + algorithm + "]";
    }
}
