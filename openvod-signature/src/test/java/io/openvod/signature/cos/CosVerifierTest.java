package io.openvod.signature.cos;

import static io.openvod.signature.cos.CosFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.signature.Credential;
import io.openvod.signature.RequestHeaders;
import io.openvod.signature.SecretKeyLookup;
import io.openvod.signature.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Rejections that depend on the rest of the request and on the verifier: times, keys, token, signed parts. */
class CosVerifierTest {

    @Test
    void verifyShouldAcceptTheUnchangedRequestAndReportWhatWasSigned() {
        VerifiedCosRequest ok = verify(h -> { }).orElseThrow();
        assertThat(ok.signedParameters()).containsExactly(Map.entry("partnumber", "1"), Map.entry("uploadid", "UPLOADID-NEW"));
        assertThat(ok.signedHeaders()).containsExactly(Map.entry("content-length", "1048576"));
        assertThat(ok.temporary()).isTrue();
    }

    @Test
    void verifyShouldRejectAnExpiredSignatureWithTheMessageCosJsRetriesOn() {
        Map<String, String> h = headers();
        CosRequest request = new CosRequest("PUT", PATH, query(), RequestHeaders.of(h));
        assertThat(verifierAt(TIME.end()).verify(request).isAccepted()).isTrue();
        Verdict<VerifiedCosRequest> expired = verifierAt(TIME.end() + 1).verify(request);
        assertRejected(expired, CosRejection.REQUEST_EXPIRED);
        assertThat(CosRejection.REQUEST_EXPIRED.cosCode()).isEqualTo("AccessDenied");
        assertThat(CosRejection.REQUEST_EXPIRED.cosMessage()).isEqualTo("Request has expired");
    }

    @Test
    void verifyShouldRejectWhenTheKeyTimeEndedEvenIfTheSignTimeHasNot() {
        CosKeyTime key = new CosKeyTime(1_700_000_000L, 1_700_000_050L);
        String signTime = TIME.value();
        String httpString = CosCanonical.httpString("PUT", PATH, "partnumber=1&uploadid=UPLOADID-NEW", "content-length=1048576");
        String signature = CosCanonical.signature(CosCanonical.signKey(KEY.secretKey(), key.value()), CosCanonical.stringToSign(signTime, httpString));
        String auth = CosCanonical.authorization(KEY.secretId(), signTime, key.value(), "content-length", "partnumber;uploadid", signature);
        assertRejected(withAuthorization(auth), CosRejection.REQUEST_EXPIRED);
        assertThat(verifierAt(1_700_000_050L).verify(new CosRequest("PUT", PATH, query(),
                RequestHeaders.of(Map.of("Content-Length", "1048576", "x-cos-security-token", TOKEN, "Authorization", auth)))).isAccepted()).isTrue();
    }

    @Test
    void verifyShouldRejectAStartBeyondTheClockSkewAsTooSkewed() {
        CosRequest request = new CosRequest("PUT", PATH, query(), RequestHeaders.of(headers()));
        assertThat(verifierAt(TIME.start() - 300).verify(request).isAccepted()).isTrue();
        assertRejected(verifierAt(TIME.start() - 301).verify(request), CosRejection.REQUEST_NOT_YET_VALID);
        CosVerifier strict = CosVerifier.builder(CosCredentialLookup.of(CosCredential.temporary(KEY, TOKEN))).clockSkew(Duration.ZERO)
                .clock(Clock.fixed(Instant.ofEpochSecond(TIME.start() - 1), ZoneOffset.UTC)).build();
        assertRejected(strict.verify(request), CosRejection.REQUEST_NOT_YET_VALID);
        assertThat(CosRejection.REQUEST_NOT_YET_VALID.cosCode()).isEqualTo("RequestTimeTooSkewed");
    }

    @Test
    void verifyShouldRejectAnUnknownAccessKey() {
        assertRejected(withAuthorization(authWith("q-ak", "AKIDUNKNOWN")), CosRejection.UNKNOWN_ACCESS_KEY);
        CosVerifier nulls = CosVerifier.builder(id -> null).clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC)).build();
        assertRejected(nulls.verify(new CosRequest("PUT", PATH, query(), RequestHeaders.of(headers()))), CosRejection.UNKNOWN_ACCESS_KEY);
    }

    @Test
    void verifyShouldReportAFailingCredentialStoreInsteadOfThrowing() {
        CosVerifier broken = CosVerifier.builder(id -> { throw new IllegalStateException("redis down"); })
                .clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC)).build();
        assertRejected(broken.verify(new CosRequest("PUT", PATH, query(), RequestHeaders.of(headers()))), CosRejection.KEY_LOOKUP_FAILED);
    }

    @Test
    void verifyShouldRejectAMissingOrWrongSecurityToken() {
        assertRejected(verify(h -> h.remove("x-cos-security-token")), CosRejection.MISSING_SECURITY_TOKEN);
        assertRejected(verify(h -> h.put("x-cos-security-token", "")), CosRejection.MISSING_SECURITY_TOKEN);
        assertRejected(verify(h -> h.put("x-cos-security-token", TOKEN + "x")), CosRejection.SECURITY_TOKEN_MISMATCH);
        assertRejected(verify(h -> {
            h.remove("x-cos-security-token");
            h.put("X-COS-SECURITY-TOKEN", "other");
        }), CosRejection.SECURITY_TOKEN_MISMATCH);
    }

    @Test
    void verifyShouldNotRequireATokenForAPermanentKey() {
        CosVerifier permanent = CosVerifier.builder(CosCredentialLookup.permanent(SecretKeyLookup.of(KEY)))
                .clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC)).build();
        Map<String, String> h = headers();
        h.remove("x-cos-security-token");
        Verdict<VerifiedCosRequest> verdict = permanent.verify(new CosRequest("PUT", PATH, query(), RequestHeaders.of(h)));
        assertThat(verdict.orElseThrow().temporary()).isFalse();
    }

    @Test
    void verifyShouldRejectWhenASignedHeaderIsAbsent() {
        assertRejected(verify(h -> h.remove("Content-Length")), CosRejection.SIGNED_HEADER_MISSING);
    }

    @Test
    void verifyShouldRejectWhenASignedParameterIsAbsent() {
        assertRejected(verify(h -> { }, q -> q.remove("uploadId")), CosRejection.SIGNED_PARAMETER_MISSING);
    }

    @Test
    void verifyShouldRejectAWrongSignature() {
        assertRejected(withAuthorization(authWith("q-signature", "0".repeat(40))), CosRejection.SIGNATURE_MISMATCH);
        CosVerifier otherKey = CosVerifier.builder(CosCredentialLookup.of(CosCredential.temporary(new Credential(KEY.secretId(), "other"), TOKEN)))
                .clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC)).build();
        assertRejected(otherKey.verify(new CosRequest("PUT", PATH, query(), RequestHeaders.of(headers()))), CosRejection.SIGNATURE_MISMATCH);
    }

    @Test
    void verifyShouldRejectWhenAnySignedPartIsAltered() {
        CosVerifier verifier = verifierAt(NOW);
        RequestHeaders good = RequestHeaders.of(headers());
        assertRejected(verifier.verify(new CosRequest("POST", PATH, query(), good)), CosRejection.SIGNATURE_MISMATCH);
        assertRejected(verifier.verify(new CosRequest("PUT", PATH + "x", query(), good)), CosRejection.SIGNATURE_MISMATCH);
        assertRejected(verifier.verify(new CosRequest("PUT", "/", query(), good)), CosRejection.SIGNATURE_MISMATCH);
        assertRejected(verify(h -> h.put("Content-Length", "1048577")), CosRejection.SIGNATURE_MISMATCH);
        assertRejected(verify(h -> { }, q -> q.put("partNumber", List.of("2"))), CosRejection.SIGNATURE_MISMATCH);
        assertRejected(verify(h -> h.put("Authorization", authWith("q-url-param-list", "partnumber"))), CosRejection.SIGNATURE_MISMATCH);
        assertRejected(verify(h -> h.put("Authorization", authWith("q-sign-time", "1700000000;1700001801"))), CosRejection.SIGNATURE_MISMATCH);
    }

    @Test
    void verifyShouldUseTheFirstValueOfARepeatedParameterAndIgnoreUnsignedOnes() {
        assertThat(verify(h -> { }, q -> q.put("partNumber", List.of("1", "2"))).isAccepted()).isTrue();
        assertRejected(verify(h -> { }, q -> q.put("partNumber", List.of("2", "1"))), CosRejection.SIGNATURE_MISMATCH);
        VerifiedCosRequest ok = verify(h -> { }, q -> q.put("unsigned", List.of("anything"))).orElseThrow();
        assertThat(ok.signedParameters()).doesNotContainKey("unsigned");
    }

    @Test
    void verifyShouldMatchParameterAndHeaderNamesIgnoringCase() {
        assertThat(verify(h -> {
            h.put("CONTENT-LENGTH", h.remove("Content-Length"));
        }, q -> {
            q.put("PARTNUMBER", q.remove("partNumber"));
        }).isAccepted()).isTrue();
    }

    @Test
    void verifyShouldTreatAHeaderAccessorThatAnswersNullAsAbsent() {
        Map<String, String> h = headers();
        RequestHeaders caseSensitive = name -> h.containsKey(name) ? Optional.of(h.get(name)) : null;
        assertRejected(verifierAt(NOW).verify(new CosRequest("PUT", PATH, query(), caseSensitive)), CosRejection.SIGNED_HEADER_MISSING);
        assertRejected(verifierAt(NOW).verify(new CosRequest("PUT", PATH, null, name -> null)), CosRejection.MISSING_AUTHORIZATION);
    }
}
