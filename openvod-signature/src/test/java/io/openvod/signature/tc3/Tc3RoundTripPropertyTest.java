package io.openvod.signature.tc3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import io.openvod.signature.Credential;
import io.openvod.signature.RequestHeaders;
import io.openvod.signature.SecretKeyLookup;
import io.openvod.signature.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded random inputs: sign then verify round-trips, and any single change is refused. */
class Tc3RoundTripPropertyTest {
    private static final int CASES = 300;
    private static final String HEX = "0123456789abcdef";
    private static final String TOKEN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";

    private record Case(Credential key, String service, long timestamp, String method, String query,
            Map<String, String> signed, byte[] body, Tc3Signature signature) {
    }

    private static String pick(Random random, String alphabet, int min, int max) {
        StringBuilder out = new StringBuilder();
        for (int i = min + random.nextInt(max - min + 1); i > 0; i--) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static String unicode(Random random, int max) {
        StringBuilder out = new StringBuilder();
        for (int i = random.nextInt(max + 1); i > 0; i--) {
            int cp = switch (random.nextInt(4)) {
                case 0 -> 0x20 + random.nextInt(0x5F);
                case 1 -> 0xA0 + random.nextInt(0x700);
                case 2 -> 0x4E00 + random.nextInt(0x5000);
                default -> 0x1F300 + random.nextInt(0x200);
            };
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    private static Case randomCase(Random random) {
        Credential key = new Credential("AKID" + pick(random, TOKEN, 1, 40), "k" + unicode(random, 40));
        String service = pick(random, "abcdefghijklmnopqrstuvwxyz0123456789", 1, 12);
        long timestamp = (long) (random.nextDouble() * 4_102_444_800L);
        boolean get = random.nextBoolean();
        String query = get ? pick(random, TOKEN + "=&%.~", 0, 60) : "";
        Map<String, String> signed = new LinkedHashMap<>();
        signed.put("Content-Type", get ? "application/x-www-form-urlencoded" : "application/json; charset=utf-8");
        signed.put("Host", service + ".tencentcloudapi.com");
        for (int i = random.nextInt(4); i > 0; i--) {
            signed.put("X-TC-" + pick(random, TOKEN, 1, 10), pick(random, TOKEN + " ;:/", 0, 30));
        }
        byte[] body = new byte[get ? 0 : random.nextInt(300)];
        random.nextBytes(body);
        Tc3Signature signature = new Tc3Signer(key, service).sign(timestamp, get ? "GET" : "POST", query, signed, body);
        return new Case(key, service, timestamp, get ? "GET" : "POST", query, signed, body, signature);
    }

    private static Tc3Verifier verifier(Case c, long now) {
        return Tc3Verifier.builder(SecretKeyLookup.of(c.key())).service(c.service())
                .clock(Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC)).build();
    }

    /** The request as a client sends it; header names and values may arrive in another case. */
    private static Tc3Request request(Case c, Random random, String authorization, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        c.signed().forEach((name, value) -> headers.put(
                random.nextBoolean() ? name.toUpperCase(Locale.ROOT) : name,
                random.nextBoolean() ? " " + value.toUpperCase(Locale.ROOT) : value));
        headers.put("X-TC-Timestamp", Long.toString(c.timestamp()));
        headers.put("Authorization", authorization);
        return new Tc3Request(c.method(), c.query(), RequestHeaders.of(headers), body);
    }

    @Test
    void signThenVerifyShouldRoundTripForRandomInputs() {
        Random random = new Random(20231114);
        for (int i = 0; i < CASES; i++) {
            Case c = randomCase(random);
            long now = c.timestamp() + random.nextInt(601) - 300;
            Verdict<VerifiedTc3Request> verdict = verifier(c, now).verify(request(c, random, c.signature().authorization(), c.body()));
            assertThat(verdict).as("case %d: %s", i, c.signature().canonicalRequest()).isInstanceOf(Verdict.Accepted.class);
            assertThat(verdict.orElseThrow().secretId()).isEqualTo(c.key().secretId());
        }
    }

    @Test
    void flippingAnySignatureCharacterShouldBeRejected() {
        Random random = new Random(7);
        for (int i = 0; i < CASES; i++) {
            Case c = randomCase(random);
            String auth = c.signature().authorization();
            int at = auth.length() - 64 + random.nextInt(64);
            char other = HEX.charAt((HEX.indexOf(auth.charAt(at)) + 1 + random.nextInt(15)) % 16);
            String flipped = auth.substring(0, at) + other + auth.substring(at + 1);
            Verdict<VerifiedTc3Request> verdict = verifier(c, c.timestamp()).verify(request(c, random, flipped, c.body()));
            assertThat(verdict).isInstanceOfSatisfying(Verdict.Rejected.class,
                    r -> assertThat(r.reason()).isEqualTo(Tc3Rejection.SIGNATURE_MISMATCH));
        }
    }

    @Test
    void changingOneByteOfTheBodyShouldBeRejected() {
        Random random = new Random(11);
        for (int i = 0; i < CASES; i++) {
            Case c = randomCase(random);
            byte[] body;
            if (c.body().length == 0) {
                body = new byte[] {(byte) random.nextInt(256)};
            } else {
                body = c.body().clone();
                body[random.nextInt(body.length)] ^= (byte) (1 + random.nextInt(255));
            }
            Verdict<VerifiedTc3Request> verdict = verifier(c, c.timestamp()).verify(request(c, random, c.signature().authorization(), body));
            assertThat(verdict).isInstanceOfSatisfying(Verdict.Rejected.class,
                    r -> assertThat(r.reason()).isEqualTo(Tc3Rejection.SIGNATURE_MISMATCH));
        }
    }

    @Test
    void randomlyMutatedHeadersShouldNeverMakeTheVerifierThrow() {
        Random random = new Random(99);
        for (int i = 0; i < CASES; i++) {
            Case c = randomCase(random);
            StringBuilder auth = new StringBuilder(c.signature().authorization());
            for (int m = 1 + random.nextInt(3); m > 0; m--) {
                int at = random.nextInt(auth.length());
                switch (random.nextInt(3)) {
                    case 0 -> auth.deleteCharAt(at);
                    case 1 -> auth.insert(at, (char) random.nextInt(0x3000));
                    default -> auth.setCharAt(at, (char) random.nextInt(0x80));
                }
            }
            Map<String, String> headers = new LinkedHashMap<>(c.signed());
            headers.put("Authorization", auth.toString());
            headers.put("X-TC-Timestamp", random.nextBoolean() ? Long.toString(c.timestamp()) : unicode(random, 25));
            Tc3Request request = new Tc3Request(c.method(), c.query(), RequestHeaders.of(headers), c.body());
            assertThatNoException().isThrownBy(() -> {
                Verdict<VerifiedTc3Request> verdict = verifier(c, c.timestamp()).verify(request);
                if (verdict.isAccepted()) {
                    // Only harmless edits (such as spacing around a comma) may still verify.
                    assertThat(verdict.orElseThrow().secretId()).isEqualTo(c.key().secretId());
                }
            });
        }
    }
}
