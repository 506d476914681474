package io.openvod.platform.cos.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CosErrorCodeTest {

    @Test
    void wireSpellingsAndStatuses() {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("AccessDenied", 403);
        expected.put("SignatureDoesNotMatch", 403);
        expected.put("InvalidAccessKeyId", 403);
        expected.put("InvalidToken", 400);
        expected.put("RequestTimeTooSkewed", 403);
        expected.put("NoSuchBucket", 404);
        expected.put("NoSuchKey", 404);
        expected.put("NoSuchUpload", 404);
        expected.put("InvalidPart", 400);
        expected.put("InvalidPartOrder", 400);
        expected.put("EntityTooSmall", 400);
        expected.put("EntityTooLarge", 400);
        expected.put("MalformedXML", 400);
        expected.put("InvalidDigest", 400);
        expected.put("BadDigest", 400);
        expected.put("IncompleteBody", 400);
        expected.put("MissingContentLength", 411);
        expected.put("InvalidArgument", 400);
        expected.put("InvalidRange", 416);
        expected.put("MethodNotAllowed", 405);
        expected.put("NotImplemented", 501);
        expected.put("InternalError", 500);
        expected.put("ServiceUnavailable", 503);
        expected.put("InvalidRequest", 400);
        expected.put("KeyTooLong", 400);

        Map<String, Integer> actual = new LinkedHashMap<>();
        for (CosErrorCode code : CosErrorCode.values()) {
            actual.put(code.code(), code.httpStatus());
        }
        assertThat(actual).containsExactlyEntriesOf(expected);
    }

    @Test
    void everyCodeHasAMessageAndIsFoundByItsSpelling() {
        for (CosErrorCode code : CosErrorCode.values()) {
            assertThat(code.defaultMessage()).isNotBlank();
            assertThat(CosErrorCode.fromCode(code.code())).contains(code);
        }
        assertThat(CosErrorCode.fromCode("nosuchupload")).isEmpty();
        assertThat(CosErrorCode.fromCode("NO_SUCH_UPLOAD")).isEmpty();
        assertThat(Arrays.stream(CosErrorCode.values()).map(CosErrorCode::code).distinct()).hasSize(CosErrorCode.values().length);
    }

    @Test
    void exceptionsCarryTheCodeAndADefaultMessage() {
        CosProtocolException plain = new CosProtocolException(CosErrorCode.NO_SUCH_KEY);
        assertThat(plain.code()).isEqualTo(CosErrorCode.NO_SUCH_KEY);
        assertThat(plain.getMessage()).isEqualTo(CosErrorCode.NO_SUCH_KEY.defaultMessage());
        assertThat(plain).hasToString("NoSuchKey: " + CosErrorCode.NO_SUCH_KEY.defaultMessage());

        CosProtocolException specific = new CosProtocolException(CosErrorCode.ACCESS_DENIED, CosErrorCode.REQUEST_EXPIRED_MESSAGE);
        assertThat(specific.getMessage()).isEqualTo("Request has expired");
    }
}
