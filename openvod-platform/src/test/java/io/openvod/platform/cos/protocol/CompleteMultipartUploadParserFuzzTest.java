package io.openvod.platform.cos.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;

/**
 * Any Complete Multipart Upload body is either parsed into parts or refused with a
 * {@link CosProtocolException} (MalformedXML, InvalidArgument, InvalidPartOrder, EntityTooLarge).
 * What is parsed lists at least one part, part numbers strictly ascending within 1–10000, ETags
 * lower-case. Seeds (…/CompleteMultipartUploadParserFuzzTestInputs/parse): the cos-js body, an S3
 * client's pretty-printed body, a DTD.
 */
class CompleteMultipartUploadParserFuzzTest {
    private static final int LIMIT = 64 * 1024;

    @FuzzTest(maxDuration = "5s")
    void parse(byte[] body) {
        List<PartRef> parts;
        try {
            parts = CompleteMultipartUploadParser.parse(new ByteArrayInputStream(body), LIMIT);
        } catch (CosProtocolException refused) {
            assertThat(refused.code()).isIn(CosErrorCode.MALFORMED_XML, CosErrorCode.INVALID_ARGUMENT,
                    CosErrorCode.INVALID_PART_ORDER, CosErrorCode.ENTITY_TOO_LARGE);
            return;
        }
        assertThat(parts).isNotEmpty();
        int previous = 0;
        for (PartRef part : parts) {
            assertThat(part.partNumber()).isGreaterThan(previous).isLessThanOrEqualTo(CompleteMultipartUploadParser.MAX_PART_NUMBER);
            assertThat(part.etagHex()).isEqualTo(part.etagHex().toLowerCase(Locale.ROOT));
            previous = part.partNumber();
        }
    }
}
