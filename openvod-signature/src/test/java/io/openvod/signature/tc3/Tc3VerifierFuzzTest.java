package io.openvod.signature.tc3;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.openvod.signature.RequestHeaders;
import io.openvod.signature.Verdict;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Any API 3.0 request is either verified or refused with a {@link Verdict.Rejected}: the
 * verifier never throws for bad input. And what {@link Tc3Signer} signs (when it does not refuse
 * the values with an {@link IllegalArgumentException}) verifies.
 */
class Tc3VerifierFuzzTest {
    @FuzzTest(maxDuration = "5s")
    void verify(FuzzedDataProvider data) {
        if (data.consumeBoolean()) {
            signThenVerify(data);
        } else {
            anyRequest(data);
        }
    }

    private static void anyRequest(FuzzedDataProvider data) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", data.consumeBoolean() ? data.consumeString(600)
                : "TC3-HMAC-SHA256 Credential=" + data.consumeString(200) + ", SignedHeaders=" + data.consumeString(100)
                        + ", Signature=" + data.consumeString(70));
        headers.put("X-TC-Timestamp", data.consumeBoolean() ? Long.toString(Tc3Fixture.TS + data.consumeInt(-400, 400))
                : data.consumeString(24));
        headers.put("Content-Type", data.consumeString(60));
        headers.put("Host", data.consumeString(60));
        headers.put(data.consumeString(20), data.consumeString(60));
        Tc3Request request = new Tc3Request(data.consumeString(10), data.consumeString(100), RequestHeaders.of(headers),
                data.consumeRemainingAsBytes());
        assertThat(Tc3Fixture.verifierAt(Tc3Fixture.TS).verify(request)).isNotNull();
    }

    private static void signThenVerify(FuzzedDataProvider data) {
        long timestamp = data.consumeLong(0, Tc3Canonical.MAX_TIMESTAMP);
        String method = data.consumeBoolean() ? "POST" : data.consumeString(10);
        String query = data.consumeString(100);
        Map<String, String> signed = new LinkedHashMap<>();
        signed.put("Content-Type", data.consumeBoolean() ? Tc3Signer.JSON_CONTENT_TYPE : data.consumeString(60));
        signed.put("Host", data.consumeBoolean() ? Tc3Fixture.HOST : data.consumeString(60));
        String extra = data.consumeString(20);
        if (!extra.strip().equalsIgnoreCase("X-TC-Timestamp") && !extra.strip().equalsIgnoreCase("Authorization")) {
            signed.put(extra, data.consumeString(60)); // the two headers the harness sets itself are left to it
        }
        byte[] body = data.consumeRemainingAsBytes();
        Tc3Signature signature;
        try {
            signature = new Tc3Signer(Tc3Fixture.KEY, "vod").sign(timestamp, method, query, signed, body);
        } catch (IllegalArgumentException refused) {
            return;
        }
        // the request carries the headers as an HTTP server hands them over: names without the spaces the signer trims
        Map<String, String> headers = new LinkedHashMap<>();
        signed.forEach((name, value) -> headers.put(name.strip(), value));
        headers.put("X-TC-Timestamp", Long.toString(timestamp));
        headers.put("Authorization", signature.authorization());
        Verdict<VerifiedTc3Request> verdict = Tc3Fixture.verifierAt(timestamp)
                .verify(new Tc3Request(method, query, RequestHeaders.of(headers), body));
        assertThat(verdict.isAccepted()).as("%s", verdict).isTrue();
    }
}
