package io.openvod.signature.cos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import io.openvod.signature.Credential;
import io.openvod.signature.RequestHeaders;
import io.openvod.signature.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Seeded random inputs: sign then verify round-trips, and any single change is refused. */
class CosRoundTripPropertyTest {
    private static final int CASES = 300;
    private static final String HEX = "0123456789abcdef";
    private static final String TOKEN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.";
    private static final String[] METHODS = {"GET", "PUT", "POST", "DELETE", "HEAD"};

    private record Case(CosCredential credential, CosKeyTime time, String method, String path,
            Map<String, String> params, Map<String, String> headers, CosSignature signature) {
    }

    private static String unicode(Random random, int min, int max) {
        StringBuilder out = new StringBuilder();
        for (int i = min + random.nextInt(max - min + 1); i > 0; i--) {
            int cp = switch (random.nextInt(5)) {
                case 0, 1 -> 0x20 + random.nextInt(0x5F);
                case 2 -> 0xA0 + random.nextInt(0x700);
                case 3 -> 0x4E00 + random.nextInt(0x5000);
                default -> 0x1F300 + random.nextInt(0x200);
            };
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    private static String token(Random random, int min, int max) {
        StringBuilder out = new StringBuilder();
        for (int i = min + random.nextInt(max - min + 1); i > 0; i--) {
            out.append(TOKEN.charAt(random.nextInt(TOKEN.length())));
        }
        return out.toString();
    }

    /** Changes the case of ASCII letters only, as a client or proxy might. */
    private static String flipAscii(Random random, String text) {
        StringBuilder out = new StringBuilder(text);
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (c < 0x80 && Character.isLetter(c) && random.nextBoolean()) {
                out.setCharAt(i, Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
            }
        }
        return out.toString();
    }

    private static Case randomCase(Random random) {
        Credential key = new Credential("AKID" + token(random, 1, 40), unicode(random, 1, 40));
        CosCredential credential = random.nextBoolean() ? CosCredential.permanent(key) : CosCredential.temporary(key, unicode(random, 1, 60));
        long start = random.nextInt(2_000_000_000);
        CosKeyTime time = new CosKeyTime(start, start + random.nextInt(100_000));
        Map<String, String> params = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            String name = random.nextBoolean() ? token(random, 1, 12) : unicode(random, 1, 8);
            if (seen.add(name.toLowerCase(Locale.ROOT))) {
                params.put(name, random.nextInt(4) == 0 ? "" : unicode(random, 0, 30));
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (random.nextBoolean()) {
            headers.put("Content-Length", Integer.toString(random.nextInt(Integer.MAX_VALUE)));
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            headers.put("x-cos-meta-" + i + token(random, 0, 10), unicode(random, 1, 20));
        }
        String method = METHODS[random.nextInt(METHODS.length)];
        String path = "/" + (random.nextInt(5) == 0 ? "" : unicode(random, 1, 40));
        CosSignature signature = new CosSigner(key).sign(time, method, path, params, headers);
        return new Case(credential, time, method, path, params, headers, signature);
    }

    private static CosVerifier verifier(Case c, long now) {
        return CosVerifier.builder(CosCredentialLookup.of(c.credential())).clock(Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC)).build();
    }

    private static CosRequest request(Case c, Random random, String authorization, String path,
            Map<String, String> params, Map<String, String> headers) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        params.forEach((k, v) -> query.put(flipAscii(random, k), List.of(v)));
        Map<String, String> sent = new LinkedHashMap<>();
        headers.forEach((k, v) -> sent.put(flipAscii(random, k), v));
        c.credential().securityToken().ifPresent(t -> sent.put("x-cos-security-token", t));
        sent.put("Authorization", authorization);
        return new CosRequest(flipAscii(random, c.method()), path, query, RequestHeaders.of(sent));
    }

    private static void assertMismatch(Verdict<VerifiedCosRequest> verdict) {
        assertThat(verdict).isInstanceOfSatisfying(Verdict.Rejected.class,
                r -> assertThat(r.reason()).isEqualTo(CosRejection.SIGNATURE_MISMATCH));
    }

    @Test
    void signThenVerifyShouldRoundTripForRandomInputs() {
        Random random = new Random(1_700_000_000L);
        for (int i = 0; i < CASES; i++) {
            Case c = randomCase(random);
            long now = c.time().start() + (long) (random.nextDouble() * (c.time().end() - c.time().start()));
            Verdict<VerifiedCosRequest> verdict = verifier(c, now).verify(
                    request(c, random, c.signature().authorization(), c.path(), c.params(), c.headers()));
            assertThat(verdict).as("case %d: %s", i, c.signature().httpString()).isInstanceOf(Verdict.Accepted.class);
            assertThat(verdict.orElseThrow().signedParameters()).hasSameSizeAs(c.params());
            assertThat(verdict.orElseThrow().signedHeaders()).hasSameSizeAs(c.headers());
        }
    }

    @Test
    void flippingAnySignatureCharacterShouldBeRejected() {
        Random random = new Random(3);
        for (int i = 0; i < CASES; i++) {
            Case c = randomCase(random);
            String auth = c.signature().authorization();
            int at = auth.length() - 40 + random.nextInt(40);
            char other = HEX.charAt((HEX.indexOf(auth.charAt(at)) + 1 + random.nextInt(15)) % 16);
            String flipped = auth.substring(0, at) + other + auth.substring(at + 1);
            assertMismatch(verifier(c, c.time().start()).verify(request(c, random, flipped, c.path(), c.params(), c.headers())));
        }
    }

    @Test
    void changingOneSignedValueOrThePathShouldBeRejected() {
        Random random = new Random(5);
        for (int i = 0; i < CASES; i++) {
            Case c = randomCase(random);
            Map<String, String> params = new LinkedHashMap<>(c.params());
            Map<String, String> headers = new LinkedHashMap<>(c.headers());
            String path = c.path();
            List<String> paramNames = new ArrayList<>(params.keySet());
            List<String> headerNames = new ArrayList<>(headers.keySet());
            switch (random.nextInt(3)) {
                case 0 -> path = path + unicode(random, 1, 3);
                case 1 -> {
                    if (paramNames.isEmpty()) {
                        path = path + "x";
                    } else {
                        params.merge(paramNames.get(random.nextInt(paramNames.size())), unicode(random, 1, 2), String::concat);
                    }
                }
                default -> {
                    if (headerNames.isEmpty()) {
                        path = "/" + path;
                    } else {
                        headers.merge(headerNames.get(random.nextInt(headerNames.size())), "0", String::concat);
                    }
                }
            }
            assertMismatch(verifier(c, c.time().end()).verify(request(c, random, c.signature().authorization(), path, params, headers)));
        }
    }

    @Test
    void randomlyMutatedAuthorizationsShouldNeverMakeTheVerifierThrow() {
        Random random = new Random(13);
        for (int i = 0; i < CASES; i++) {
            Case c = randomCase(random);
            StringBuilder auth = new StringBuilder(c.signature().authorization());
            for (int m = 1 + random.nextInt(3); m > 0; m--) {
                int at = random.nextInt(auth.length());
                switch (random.nextInt(3)) {
                    case 0 -> auth.deleteCharAt(at);
                    case 1 -> auth.insert(at, "&=;%%0%ff9-".charAt(random.nextInt(11)));
                    default -> auth.setCharAt(at, (char) random.nextInt(0x3000));
                }
            }
            CosRequest request = request(c, random, auth.toString(), c.path(), c.params(), c.headers());
            assertThatNoException().isThrownBy(() -> {
                Verdict<VerifiedCosRequest> verdict = verifier(c, c.time().start()).verify(request);
                if (verdict.isAccepted()) {
                    assertThat(verdict.orElseThrow().accessKeyId()).isEqualTo(c.credential().secretId());
                }
            });
        }
    }
}
