package io.openvod.platform.cos.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContentMd5Test {
    /** The Complete body of upload-protocol.md §4.4 and the Content-MD5 cos-js sent with it (§4.5). */
    private static final String SPEC_BODY = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>&quot;etag-1&quot;</ETag></Part>"
            + "<Part><PartNumber>2</PartNumber><ETag>&quot;etag-2&quot;</ETag></Part>"
            + "<Part><PartNumber>3</PartNumber><ETag>&quot;etag-3&quot;</ETag></Part></CompleteMultipartUpload>";
    private static final String SPEC_CONTENT_MD5 = "4R4pKpoB0AP/U3T7cV0PFA==";

    @Test
    void theSpecHeaderMatchesTheSpecBody() {
        String bodyMd5 = MultipartEtag.md5Hex(SPEC_BODY.getBytes(StandardCharsets.UTF_8));
        assertThat(ContentMd5.toHex(SPEC_CONTENT_MD5)).isEqualTo(bodyMd5).isEqualTo("e11e292a9a01d003ff5374fb715d0f14");
        assertThatCode(() -> ContentMd5.verify(SPEC_CONTENT_MD5, bodyMd5)).doesNotThrowAnyException();
        assertThatCode(() -> ContentMd5.verify(" " + SPEC_CONTENT_MD5 + " ", bodyMd5.toUpperCase())).doesNotThrowAnyException();
    }

    @Test
    void headerValueRoundTrips() {
        byte[] md5 = MultipartEtag.newMd5().digest(SPEC_BODY.getBytes(StandardCharsets.UTF_8));
        assertThat(ContentMd5.headerValue(md5)).isEqualTo(SPEC_CONTENT_MD5);
    }

    @Test
    void aWellFormedHeaderForAnotherBodyIsBadDigest() {
        String otherMd5 = MultipartEtag.md5Hex("other".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ContentMd5.verify(SPEC_CONTENT_MD5, otherMd5))
                .isInstanceOfSatisfying(CosProtocolException.class,
                        e -> assertThat(e.code()).isEqualTo(CosErrorCode.BAD_DIGEST));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
        "",
        "4R4pKpoB0AP/U3T7cV0PFA",           // padding missing
        "4R4pKpoB0AP/U3T7cV0PFA=",          // padding short
        "4R4pKpoB0AP_U3T7cV0PFA==",         // URL-safe alphabet
        "4R4pKpoB0AP/U3T7cV0P*A==",         // not Base64
        "4R4p KpoB0AP/U3T7cV0PFA==",        // inner space
        "e11e292a9a01d003ff5374fb715d0f14", // hex, not Base64
        "4R4pKpoB0AP/U3T7cV0PFBAB",         // 18 bytes
        "AAAAAAAAAAAAAAAAAAAAAA==AAAA",     // trailing data
        "AAAAAAAAAAAAAAAAAAAA",             // 15 bytes
    })
    void malformedHeadersAreInvalidDigest(String header) {
        assertThatThrownBy(() -> ContentMd5.toHex(header))
                .isInstanceOfSatisfying(CosProtocolException.class,
                        e -> assertThat(e.code()).isEqualTo(CosErrorCode.INVALID_DIGEST));
        assertThatThrownBy(() -> ContentMd5.verify(header, "e11e292a9a01d003ff5374fb715d0f14"))
                .isInstanceOfSatisfying(CosProtocolException.class,
                        e -> assertThat(e.code()).isEqualTo(CosErrorCode.INVALID_DIGEST));
    }
}
