package io.openvod.app.auth.jwt;

import io.openvod.app.testing.MutableClock;
import static io.openvod.app.auth.jwt.JwtMinter.AUDIENCE;
import static io.openvod.app.auth.jwt.JwtMinter.ISSUER;
import static io.openvod.app.auth.jwt.JwtMinter.NOW;
import static io.openvod.app.auth.jwt.JwtMinter.b64;
import static io.openvod.app.auth.jwt.JwtMinter.claims;
import static io.openvod.app.auth.jwt.JwtVerifierTest.reasonOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.app.auth.jwt.JwtResult.Reason;
import io.openvod.core.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Garbage in, {@link JwtResult.Invalid} out: the verifier never throws. */
class JwtVerifierInputTest {
    private static final String HEADER = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
    private static final String SIG = JwtTestKeys.b64(new byte[32]);
    private final JwtVerifier verifier = new JwtVerifier(
            JwtConfig.hs256(Secret.of(JwtMinter.HS_SECRET), ISSUER, AUDIENCE), new MutableClock(NOW), JwksSource.none());

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        ".", "..", "...", "abc", "a.b", "a.b.c.d", "a.b.c.d.e", " ", "Bearer x.y.z",
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0", "!!!.???.***", "eyJ.eyJ.sig=",
    })
    void verifyShouldRejectMalformedStructure(String token) {
        assertThat(reasonOf(verifier.verify(token))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void verifyShouldRejectPartsThatAreNotJsonObjects() {
        String payload = b64(claims());
        assertThat(reasonOf(verifier.verify(b64("not json") + "." + payload + "." + SIG))).isEqualTo(Reason.MALFORMED);
        assertThat(reasonOf(verifier.verify(b64("[\"alg\",\"HS256\"]") + "." + payload + "." + SIG))).isEqualTo(Reason.MALFORMED);
        assertThat(reasonOf(verifier.verify(b64("\"HS256\"") + "." + payload + "." + SIG))).isEqualTo(Reason.MALFORMED);
        assertThat(reasonOf(verifier.verify(b64("{\"alg\":\"HS256\"} trailing") + "." + payload + "." + SIG))).isEqualTo(Reason.MALFORMED);
        assertThat(reasonOf(verifier.verify(HEADER + "." + b64("null") + "." + SIG))).isEqualTo(Reason.MALFORMED);
        assertThat(reasonOf(verifier.verify(HEADER + "." + b64("{\"sub\":") + "." + SIG))).isEqualTo(Reason.MALFORMED);
        String notUtf8 = JwtTestKeys.b64(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}'});
        assertThat(reasonOf(verifier.verify(HEADER + "." + notUtf8 + "." + SIG))).isEqualTo(Reason.MALFORMED);
        String utf16 = JwtTestKeys.b64("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_16));
        assertThat(reasonOf(verifier.verify(utf16 + "." + payload + "." + SIG))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void verifyShouldRejectPaddedOrNonCanonicalBase64() {
        String token = JwtMinter.hs256(claims());
        assertThat(verifier.verify(token).isValid()).isTrue();
        String[] parts = token.split("\\.");
        assertThat(reasonOf(verifier.verify(token + "="))).isEqualTo(Reason.MALFORMED);
        assertThat(reasonOf(verifier.verify(parts[0] + "=." + parts[1] + "." + parts[2]))).isEqualTo(Reason.MALFORMED);
        // 32 bytes are 43 characters whose last one carries two unused bits; setting them changes
        // the text but not the bytes.
        char last = parts[2].charAt(parts[2].length() - 1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char sibling = alphabet.charAt(alphabet.indexOf(last) ^ 1);
        String malleable = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 1) + sibling;
        assertThat(reasonOf(verifier.verify(malleable))).isEqualTo(Reason.MALFORMED);
        assertThat(reasonOf(verifier.verify(parts[0] + "." + parts[1] + ".A"))).isEqualTo(Reason.MALFORMED);
        assertThat(reasonOf(verifier.verify(parts[0].replace('e', '+') + "." + parts[1] + "." + parts[2]))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void verifyShouldRejectHugeTokensBeforeDecodingThem() {
        String huge = HEADER + "." + "A".repeat(JwtVerifier.MAX_TOKEN_LENGTH) + "." + SIG;
        assertThat(reasonOf(verifier.verify(huge))).isEqualTo(Reason.TOO_LARGE);
        assertThat(reasonOf(verifier.verify("x".repeat(10_000_000)))).isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void verifyShouldRejectDeeplyNestedJson() {
        String nested = "{\"a\":" + "[".repeat(3000) + "]".repeat(3000) + "}";
        assertThat(reasonOf(verifier.verify(HEADER + "." + b64(nested) + "." + SIG))).isIn(Reason.MALFORMED, Reason.TOO_LARGE);
    }

    @Test
    void verifyShouldNeverThrowForMutatedTokens() {
        String token = JwtMinter.hs256(claims(",\"role\":\"pro\""));
        Random random = new Random(42);
        String alphabet = "AZaz09-_.=+/ {}\"\u0000\u00e9";
        for (int i = 0; i < 5_000; i++) {
            StringBuilder mutated = new StringBuilder(token);
            for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
                int at = random.nextInt(mutated.length());
                switch (random.nextInt(3)) {
                    case 0 -> mutated.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> mutated.deleteCharAt(at);
                    default -> mutated.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            JwtResult result = verifier.verify(mutated.toString());
            assertThat(result).isNotNull();
            if (!mutated.toString().equals(token)) {
                assertThat(result.isValid()).as(mutated.toString()).isFalse();
            }
        }
    }
}
