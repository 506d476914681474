package io.openvod.signature.tc3;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.signature.Credential;
import io.openvod.signature.RequestHeaders;
import io.openvod.signature.SecretKeyLookup;
import io.openvod.signature.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** A valid ConfirmEvents request (the §12.4 vector) and helpers to break one part of it. */
final class Tc3Fixture {
    private Tc3Fixture() {
    }

    static final Credential KEY = new Credential("AKIDEXAMPLEVODTESTVECTOR000000000000", "VodTestSecretKeyEXAMPLE0123456789");
    static final String HOST = "vod.tencentcloudapi.com";
    static final long TS = 1_700_000_000L;
    static final byte[] BODY = "{\"EventHandles\":[\"EventHandle1\",\"EventHandle2\"],\"SubAppId\":1500000001}"
            .getBytes(StandardCharsets.UTF_8);
    static final String GOOD_SIGNATURE = "a61a1bde278507cd6163396d05b28bb7ca05f6a70f8dd01af51ad31a7bf01c73";

    static Tc3Verifier verifierAt(long now) {
        return Tc3Verifier.builder(SecretKeyLookup.of(KEY)).clock(Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC)).build();
    }

    static Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", Tc3Signer.JSON_CONTENT_TYPE);
        h.put("Host", HOST);
        h.put("X-TC-Action", "ConfirmEvents");
        h.put("X-TC-Version", "2018-07-17");
        h.put("X-TC-Timestamp", Long.toString(TS));
        h.put("Authorization", new Tc3Signer(KEY, "vod").signJsonPost(TS, HOST, BODY).authorization());
        return h;
    }

    static Verdict<VerifiedTc3Request> verify(Consumer<Map<String, String>> change) {
        Map<String, String> h = headers();
        change.accept(h);
        return verifierAt(TS + 60).verify(new Tc3Request("POST", "", RequestHeaders.of(h), BODY));
    }

    static Verdict<VerifiedTc3Request> withAuthorization(String authorization) {
        return verify(h -> h.put("Authorization", authorization));
    }

    static void assertRejected(Verdict<?> verdict, Tc3Rejection reason) {
        assertThat(verdict).isInstanceOfSatisfying(Verdict.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(reason);
            assertThat(r.detail()).isNotBlank().doesNotContain(KEY.secretKey());
        });
    }

    static String auth(String credential, String signedHeaders, String signature) {
        return "TC3-HMAC-SHA256 Credential=" + credential + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature;
    }
}
