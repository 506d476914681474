package io.openvod.app.auth.jwt;

import io.openvod.app.AppError;
import java.util.Objects;

/**
 * The outcome of {@link JwtVerifier#verify(String)}: {@link Valid} with the verified claims, or
 * {@link Invalid} with the precise {@link Reason}. The verifier returns results and never throws
 * for bad input.
 */
public sealed interface JwtResult {

    /** The token is authentic and its claims hold now. */
    record Valid(JwtClaims claims) implements JwtResult {
        public Valid {
            Objects.requireNonNull(claims, "claims == null");
        }
    }

    /**
     * The token is refused.
     *
     * @param reason what is wrong
     * @param detail the offending value or rule, safe to log: no secret, token values quoted and cut
     */
    record Invalid(Reason reason, String detail) implements JwtResult {
        public Invalid {
            Objects.requireNonNull(reason, "reason == null");
            Objects.requireNonNull(detail, "detail == null");
        }

        /** The app error for the client: {@link AppError#TOKEN_EXPIRED} or {@link AppError#INVALID_TOKEN}. */
        public AppError error() {
            return reason.error();
        }

        @Override
        public String toString() {
            return "Invalid[" + reason + ": " + detail + "]";
        }
    }

    default boolean isValid() {
        return this instanceof Valid;
    }

    /** Why a token is refused. Only {@link #EXPIRED} is {@link AppError#TOKEN_EXPIRED}. */
    enum Reason {
        /** Not three base64url parts, or a header or payload that is not a JSON object. */
        MALFORMED("the token is not a compact JWS with JSON header and payload"),
        /** Longer than {@link JwtVerifier#MAX_TOKEN_LENGTH} characters. */
        TOO_LARGE("the token is too long"),
        /** A {@code typ} header other than JWT. */
        UNSUPPORTED_TYPE("the typ header is not JWT"),
        /** A {@code crit} header: no extension is understood. */
        CRITICAL_HEADER("the token requires header extensions (crit) this service does not understand"),
        /** An {@code alg} outside HS256/RS256/ES256, {@code none}, or one whose key source is not configured. */
        ALGORITHM_NOT_ALLOWED("the signature algorithm is not accepted"),
        /** RS256/ES256, but no JWKS could be fetched yet. */
        KEYS_UNAVAILABLE("the identity provider's keys are not available"),
        /** No JWKS key with the token's {@code kid}, or none for its algorithm, even after a refresh. */
        UNKNOWN_KEY("no key matches the token"),
        /** The key named by {@code kid} is for another algorithm than the token's {@code alg}. */
        KEY_ALGORITHM_MISMATCH("the token's key is for another algorithm"),
        /** The signature does not verify. */
        BAD_SIGNATURE("the signature does not verify"),
        /** A required claim ({@code exp}) is absent. */
        MISSING_CLAIM("a required claim is missing"),
        /** A claim has the wrong type or an impossible value. */
        INVALID_CLAIM("a claim has an invalid value"),
        /** {@code exp} plus the clock skew is past. */
        EXPIRED("the token has expired"),
        /** {@code nbf} minus the clock skew is still ahead. */
        NOT_YET_VALID("the token is not valid yet"),
        /** {@code iat} is further ahead than the clock skew. */
        ISSUED_IN_FUTURE("the token is issued in the future"),
        /** {@code iss} is absent or not the configured issuer. */
        WRONG_ISSUER("the token is from another issuer"),
        /** {@code aud} is absent or does not contain the configured audience. */
        WRONG_AUDIENCE("the token is for another audience"),
        /** The user claim is absent or empty. */
        MISSING_USER("the token names no user"),
        /** The user claim is not an app user id (1-64 of A-Z a-z 0-9 . _ @ -). */
        INVALID_USER("the token's user is not a valid user id");

        private final String summary;

        Reason(String summary) {
            this.summary = summary;
        }

        /** The app error this reason is reported as. */
        public AppError error() {
            return this == EXPIRED ? AppError.TOKEN_EXPIRED : AppError.INVALID_TOKEN;
        }

        /** What the reason means, in one sentence. */
        public String summary() {
            return summary;
        }
    }
}
