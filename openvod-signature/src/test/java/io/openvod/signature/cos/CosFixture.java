package io.openvod.signature.cos;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.signature.Credential;
import io.openvod.signature.RequestHeaders;
import io.openvod.signature.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** A valid UploadPart request with a temporary credential, and helpers to break one part of it. */
final class CosFixture {
    private CosFixture() {
    }

    static final Credential KEY = new Credential("AKIDTMPSECRETID000000000000000000000", "TmpSecretKey00000000000000000000");
    static final String TOKEN = "sts-token-for-session-42";
    static final String PATH = "/1500000001/abcdvodgzp1500000001/5285890784418605123/x2eWFXPftMEA.mp4";
    static final CosKeyTime TIME = new CosKeyTime(1_700_000_000L, 1_700_001_800L);
    static final long NOW = 1_700_000_100L;
    static final String GOOD = "5073323ebfca21d691bb22482f247594087f650f";

    static CosVerifier verifierAt(long now) {
        return CosVerifier.builder(CosCredentialLookup.of(CosCredential.temporary(KEY, TOKEN)))
                .clock(Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC)).build();
    }

    static String sign(CosKeyTime time, Map<String, String> params, Map<String, String> headers) {
        return new CosSigner(KEY).sign(time, "PUT", PATH, params, headers).authorization();
    }

    static Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Length", "1048576");
        h.put("x-cos-security-token", TOKEN);
        h.put("Authorization", sign(TIME, Map.of("partNumber", "1", "uploadId", "UPLOADID-NEW"), Map.of("Content-Length", "1048576")));
        return h;
    }

    static Map<String, List<String>> query() {
        Map<String, List<String>> q = new LinkedHashMap<>();
        q.put("partNumber", List.of("1"));
        q.put("uploadId", List.of("UPLOADID-NEW"));
        return q;
    }

    static Verdict<VerifiedCosRequest> verify(Consumer<Map<String, String>> changeHeaders, Consumer<Map<String, List<String>>> changeQuery) {
        Map<String, String> h = headers();
        Map<String, List<String>> q = query();
        changeHeaders.accept(h);
        changeQuery.accept(q);
        return verifierAt(NOW).verify(new CosRequest("PUT", PATH, q, RequestHeaders.of(h)));
    }

    static Verdict<VerifiedCosRequest> verify(Consumer<Map<String, String>> changeHeaders) {
        return verify(changeHeaders, q -> { });
    }

    static Verdict<VerifiedCosRequest> withAuthorization(String authorization) {
        return verify(h -> h.put("Authorization", authorization));
    }

    /** The Authorization with one field replaced (or removed when {@code value} is null). */
    static String authWith(String field, String value) {
        StringBuilder out = new StringBuilder();
        for (String item : headers().get("Authorization").split("&")) {
            String name = item.substring(0, item.indexOf('='));
            String v = name.equals(field) ? value : item.substring(item.indexOf('=') + 1);
            if (v != null) {
                out.append(out.isEmpty() ? "" : "&").append(name).append('=').append(v);
            }
        }
        return out.toString();
    }

    static void assertRejected(Verdict<?> verdict, CosRejection reason) {
        assertThat(verdict).isInstanceOfSatisfying(Verdict.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(reason);
            assertThat(r.detail()).isNotBlank().doesNotContain(KEY.secretKey()).doesNotContain(TOKEN);
        });
    }
}
