package io.openvod.app.auth.jwt;

import io.openvod.app.testing.MutableClock;
import static io.openvod.app.auth.jwt.JwtMinter.AUDIENCE;
import static io.openvod.app.auth.jwt.JwtMinter.ISSUER;
import static io.openvod.app.auth.jwt.JwtMinter.NOW;
import static io.openvod.app.auth.jwt.JwtVerifierTest.reasonOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvod.app.AppError;
import io.openvod.app.auth.jwt.JwtResult.Reason;
import io.openvod.core.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The claim rules, on HS256 tokens; the clock stands at {@link JwtMinter#NOW} and the skew is 60 s. */
class JwtVerifierClaimsTest {
    private final MutableClock clock = new MutableClock(NOW);
    private final JwtConfig config = JwtConfig.hs256(Secret.of(JwtMinter.HS_SECRET), ISSUER, AUDIENCE);
    private final JwtVerifier verifier = new JwtVerifier(config, clock, JwksSource.none());

    /** A token with exactly these claims. */
    private static String token(String claimsJson) {
        return JwtMinter.hs256(claimsJson);
    }

    private static String base(String exp) {
        return "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"alice\",\"exp\":" + exp;
    }

    private JwtClaims valid(String claimsJson) {
        JwtResult result = verifier.verify(token(claimsJson));
        assertThat(result).as(result.toString()).isInstanceOf(JwtResult.Valid.class);
        return ((JwtResult.Valid) result).claims();
    }

    private Reason reason(String claimsJson) {
        return reasonOf(verifier.verify(token(claimsJson)));
    }

    @Test
    void verifyShouldRejectExpiredToken() {
        JwtResult result = verifier.verify(token(base(String.valueOf(NOW - 61)) + "}"));
        assertThat(reasonOf(result)).isEqualTo(Reason.EXPIRED);
        assertThat(((JwtResult.Invalid) result).error()).isEqualTo(AppError.TOKEN_EXPIRED);
        assertThat(reason(base(String.valueOf(NOW - 60)) + "}")).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void verifyShouldAcceptTokenExpiredWithinClockSkew() {
        assertThat(valid(base(String.valueOf(NOW - 59)) + "}").expiresAt()).isEqualTo(Instant.ofEpochSecond(NOW - 59));
        JwtVerifier strict = new JwtVerifier(config.withClockSkew(Duration.ZERO), clock, JwksSource.none());
        assertThat(reasonOf(strict.verify(token(base(String.valueOf(NOW)) + "}")))).isEqualTo(Reason.EXPIRED);
        assertThat(strict.verify(token(base(String.valueOf(NOW + 1)) + "}")).isValid()).isTrue();
    }

    @Test
    void verifyShouldAcceptFractionalNumericDates() {
        assertThat(valid(base((NOW + 10) + ".5") + ",\"iat\":1.7e9}").expiresAt())
                .isEqualTo(Instant.ofEpochSecond(NOW + 10, 500_000_000));
    }

    @Test
    void verifyShouldRequireANumericExp() {
        String noExp = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"alice\"}";
        assertThat(reason(noExp)).isEqualTo(Reason.MISSING_CLAIM);
        assertThat(reason(base("null") + "}")).isEqualTo(Reason.MISSING_CLAIM);
        assertThat(reason(base("\"" + (NOW + 60) + "\"") + "}")).isEqualTo(Reason.INVALID_CLAIM);
        assertThat(reason(base("-1") + "}")).isEqualTo(Reason.INVALID_CLAIM);
        assertThat(reason(base("1e400") + "}")).isEqualTo(Reason.INVALID_CLAIM);
        assertThat(reason(base("true") + "}")).isEqualTo(Reason.INVALID_CLAIM);
    }

    @Test
    void verifyShouldRejectTokenNotYetValid() {
        String exp = String.valueOf(NOW + 3600);
        assertThat(reason(base(exp) + ",\"nbf\":" + (NOW + 61) + "}")).isEqualTo(Reason.NOT_YET_VALID);
        assertThat(valid(base(exp) + ",\"nbf\":" + (NOW + 59) + "}").subject()).isEqualTo("alice");
        assertThat(reason(base(exp) + ",\"nbf\":\"soon\"}")).isEqualTo(Reason.INVALID_CLAIM);
    }

    @Test
    void verifyShouldRejectTokenIssuedInTheFuture() {
        String exp = String.valueOf(NOW + 3600);
        assertThat(reason(base(exp) + ",\"iat\":" + (NOW + 61) + "}")).isEqualTo(Reason.ISSUED_IN_FUTURE);
        assertThat(valid(base(exp) + ",\"iat\":" + (NOW + 59) + "}").subject()).isEqualTo("alice");
    }

    @Test
    void verifyShouldRejectWrongIssuer() {
        String exp = String.valueOf(NOW + 3600);
        String rest = ",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"alice\",\"exp\":" + exp + "}";
        assertThat(reason("{\"iss\":\"https://evil.example.com/\"" + rest)).isEqualTo(Reason.WRONG_ISSUER);
        assertThat(reason("{\"iss\":\"https://idp.example.com\"" + rest)).isEqualTo(Reason.WRONG_ISSUER);
        assertThat(reason("{\"iss\":[\"" + ISSUER + "\"]" + rest)).isEqualTo(Reason.WRONG_ISSUER);
        assertThat(reason("{\"sub\":\"alice\",\"aud\":\"" + AUDIENCE + "\",\"exp\":" + exp + "}")).isEqualTo(Reason.WRONG_ISSUER);
    }

    @Test
    void verifyShouldRejectWrongAudience() {
        String head = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"alice\",\"exp\":" + (NOW + 3600);
        assertThat(reason(head + ",\"aud\":\"another-app\"}")).isEqualTo(Reason.WRONG_AUDIENCE);
        assertThat(reason(head + ",\"aud\":[\"another-app\",\"a third\"]}")).isEqualTo(Reason.WRONG_AUDIENCE);
        assertThat(reason(head + ",\"aud\":[]}")).isEqualTo(Reason.WRONG_AUDIENCE);
        assertThat(reason(head + ",\"aud\":42}")).isEqualTo(Reason.WRONG_AUDIENCE);
        assertThat(reason(head + "}")).isEqualTo(Reason.WRONG_AUDIENCE);
    }

    @Test
    void verifyShouldAcceptAudienceArrayContainingTheAudience() {
        String head = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"alice\",\"exp\":" + (NOW + 3600);
        assertThat(valid(head + ",\"aud\":[\"another-app\",7,\"" + AUDIENCE + "\"]}").all().get("aud"))
                .isEqualTo(List.of("another-app", 7, AUDIENCE));
    }

    @Test
    void verifyShouldRejectMissingUserClaim() {
        String noSub = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"exp\":" + (NOW + 3600) + "}";
        assertThat(reason(noSub)).isEqualTo(Reason.MISSING_USER);
        assertThat(reason(noSub.replace("}", ",\"sub\":\"\"}"))).isEqualTo(Reason.MISSING_USER);
        assertThat(reason(noSub.replace("}", ",\"sub\":null}"))).isEqualTo(Reason.MISSING_USER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"al ice\"", "\"alice/bob\"", "\"al\\u0000ice\"", "\"\u00e4lice\"", "\"<script>\"", "12345", "[\"alice\"]",
        "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\""})
    void verifyShouldRejectInvalidUserClaim(String sub) {
        String claims = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"exp\":" + (NOW + 3600) + ",\"sub\":" + sub + "}";
        JwtResult result = verifier.verify(token(claims));
        assertThat(reasonOf(result)).isEqualTo(Reason.INVALID_USER);
        assertThat(((JwtResult.Invalid) result).detail()).doesNotContain("\u0000").contains("'sub'");
    }

    @Test
    void verifyShouldAcceptUserIdsOfTheAppRule() {
        String id = "a.B_c-9@example.com";
        assertThat(valid(base(String.valueOf(NOW + 3600)).replace("\"alice\"", "\"" + id + "\"") + "}").subject()).isEqualTo(id);
        String longest = "x".repeat(64);
        assertThat(valid(base(String.valueOf(NOW + 3600)).replace("\"alice\"", "\"" + longest + "\"") + "}").subject()).isEqualTo(longest);
    }

    @Test
    void verifyShouldUseTheConfiguredUserAndRoleClaims() {
        JwtVerifier custom = new JwtVerifier(config.withClaims("preferred_username", "app_role"), clock, JwksSource.none());
        String claims = base(String.valueOf(NOW + 3600)) + ",\"preferred_username\":\"bob\",\"app_role\":\"editor\",\"role\":[1]}";
        JwtResult result = custom.verify(token(claims));
        assertThat(result.isValid()).as(result.toString()).isTrue();
        JwtClaims verified = ((JwtResult.Valid) result).claims();
        assertThat(verified.subject()).isEqualTo("bob");
        assertThat(verified.role()).contains("editor");
    }

    @Test
    void verifyShouldExtractRoleClaim() {
        String exp = String.valueOf(NOW + 3600);
        JwtClaims withRole = valid(base(exp) + ",\"role\":\"pro\",\"email\":\"a@example.com\",\"n\":{\"k\":[true,null]}}");
        assertThat(withRole.role()).isEqualTo(Optional.of("pro"));
        assertThat(withRole.all()).containsEntry("email", "a@example.com").containsEntry("sub", "alice")
                .containsKey("n");
        assertThat(valid(base(exp) + "}").role()).isEmpty();
        assertThat(valid(base(exp) + ",\"role\":null}").role()).isEmpty();
        assertThat(reason(base(exp) + ",\"role\":[\"pro\"]}")).isEqualTo(Reason.INVALID_CLAIM);
        assertThat(reason(base(exp) + ",\"role\":\" \"}")).isEqualTo(Reason.INVALID_CLAIM);
    }

    @Test
    void claimsShouldBeUnmodifiable() {
        JwtClaims claims = valid(base(String.valueOf(NOW + 3600)) + ",\"list\":[1],\"map\":{\"a\":1}}");
        assertThatThrownBy(() -> claims.all().put("sub", "mallory")).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) claims.all().get("list");
        assertThatThrownBy(() -> list.add(2)).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) claims.all().get("map");
        assertThatThrownBy(() -> map.clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void verifyShouldRejectDuplicateClaims() {
        assertThat(reason(base(String.valueOf(NOW + 3600)) + ",\"sub\":\"admin\"}")).isEqualTo(Reason.MALFORMED);
    }
}
