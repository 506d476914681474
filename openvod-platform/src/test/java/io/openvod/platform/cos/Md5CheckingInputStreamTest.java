package io.openvod.platform.cos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Md5CheckingInputStreamTest {
    private static final byte[] BODY = "a part of a video".getBytes(StandardCharsets.US_ASCII);

    private static String md5(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }

    @Test
    void aBodyReadToItsEndOffersTheMd5ItCheckedToTheStore() throws Exception {
        Md5CheckingInputStream body = new Md5CheckingInputStream(new ByteArrayInputStream(BODY), BODY.length, md5(BODY));
        body.readNBytes(5);
        assertThatThrownBy(body::md5Hex).as("before the last byte").isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("12 bytes");

        body.readAllBytes();

        assertThat(body.md5Hex()).isEqualTo(md5(BODY));
        assertThat(body.md5Hex()).as("asked again").isEqualTo(md5(BODY));
        assertThat(body.mismatch()).isFalse();
    }

    @Test
    void aBodyThatDoesNotMatchFailsTheReadOfItsLastByte() throws Exception {
        Md5CheckingInputStream body = new Md5CheckingInputStream(new ByteArrayInputStream(BODY), BODY.length,
                md5("another body".getBytes(StandardCharsets.US_ASCII)));

        assertThatThrownBy(body::readAllBytes).isInstanceOf(IOException.class).hasMessageContaining("Content-MD5");
        assertThat(body.mismatch()).isTrue();
    }
}
