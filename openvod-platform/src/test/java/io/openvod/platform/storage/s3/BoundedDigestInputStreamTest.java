package io.openvod.platform.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvod.platform.storage.DigestedBody;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class BoundedDigestInputStreamTest {
    private static final byte[] BODY = "a part of a video, sent to S3".getBytes(StandardCharsets.US_ASCII);

    /** A body that takes its own MD5, as one checked against its Content-MD5 does. */
    private static final class SelfDigesting extends ByteArrayInputStream implements DigestedBody {
        private final String md5Hex;

        SelfDigesting(byte[] bytes, String md5Hex) {
            super(bytes);
            this.md5Hex = md5Hex;
        }

        @Override
        public String md5Hex() {
            return md5Hex;
        }
    }

    @Test
    void aPlainSourceIsDigestedAsItPasses() throws Exception {
        BoundedDigestInputStream body = new BoundedDigestInputStream(new ByteArrayInputStream(BODY), BODY.length);
        assertThat(body.readAllBytes()).isEqualTo(BODY);
        assertThat(body.incomplete()).isFalse();
        assertThat(body.md5Hex()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(BODY)));
    }

    @Test
    void aSourceThatTakesItsOwnMd5IsNotDigestedAgain() throws Exception {
        // A value no digest of the bytes gives: the answer must come from the source.
        String own = "0123456789abcdef0123456789abcdef";
        BoundedDigestInputStream body = new BoundedDigestInputStream(new SelfDigesting(BODY, own), BODY.length);
        assertThat(body.readAllBytes()).isEqualTo(BODY);
        assertThat(body.md5Hex()).isEqualTo(own);
    }

    @Test
    void aSourceThatEndsEarlyStaysFailed() {
        BoundedDigestInputStream body = new BoundedDigestInputStream(new SelfDigesting(BODY, "x"), BODY.length + 1);
        assertThatThrownBy(body::readAllBytes).isInstanceOf(EOFException.class);
        assertThat(body.incomplete()).isTrue();
    }
}
