package io.openvod.signature.tc3;

import static io.openvod.signature.tc3.Tc3Fixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.signature.Credential;
import io.openvod.signature.RequestHeaders;
import io.openvod.signature.SecretKeyLookup;
import io.openvod.signature.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Rejections that depend on the rest of the request and on the verifier: timestamp, keys, signed parts. */
class Tc3VerifierTest {

    @Test
    void verifyShouldAcceptTheUnchangedRequest() {
        Verdict<VerifiedTc3Request> verdict = verify(h -> { });
        assertThat(verdict.orElseThrow()).isEqualTo(new VerifiedTc3Request(KEY.secretId(), TS, java.util.List.of("content-type", "host"), Optional.empty()));
        assertThat(headers().get("Authorization")).endsWith(GOOD_SIGNATURE);
    }

    @Test
    void verifyShouldRejectWhenTimestampIsMissing() {
        assertRejected(verify(h -> h.remove("X-TC-Timestamp")), Tc3Rejection.MISSING_TIMESTAMP);
        assertRejected(verify(h -> h.put("X-TC-Timestamp", "")), Tc3Rejection.MISSING_TIMESTAMP);
    }

    @Test
    void verifyShouldRejectANonNumericOrOverflowingTimestamp() {
        for (String bad : new String[] {"abc", "-1700000000", "+1700000000", "1.7e9", "1700000000.5", "0x6553F100",
                "99999999999999999999999999", "9223372036854775808", "１７００００００００"}) {
            assertRejected(verify(h -> h.put("X-TC-Timestamp", bad)), Tc3Rejection.MALFORMED_TIMESTAMP);
        }
    }

    @Test
    void verifyShouldRejectWhenTimestampOutsideWindow() {
        Map<String, String> h = headers();
        Tc3Request request = new Tc3Request("POST", "", RequestHeaders.of(h), BODY);
        assertRejected(verifierAt(TS + 301).verify(request), Tc3Rejection.TIMESTAMP_OUT_OF_WINDOW);
        assertRejected(verifierAt(TS - 301).verify(request), Tc3Rejection.TIMESTAMP_OUT_OF_WINDOW);
        assertThat(verifierAt(TS + 300).verify(request).isAccepted()).isTrue();
        assertThat(verifierAt(TS - 300).verify(request).isAccepted()).isTrue();
        assertRejected(verify(h2 -> h2.put("X-TC-Timestamp", "999999999999999999")), Tc3Rejection.TIMESTAMP_OUT_OF_WINDOW);
        assertRejected(verify(h2 -> h2.put("X-TC-Timestamp", "0")), Tc3Rejection.TIMESTAMP_OUT_OF_WINDOW);
    }

    @Test
    void verifyShouldHonourAConfiguredWindow() {
        Tc3Request request = new Tc3Request("POST", "", RequestHeaders.of(headers()), BODY);
        Tc3Verifier narrow = Tc3Verifier.builder(SecretKeyLookup.of(KEY)).window(Duration.ofSeconds(30))
                .clock(Clock.fixed(Instant.ofEpochSecond(TS + 31), ZoneOffset.UTC)).build();
        assertRejected(narrow.verify(request), Tc3Rejection.TIMESTAMP_OUT_OF_WINDOW);
    }

    @Test
    void verifyShouldRejectWhenTheScopeDateIsNotTheUtcDateOfTheTimestamp() {
        // 2023-11-14T22:13:20Z is already 2023-11-15 in Beijing; a signer using local time would write that.
        String localDate = auth(KEY.secretId() + "/2023-11-15/vod/tc3_request", "content-type;host", GOOD_SIGNATURE);
        assertRejected(withAuthorization(localDate), Tc3Rejection.DATE_MISMATCH);
    }

    @Test
    void verifyShouldRejectAnUnknownSecretId() {
        assertRejected(withAuthorization(auth("AKIDUNKNOWN/2023-11-14/vod/tc3_request", "content-type;host", GOOD_SIGNATURE)),
                Tc3Rejection.UNKNOWN_SECRET_ID);
    }

    @Test
    void verifyShouldReportAFailingKeyStoreInsteadOfThrowing() {
        Tc3Verifier broken = Tc3Verifier.builder(id -> { throw new IllegalStateException("database down"); })
                .clock(Clock.fixed(Instant.ofEpochSecond(TS), ZoneOffset.UTC)).build();
        assertRejected(broken.verify(new Tc3Request("POST", "", RequestHeaders.of(headers()), BODY)), Tc3Rejection.KEY_LOOKUP_FAILED);
        Tc3Verifier nulls = Tc3Verifier.builder(id -> null).clock(Clock.fixed(Instant.ofEpochSecond(TS), ZoneOffset.UTC)).build();
        assertRejected(nulls.verify(new Tc3Request("POST", "", RequestHeaders.of(headers()), BODY)), Tc3Rejection.UNKNOWN_SECRET_ID);
    }

    @Test
    void verifyShouldRejectWhenASignedHeaderIsAbsent() {
        Map<String, String> signed = Map.of("Content-Type", Tc3Signer.JSON_CONTENT_TYPE, "Host", HOST, "X-TC-Action", "ConfirmEvents");
        String authorization = new Tc3Signer(KEY, "vod").sign(TS, "POST", "", signed, BODY).authorization();
        assertRejected(verify(h -> {
            h.put("Authorization", authorization);
            h.remove("X-TC-Action");
        }), Tc3Rejection.SIGNED_HEADER_MISSING);
        assertThat(verify(h -> h.put("Authorization", authorization)).isAccepted()).isTrue();
    }

    @Test
    void verifyShouldRejectAWrongSignature() {
        String credential = KEY.secretId() + "/2023-11-14/vod/tc3_request";
        assertRejected(withAuthorization(auth(credential, "content-type;host", "0".repeat(64))), Tc3Rejection.SIGNATURE_MISMATCH);
        Tc3Verifier otherKey = Tc3Verifier.builder(SecretKeyLookup.of(new Credential(KEY.secretId(), "another-key")))
                .clock(Clock.fixed(Instant.ofEpochSecond(TS), ZoneOffset.UTC)).build();
        assertRejected(otherKey.verify(new Tc3Request("POST", "", RequestHeaders.of(headers()), BODY)), Tc3Rejection.SIGNATURE_MISMATCH);
    }

    @Test
    void verifyShouldRejectWhenTheBodyOrAnySignedPartIsAltered() {
        Tc3Verifier verifier = verifierAt(TS);
        RequestHeaders good = RequestHeaders.of(headers());
        byte[] altered = BODY.clone();
        altered[altered.length - 2] ^= 1;
        assertRejected(verifier.verify(new Tc3Request("POST", "", good, altered)), Tc3Rejection.SIGNATURE_MISMATCH);
        assertRejected(verifier.verify(new Tc3Request("POST", "", good, new byte[0])), Tc3Rejection.SIGNATURE_MISMATCH);
        assertRejected(verifier.verify(new Tc3Request("GET", "", good, BODY)), Tc3Rejection.SIGNATURE_MISMATCH);
        assertRejected(verifier.verify(new Tc3Request("POST", "Action=PullEvents", good, BODY)), Tc3Rejection.SIGNATURE_MISMATCH);
        assertRejected(verify(h -> h.put("Host", "evil.example.com")), Tc3Rejection.SIGNATURE_MISMATCH);
        assertRejected(verify(h -> h.put("Content-Type", "application/x-www-form-urlencoded")), Tc3Rejection.SIGNATURE_MISMATCH);
        assertRejected(verify(h -> h.put("X-TC-Timestamp", Long.toString(TS + 1))), Tc3Rejection.SIGNATURE_MISMATCH);
    }

    @Test
    void verifyShouldIgnoreUnsignedHeadersAndReportTheToken() {
        Verdict<VerifiedTc3Request> verdict = verify(h -> {
            h.put("X-TC-Action", "PullEvents");
            h.put("X-TC-Token", "session-token");
        });
        assertThat(verdict.orElseThrow().token()).contains("session-token");
        assertThat(verdict.orElseThrow().toString()).doesNotContain("session-token");
    }

    @Test
    void verifyShouldTreatAHeaderAccessorThatAnswersNullAsAbsent() {
        Map<String, String> h = headers();
        // Case-sensitive on purpose: finds "Authorization" and "X-TC-Timestamp" but not "content-type".
        RequestHeaders nullForMissing = name -> h.containsKey(name) ? Optional.of(h.get(name)) : null;
        assertRejected(verifierAt(TS).verify(new Tc3Request("POST", null, nullForMissing, BODY)), Tc3Rejection.SIGNED_HEADER_MISSING);
        assertRejected(verifierAt(TS).verify(new Tc3Request("POST", null, name -> null, null)), Tc3Rejection.MISSING_AUTHORIZATION);
    }
}
