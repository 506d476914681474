package io.openvod.signature.cos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The header choices of upload-protocol.md §4.4 and §4.5 step 3. */
class CosSignableHeadersTest {

    @Test
    void initiateMultipartUploadShouldSignNoHeader() {
        Map<String, String> sent = new LinkedHashMap<>();
        sent.put("Cache-Control", "");
        sent.put("Content-Type", "video/mp4");
        sent.put("x-cos-security-token", "token");
        assertThat(CosSignableHeaders.select(sent)).isEmpty();
    }

    @Test
    void uploadPartShouldSignOnlyContentLength() {
        assertThat(CosSignableHeaders.select(Map.of("Content-Length", "1048576", "x-cos-security-token", "t")))
                .containsExactly(Map.entry("content-length", "1048576"));
    }

    @Test
    void completeMultipartUploadShouldSignOnlyContentMd5() {
        assertThat(CosSignableHeaders.select(Map.of("Content-Type", "application/xml", "Content-MD5", "4R4pKpoB0AP/U3T7cV0PFA==")))
                .containsExactly(Map.entry("content-md5", "4R4pKpoB0AP/U3T7cV0PFA=="));
    }

    @Test
    void selectShouldKeepCosAndConditionalHeadersAndDropTheRest() {
        Map<String, String> sent = new LinkedHashMap<>();
        sent.put("X-Cos-Meta-Title", "t");
        sent.put("x-cos-storage-class", "STANDARD");
        sent.put("x-cos-meta-empty", "");
        sent.put("If-None-Match", "*");
        sent.put("Range", "bytes=0-1");
        sent.put("Origin", "https://app.example");
        sent.put("Pic-Operations", "{}");
        sent.put("Host", "b-125.cos.ap-guangzhou.myqcloud.com");
        sent.put("Expires", "0");
        sent.put("User-Agent", "ua");
        sent.put("Accept", "*/*");
        assertThat(CosSignableHeaders.select(sent)).containsExactly(
                Map.entry("if-none-match", "*"),
                Map.entry("origin", "https://app.example"),
                Map.entry("pic-operations", "{}"),
                Map.entry("range", "bytes=0-1"),
                Map.entry("x-cos-meta-title", "t"),
                Map.entry("x-cos-storage-class", "STANDARD"));
    }

    @Test
    void isSignableShouldFollowTheBrowserSdkList() {
        for (String yes : new String[] {"content-disposition", "content-encoding", "content-length", "content-md5", "expect",
                "transfer-encoding", "if-match", "if-modified-since", "x-cos-acl", "x-cos-meta-x"}) {
            assertThat(CosSignableHeaders.isSignable(yes)).as(yes).isTrue();
        }
        for (String no : new String[] {"content-type", "cache-control", "expires", "host", "x-cos-security-token", "authorization", "date"}) {
            assertThat(CosSignableHeaders.isSignable(no)).as(no).isFalse();
        }
    }
}
