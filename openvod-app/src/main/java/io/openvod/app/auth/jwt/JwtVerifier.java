package io.openvod.app.auth.jwt;

import io.openvod.app.auth.jwt.JwtResult.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies JWT bearer tokens from an identity provider: the compact JWS structure and header,
 * the signature (HS256 with the configured secret; RS256 and ES256 with the provider's JWKS),
 * then the claims (issuer, audience, expiry, not-before, issued-at, user and role).
 *
 * <p>Which algorithm may be used is decided by the configuration and by the key, never by the
 * token alone: HS256 only if {@code hs256Secret} is set, RS256/ES256 only if {@code jwksUrl} is
 * set, and a JWKS key only for the one algorithm it is bound to ({@link Jwk}). A token with a
 * {@code kid} the cached key set lacks makes the source {@linkplain JwksSource#refresh() refresh}
 * (at most once per interval, see {@link HttpJwksSource}); a token without {@code kid} is tried
 * against every key of its algorithm. Thread-safe; {@link #verify(String)} never throws.
 */
public final class JwtVerifier {
    /** The longest token accepted, in characters. */
    public static final int MAX_TOKEN_LENGTH = 16 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(JwtVerifier.class);

    private final JwtConfig config;
    private final Clock clock;
    private final JwksSource jwks;
    private final Optional<SecretKeySpec> hmacKey;
    private final ClaimsCheck claims;

    /**
     * @param config what to accept
     * @param clock the clock that {@code exp}, {@code nbf} and {@code iat} are compared with
     * @param jwks the key source of RS256/ES256 tokens; used only when {@code config} has a
     *     {@code jwksUrl}, and {@link JwksSource#none()} will do otherwise
     */
    public JwtVerifier(JwtConfig config, Clock clock, JwksSource jwks) {
        this.config = Objects.requireNonNull(config, "config == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.jwks = Objects.requireNonNull(jwks, "jwks == null");
        this.hmacKey = config.hs256Secret()
                .map(s -> new SecretKeySpec(s.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        this.claims = new ClaimsCheck(config);
    }

    /**
     * Verifies a compact JWT (without the {@code Bearer } prefix).
     *
     * @return {@link JwtResult.Valid} with the claims, or {@link JwtResult.Invalid} with the reason
     */
    public JwtResult verify(String compactJwt) {
        try {
            CompactJws jws = CompactJws.parse(compactJwt, MAX_TOKEN_LENGTH);
            checkSignature(jws);
            return new JwtResult.Valid(claims.check(jws.payload(), clock.instant()));
        } catch (Rejection r) {
            return r.result();
        } catch (RuntimeException e) {
            LOG.warn("A JWT could not be verified because of an unexpected failure", e);
            return new JwtResult.Invalid(Reason.MALFORMED, "the token could not be processed");
        }
    }

    /** The configuration this verifier applies. */
    public JwtConfig config() {
        return config;
    }

    private void checkSignature(CompactJws jws) throws Rejection {
        JwtAlgorithm alg = jws.algorithm();
        if (alg == JwtAlgorithm.HS256) {
            SecretKeySpec key = hmacKey.orElseThrow(() -> new Rejection(Reason.ALGORITHM_NOT_ALLOWED,
                    "HS256 is not accepted: no hs256Secret is configured"));
            if (!JwsSignatures.hs256(key, jws.signingInput(), jws.signature())) {
                throw new Rejection(Reason.BAD_SIGNATURE, "the HS256 signature does not verify");
            }
            return;
        }
        if (config.jwksUrl().isEmpty()) {
            throw new Rejection(Reason.ALGORITHM_NOT_ALLOWED, alg + " is not accepted: no jwksUrl is configured");
        }
        JwkSet set = keys(false).orElseThrow(() -> new Rejection(Reason.KEYS_UNAVAILABLE,
                "the identity provider's key set could not be fetched"));
        if (jws.kid().isPresent()) {
            checkWithKid(jws, alg, jws.kid().get(), set);
        } else {
            checkWithoutKid(jws, alg, set);
        }
    }

    private void checkWithKid(CompactJws jws, JwtAlgorithm alg, String kid, JwkSet cached) throws Rejection {
        List<Jwk> named = cached.withKid(kid);
        if (named.isEmpty()) {
            named = keys(true).orElse(cached).withKid(kid);
            if (named.isEmpty()) {
                throw new Rejection(Reason.UNKNOWN_KEY, "no key has kid " + Texts.quote(kid));
            }
        }
        List<Jwk> usable = named.stream().filter(k -> k.algorithm() == alg).toList();
        if (usable.isEmpty()) {
            throw new Rejection(Reason.KEY_ALGORITHM_MISMATCH, "key " + Texts.quote(kid) + " is for "
                    + named.getFirst().algorithm() + ", not " + alg);
        }
        if (!anyVerifies(usable, jws)) {
            throw new Rejection(Reason.BAD_SIGNATURE, "the " + alg + " signature does not verify with key " + Texts.quote(kid));
        }
    }

    private void checkWithoutKid(CompactJws jws, JwtAlgorithm alg, JwkSet cached) throws Rejection {
        if (anyVerifies(cached.forAlgorithm(alg), jws)) {
            return;
        }
        // The provider may have rotated to a key this set lacks; look once more (rate-limited).
        JwkSet fresh = keys(true).orElse(cached);
        List<Jwk> candidates = fresh.forAlgorithm(alg);
        if (candidates.isEmpty()) {
            throw new Rejection(Reason.UNKNOWN_KEY, "the key set has no " + alg + " key");
        }
        if (fresh.equals(cached) || !anyVerifies(candidates, jws)) {
            throw new Rejection(Reason.BAD_SIGNATURE, "the " + alg + " signature does not verify with any of "
                    + candidates.size() + " keys");
        }
    }

    private Optional<JwkSet> keys(boolean refresh) {
        try {
            return refresh ? jwks.refresh() : jwks.keys();
        } catch (RuntimeException e) {
            LOG.warn("The JWKS source failed", e);
            return Optional.empty();
        }
    }

    private static boolean anyVerifies(List<Jwk> keys, CompactJws jws) {
        for (Jwk key : keys) {
            if (JwsSignatures.verify(key, jws.signingInput(), jws.signature())) {
                return true;
            }
        }
        return false;
    }
}
