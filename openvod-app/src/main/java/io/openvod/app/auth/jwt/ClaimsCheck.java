package io.openvod.app.auth.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvod.app.account.UserIds;
import io.openvod.app.auth.jwt.JwtResult.Reason;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The claim rules of an authentic token, in this order: {@code iss}, {@code aud}, {@code exp}
 * (required), {@code nbf}, {@code iat}, the user claim and the role claim.
 */
final class ClaimsCheck {
    /** The largest NumericDate accepted: 9999-12-31T23:59:59Z. */
    private static final BigDecimal MAX_DATE = BigDecimal.valueOf(253_402_300_799L);

    private final JwtConfig config;

    ClaimsCheck(JwtConfig config) {
        this.config = config;
    }

    JwtClaims check(JsonNode payload, Instant now) throws Rejection {
        checkIssuer(payload.get("iss"));
        checkAudience(payload.get("aud"));
        Duration skew = config.clockSkew();
        Instant exp = numericDate(payload, "exp");
        if (exp == null) {
            throw new Rejection(Reason.MISSING_CLAIM, "the token has no exp");
        }
        if (!now.isBefore(exp.plus(skew))) {
            throw new Rejection(Reason.EXPIRED, "the token expired at " + exp + " (now " + now + ", skew " + skew + ")");
        }
        Instant nbf = numericDate(payload, "nbf");
        if (nbf != null && now.isBefore(nbf.minus(skew))) {
            throw new Rejection(Reason.NOT_YET_VALID, "the token is valid from " + nbf + " (now " + now + ", skew " + skew + ")");
        }
        Instant iat = numericDate(payload, "iat");
        if (iat != null && iat.isAfter(now.plus(skew))) {
            throw new Rejection(Reason.ISSUED_IN_FUTURE, "the token is issued at " + iat + " (now " + now + ", skew " + skew + ")");
        }
        String user = user(payload.get(config.userClaim()));
        Optional<String> role = role(payload.get(config.roleClaim()));
        @SuppressWarnings("unchecked")
        Map<String, Object> all = (Map<String, Object>) Json.toJava(payload);
        return new JwtClaims(user, role, exp, all);
    }

    private void checkIssuer(JsonNode iss) throws Rejection {
        if (iss == null || !iss.isTextual()) {
            throw new Rejection(Reason.WRONG_ISSUER, "the token has no iss string");
        }
        if (!iss.textValue().equals(config.issuer())) {
            throw new Rejection(Reason.WRONG_ISSUER, "iss " + Texts.quote(iss.textValue()) + " is not the configured issuer");
        }
    }

    private void checkAudience(JsonNode aud) throws Rejection {
        if (aud != null && aud.isTextual()) {
            if (aud.textValue().equals(config.audience())) {
                return;
            }
            throw new Rejection(Reason.WRONG_AUDIENCE, "aud " + Texts.quote(aud.textValue()) + " is not the configured audience");
        }
        if (aud != null && aud.isArray()) {
            for (JsonNode element : aud) {
                if (element.isTextual() && element.textValue().equals(config.audience())) {
                    return;
                }
            }
            throw new Rejection(Reason.WRONG_AUDIENCE, "aud has " + aud.size() + " values, none the configured audience");
        }
        throw new Rejection(Reason.WRONG_AUDIENCE, "the token has no aud string or array");
    }

    private String user(JsonNode node) throws Rejection {
        String claim = Texts.quote(config.userClaim());
        if (node == null || node.isNull() || (node.isTextual() && node.textValue().isEmpty())) {
            throw new Rejection(Reason.MISSING_USER, "the user claim " + claim + " is missing or empty");
        }
        if (!node.isTextual()) {
            throw new Rejection(Reason.INVALID_USER, "the user claim " + claim + " is not a string");
        }
        String user = node.textValue();
        if (!UserIds.isValid(user)) {
            throw new Rejection(Reason.INVALID_USER, "the user claim " + claim + " is " + Texts.quote(user)
                    + ", not 1-64 characters of A-Z a-z 0-9 . _ @ -");
        }
        return user;
    }

    private Optional<String> role(JsonNode node) throws Rejection {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual() || node.textValue().isBlank()) {
            throw new Rejection(Reason.INVALID_CLAIM, "the role claim " + Texts.quote(config.roleClaim())
                    + " is not a non-blank string");
        }
        return Optional.of(node.textValue());
    }

    /** A NumericDate claim (seconds since the epoch, fractions allowed), or null if absent. */
    private static Instant numericDate(JsonNode payload, String name) throws Rejection {
        JsonNode node = payload.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw new Rejection(Reason.INVALID_CLAIM, name + " is not a number of seconds");
        }
        BigDecimal value = node.decimalValue();
        if (value.signum() < 0 || value.compareTo(MAX_DATE) > 0) {
            throw new Rejection(Reason.INVALID_CLAIM, name + " is out of range");
        }
        BigDecimal seconds = value.setScale(0, RoundingMode.FLOOR);
        int nanos = value.subtract(seconds).movePointRight(9).setScale(0, RoundingMode.FLOOR).intValueExact();
        return Instant.ofEpochSecond(seconds.longValueExact(), nanos);
    }
}
