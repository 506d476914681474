package io.openvod.signature.cos;

import static io.openvod.signature.cos.CosFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Rejections for an Authorization header that is absent, oversized or not well-formed. */
class CosAuthorizationHeaderTest {

    @Test
    void verifyShouldRejectWhenAuthorizationIsMissingOrBlank() {
        assertRejected(verify(h -> h.remove("Authorization")), CosRejection.MISSING_AUTHORIZATION);
        assertRejected(withAuthorization(" "), CosRejection.MISSING_AUTHORIZATION);
    }

    @Test
    void verifyShouldRejectAHugeAuthorizationWithoutParsingIt() {
        assertRejected(withAuthorization(authWith("q-header-list", "x-cos-meta-a;".repeat(10_000) + "b")), CosRejection.AUTHORIZATION_TOO_LARGE);
    }

    @Test
    void verifyShouldRejectAGarbledAuthorization() {
        for (String garbled : new String[] {
                "garbage",
                authWith("q-signature", null),
                authWith("q-ak", null),
                authWith("q-url-param-list", null),
                authWith("q-ak", ""),
                authWith("q-ak", "AKID with space"),
                headers().get("Authorization") + "&q-ak=AKIDOTHER",
                headers().get("Authorization") + "&novalue",
                headers().get("Authorization") + "&=x",
                authWith("q-signature", GOOD.toUpperCase()),
                authWith("q-signature", GOOD.substring(1)),
                authWith("q-signature", GOOD + "0"),
                authWith("q-url-param-list", "partnumber;;uploadid"),
                authWith("q-url-param-list", "partnumber;PartNumber"),
                authWith("q-url-param-list", "part%zznumber"),
                authWith("q-url-param-list", "%ff%fe"),
                authWith("q-header-list", "content%20length")}) {
            assertRejected(withAuthorization(garbled), CosRejection.MALFORMED_AUTHORIZATION);
        }
    }

    @Test
    void verifyShouldRejectAnotherAlgorithm() {
        assertRejected(withAuthorization(authWith("q-sign-algorithm", "sha256")), CosRejection.UNSUPPORTED_ALGORITHM);
        assertRejected(withAuthorization(authWith("q-sign-algorithm", "SHA1")), CosRejection.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void verifyShouldRejectSignTimesThatAreNotNumericIntervals() {
        for (String field : new String[] {"q-sign-time", "q-key-time"}) {
            for (String bad : new String[] {"", "1700000000", "abc;def", "1700001800;1700000000", "-1;5", "1700000000;",
                    "1700000000;1700001800;1", "1;99999999999999999999999999999", " 1700000000;1700001800"}) {
                assertRejected(withAuthorization(authWith(field, bad)), CosRejection.MALFORMED_TIME);
            }
        }
    }

    @Test
    void everyRejectionShouldCarryACosErrorCodeAndStatus() {
        for (CosRejection r : CosRejection.values()) {
            assertThat(r.cosCode()).isIn("AccessDenied", "RequestTimeTooSkewed", "InvalidAccessKeyId", "InvalidToken",
                    "SignatureDoesNotMatch", "InternalError");
            assertThat(r.httpStatus()).isIn(400, 403, 500);
            assertThat(r.cosMessage()).isNotBlank();
            assertThat(r.code()).isEqualTo(r.name());
        }
        assertThat(CosRejection.SIGNATURE_MISMATCH.cosCode()).isEqualTo("SignatureDoesNotMatch");
        assertThat(CosRejection.UNKNOWN_ACCESS_KEY.cosCode()).isEqualTo("InvalidAccessKeyId");
    }
}
