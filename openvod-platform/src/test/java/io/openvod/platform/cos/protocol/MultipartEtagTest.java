package io.openvod.platform.cos.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MultipartEtagTest {

    /** Hex by hand, so the expectation does not share code with the class under test. */
    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format("%02x", b & 0xFF));
        }
        return out.toString();
    }

    private static byte[] md5(byte[] data) throws Exception {
        return MessageDigest.getInstance("MD5").digest(data);
    }

    @Test
    void knownMd5Vectors() {
        assertThat(MultipartEtag.md5Hex(new byte[0])).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
        assertThat(MultipartEtag.md5Hex("The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("9e107d9d372bb6826bd81d3542a419d6");
    }

    @Test
    void partEtagIsTheQuotedHexMd5() throws Exception {
        byte[] part = "part one".getBytes(StandardCharsets.UTF_8);
        String expected = "\"" + hex(md5(part)) + "\"";
        assertThat(MultipartEtag.partEtag(md5(part))).isEqualTo(expected);
        assertThat(MultipartEtag.partEtag(MultipartEtag.md5Hex(part))).isEqualTo(expected);
    }

    @Test
    void multipartEtagIsTheMd5OfTheConcatenatedBinaryMd5sAndTheCount() throws Exception {
        Random random = new Random(42);
        List<byte[]> parts = List.of(new byte[1 << 20], new byte[1 << 20], new byte[524_288]);
        parts.forEach(random::nextBytes);

        ByteArrayOutputStream concatenated = new ByteArrayOutputStream();
        List<String> partHex = new ArrayList<>();
        for (byte[] part : parts) {
            byte[] digest = md5(part);
            concatenated.write(digest);
            partHex.add(hex(digest));
        }
        String expected = "\"" + hex(md5(concatenated.toByteArray())) + "-3\"";

        assertThat(MultipartEtag.multipartEtag(partHex)).isEqualTo(expected);
    }

    @Test
    void aSinglePartMultipartEtagDiffersFromThePartEtag() throws Exception {
        String partMd5 = "9e107d9d372bb6826bd81d3542a419d6";
        String expected = "\"" + hex(md5(md5Bytes(partMd5))) + "-1\"";
        assertThat(MultipartEtag.multipartEtag(List.of(partMd5))).isEqualTo(expected).isNotEqualTo("\"" + partMd5 + "\"");
    }

    @Test
    void multipartEtagRefusesBadInput() {
        assertThatThrownBy(() -> MultipartEtag.multipartEtag(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MultipartEtag.multipartEtag(List.of("9E107D9D372BB6826BD81D3542A419D6")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MultipartEtag.partEtag("xyz")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MultipartEtag.partEtag(new byte[15])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isMd5Hex() {
        assertThat(MultipartEtag.isMd5Hex("9e107d9d372bb6826bd81d3542a419d6")).isTrue();
        assertThat(MultipartEtag.isMd5Hex("9E107D9D372BB6826BD81D3542A419D6")).isFalse();
        assertThat(MultipartEtag.isMd5Hex("9e107d9d372bb6826bd81d3542a419d")).isFalse();
        assertThat(MultipartEtag.isMd5Hex("9e107d9d372bb6826bd81d3542a419d6a")).isFalse();
        assertThat(MultipartEtag.isMd5Hex("9e107d9d372bb6826bd81d3542a419dg")).isFalse();
        assertThat(MultipartEtag.isMd5Hex("\"9e107d9d372bb6826bd81d3542a419d6\"")).isFalse();
        assertThat(MultipartEtag.isMd5Hex(null)).isFalse();
    }

    @Test
    void quoteAndUnquote() {
        assertThat(MultipartEtag.quote("abc")).isEqualTo("\"abc\"");
        assertThat(MultipartEtag.unquote("\"abc\"")).isEqualTo("abc");
        assertThat(MultipartEtag.unquote("  \"abc\"\n")).isEqualTo("abc");
        assertThat(MultipartEtag.unquote("&quot;abc&quot;")).isEqualTo("abc");
        assertThat(MultipartEtag.unquote("abc")).isEqualTo("abc");
        assertThat(MultipartEtag.unquote("\"")).isEqualTo("\"");
        assertThat(MultipartEtag.unquote("\"\"")).isEmpty();
        assertThat(MultipartEtag.unquote("\"abc")).isEqualTo("\"abc");
    }

    private static byte[] md5Bytes(String hex) {
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
