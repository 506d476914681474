package io.openvod.signature.tc3;

import static io.openvod.signature.tc3.Tc3Fixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.signature.Credential;
import org.junit.jupiter.api.Test;

/** Rejections for an Authorization header that is absent, oversized or not well-formed. */
class Tc3AuthorizationHeaderTest {

    @Test
    void verifyShouldRejectWhenAuthorizationIsMissingOrBlank() {
        assertRejected(verify(h -> h.remove("Authorization")), Tc3Rejection.MISSING_AUTHORIZATION);
        assertRejected(withAuthorization("   "), Tc3Rejection.MISSING_AUTHORIZATION);
    }

    @Test
    void verifyShouldRejectAHugeAuthorizationWithoutParsingIt() {
        assertRejected(withAuthorization("TC3-HMAC-SHA256 Credential=" + "A".repeat(100_000)), Tc3Rejection.AUTHORIZATION_TOO_LARGE);
    }

    @Test
    void verifyShouldRejectAGarbledAuthorization() {
        String credential = KEY.secretId() + "/2023-11-14/vod/tc3_request";
        for (String garbled : new String[] {
                "TC3-HMAC-SHA256",
                "TC3-HMAC-SHA256 garbage",
                "TC3-HMAC-SHA256 Credential=" + credential + ", SignedHeaders=content-type;host",
                auth(credential, "content-type;host", GOOD_SIGNATURE) + ", Signature=" + GOOD_SIGNATURE,
                auth(credential, "content-type;host", GOOD_SIGNATURE) + ", Extra=1",
                auth(credential, "content-type;host", GOOD_SIGNATURE.toUpperCase()),
                auth(credential, "content-type;host", GOOD_SIGNATURE.substring(1)),
                auth(credential, "content-type;;host", GOOD_SIGNATURE),
                auth(credential, "Content-Type;Host", GOOD_SIGNATURE),
                auth(credential, "content-type;host;host", GOOD_SIGNATURE),
                auth(credential, "", GOOD_SIGNATURE)}) {
            assertRejected(withAuthorization(garbled), Tc3Rejection.MALFORMED_AUTHORIZATION);
        }
    }

    @Test
    void verifyShouldRejectAnotherAlgorithm() {
        String credential = KEY.secretId() + "/2023-11-14/vod/tc3_request";
        assertRejected(withAuthorization("Bearer abc"), Tc3Rejection.UNSUPPORTED_ALGORITHM);
        assertRejected(withAuthorization(auth(credential, "content-type;host", GOOD_SIGNATURE).replace("TC3-HMAC-SHA256", "tc3-hmac-sha256")),
                Tc3Rejection.UNSUPPORTED_ALGORITHM);
        assertRejected(withAuthorization(auth(credential, "content-type;host", GOOD_SIGNATURE).replace("SHA256", "SHA1")),
                Tc3Rejection.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void verifyShouldRejectACredentialThatIsNotAScope() {
        for (String credential : new String[] {
                KEY.secretId() + "/2023-11-14/vod",
                KEY.secretId() + "/2023-11-14/vod/tc3_request/x",
                KEY.secretId() + "/20231114/vod/tc3_request",
                KEY.secretId() + "/2023-11-14/VOD/tc3_request",
                KEY.secretId() + "/2023-11-14/vod/tc4_request"}) {
            assertRejected(withAuthorization(auth(credential, "content-type;host", GOOD_SIGNATURE)), Tc3Rejection.MALFORMED_CREDENTIAL);
        }
    }

    @Test
    void verifyShouldRejectAnEmptyOrMalformedSecretId() {
        assertRejected(withAuthorization(auth("/2023-11-14/vod/tc3_request", "content-type;host", GOOD_SIGNATURE)), Tc3Rejection.INVALID_SECRET_ID);
        assertRejected(withAuthorization(auth("AKID ünï/2023-11-14/vod/tc3_request", "content-type;host", GOOD_SIGNATURE)), Tc3Rejection.INVALID_SECRET_ID);
        assertRejected(withAuthorization(auth("A".repeat(200) + "/2023-11-14/vod/tc3_request", "content-type;host", GOOD_SIGNATURE)),
                Tc3Rejection.INVALID_SECRET_ID);
    }

    @Test
    void verifyShouldRejectACredentialScopedToAnotherService() {
        assertRejected(withAuthorization(auth(KEY.secretId() + "/2023-11-14/cvm/tc3_request", "content-type;host", GOOD_SIGNATURE)),
                Tc3Rejection.SERVICE_MISMATCH);
    }

    @Test
    void verifyShouldRejectWhenHostOrContentTypeIsNotSigned() {
        String credential = KEY.secretId() + "/2023-11-14/vod/tc3_request";
        assertRejected(withAuthorization(auth(credential, "content-type", GOOD_SIGNATURE)), Tc3Rejection.REQUIRED_HEADER_NOT_SIGNED);
        assertRejected(withAuthorization(auth(credential, "host;x-tc-action", GOOD_SIGNATURE)), Tc3Rejection.REQUIRED_HEADER_NOT_SIGNED);
    }

    @Test
    void everyRejectionShouldCarryATencentErrorCodeFromTheCommonList() {
        for (Tc3Rejection r : Tc3Rejection.values()) {
            assertThat(r.tencentCode()).matches("AuthFailure\\.(SignatureFailure|SignatureExpire|SecretIdNotFound|InvalidSecretId|InvalidAuthorization)"
                    + "|MissingParameter|InvalidParameter|InternalError");
            assertThat(r.code()).isEqualTo(r.name());
            assertThat(r.description()).isNotBlank();
        }
        assertThat(Tc3Rejection.SIGNATURE_MISMATCH.tencentCode()).isEqualTo("AuthFailure.SignatureFailure");
        assertThat(Tc3Rejection.TIMESTAMP_OUT_OF_WINDOW.tencentCode()).isEqualTo("AuthFailure.SignatureExpire");
        assertThat(Tc3Rejection.UNKNOWN_SECRET_ID.tencentCode()).isEqualTo("AuthFailure.SecretIdNotFound");
    }
}
