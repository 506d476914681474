package io.openvod.app.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvod.core.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JwtConfigTest {
    private static final String SECRET = "s3cr3t-value-that-is-long-enough-for-hs256";
    private static final URI JWKS = URI.create("https://idp.example.com/.well-known/jwks.json");

    private static JwtConfig config(Optional<Secret> secret, Optional<URI> url) {
        return new JwtConfig(secret, url, "iss", "aud", null, null, null, null, null);
    }

    @Test
    void constructorShouldApplyDefaults() {
        JwtConfig config = JwtConfig.jwks(JWKS, "https://idp.example.com/", "openvod");
        assertThat(config.hs256Secret()).isEmpty();
        assertThat(config.userClaim()).isEqualTo("sub");
        assertThat(config.roleClaim()).isEqualTo("role");
        assertThat(config.clockSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.jwksCacheTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.jwksTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void constructorShouldRequireAKeySource() {
        assertThatThrownBy(() -> config(null, null)).hasMessageContaining("hs256Secret").hasMessageContaining("jwksUrl");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://idp.example.com/jwks", "file:///etc/jwks.json", "/relative/jwks", "https:///nohost",
        "https://user:pw@idp.example.com/jwks", "https://idp.example.com/jwks#frag"})
    void constructorShouldRejectJwksUrlsThatAreNotPlainHttp(String url) {
        assertThatThrownBy(() -> config(Optional.empty(), Optional.of(URI.create(url))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jwksUrl")
                .message().doesNotContain("pw");
    }

    @Test
    void constructorShouldRejectShortSecretsWithoutShowingThem() {
        assertThatThrownBy(() -> config(Optional.of(Secret.of("short-secret")), Optional.empty()))
                .hasMessageContaining("hs256Secret")
                .message().doesNotContain("short-secret");
    }

    @Test
    void constructorShouldRequireIssuerAndAudience() {
        Optional<Secret> secret = Optional.of(Secret.of(SECRET));
        assertThatThrownBy(() -> new JwtConfig(secret, null, " ", "aud", null, null, null, null, null)).hasMessageContaining("issuer");
        assertThatThrownBy(() -> new JwtConfig(secret, null, "iss", null, null, null, null, null, null)).hasMessageContaining("audience");
        assertThatThrownBy(() -> new JwtConfig(secret, null, "iss", "aud", "", null, null, null, null)).hasMessageContaining("userClaim");
    }

    @Test
    void constructorShouldBoundTheDurations() {
        JwtConfig config = config(Optional.of(Secret.of(SECRET)), Optional.empty());
        assertThatThrownBy(() -> config.withClockSkew(Duration.ofSeconds(-1))).hasMessageContaining("clockSkew");
        assertThatThrownBy(() -> config.withClockSkew(Duration.ofHours(1))).hasMessageContaining("clockSkew");
        assertThatThrownBy(() -> config.withJwksTiming(Duration.ofSeconds(1), Duration.ofSeconds(5))).hasMessageContaining("jwksCacheTtl");
        assertThatThrownBy(() -> config.withJwksTiming(Duration.ofMinutes(10), Duration.ZERO)).hasMessageContaining("jwksTimeout");
        assertThat(config.withClockSkew(Duration.ZERO).clockSkew()).isZero();
    }

    @Test
    void toStringShouldHideTheSecretAndTheUrlQuery() {
        JwtConfig config = config(Optional.of(Secret.of(SECRET)), Optional.of(URI.create("https://idp.example.com/jwks?key=hunter2")));
        assertThat(config.toString()).doesNotContain(SECRET).doesNotContain("hunter2")
                .contains("****").contains("https://idp.example.com/jwks");
    }
}
