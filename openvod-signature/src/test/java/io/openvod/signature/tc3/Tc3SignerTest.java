package io.openvod.signature.tc3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvod.signature.Credential;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Tc3SignerTest {
    private static final Credential KEY = new Credential("AKIDEXAMPLEVODTESTVECTOR000000000000", "VodTestSecretKeyEXAMPLE0123456789");
    private static final Map<String, String> BASIC = Map.of("Content-Type", Tc3Signer.JSON_CONTENT_TYPE, "Host", "vod.tencentcloudapi.com");
    private final Tc3Signer signer = new Tc3Signer(KEY, "vod");

    @Test
    void signJsonPostShouldEqualTheGeneralSignWithTheSdkHeaders() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        assertThat(signer.signJsonPost(1_700_000_000L, "vod.tencentcloudapi.com", body))
                .isEqualTo(signer.sign(1_700_000_000L, "POST", "", BASIC, body));
        assertThat(signer.signJsonPost(1_700_000_000L, "vod.tencentcloudapi.com", body).signature())
                .isEqualTo("96d6dfb4b989235909f6c8f70c86534d6ab1388457079a97440a6746993b3fbb");
    }

    @Test
    void signShouldSortLowerCaseAndTrimSignedHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-TC-Region", " AP-Guangzhou ");
        headers.put("Host", "vod.tencentcloudapi.com");
        headers.put("content-type", Tc3Signer.JSON_CONTENT_TYPE);
        Tc3Signature s = signer.sign(1_700_000_000L, "POST", "", headers, new byte[0]);
        assertThat(s.signedHeaders()).isEqualTo("content-type;host;x-tc-region");
        assertThat(s.canonicalRequest()).isEqualTo("POST\n/\n\ncontent-type:application/json; charset=utf-8\n"
                + "host:vod.tencentcloudapi.com\nx-tc-region:ap-guangzhou\n\ncontent-type;host;x-tc-region\n"
                + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void signShouldUseTheUtcDateOfTheTimestampAcrossMidnight() {
        assertThat(signer.sign(1_700_006_399L, "POST", "", BASIC, new byte[0]).credentialScope()).isEqualTo("2023-11-14/vod/tc3_request");
        assertThat(signer.sign(1_700_006_400L, "POST", "", BASIC, new byte[0]).credentialScope()).isEqualTo("2023-11-15/vod/tc3_request");
        assertThat(signer.sign(0L, "POST", "", BASIC, new byte[0]).credentialScope()).isEqualTo("1970-01-01/vod/tc3_request");
    }

    @Test
    void signShouldRefuseHeadersWithoutContentTypeOrHost() {
        assertThatThrownBy(() -> signer.sign(1L, "POST", "", Map.of("Host", "h"), new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("content-type");
        assertThatThrownBy(() -> signer.sign(1L, "POST", "", Map.of("Content-Type", "a/b"), new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host");
    }

    @Test
    void signShouldRefuseArgumentsThatCannotBeSigned() {
        assertThatThrownBy(() -> signer.sign(-1L, "POST", "", BASIC, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signer.sign(253_402_300_800L, "POST", "", BASIC, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signer.sign(1L, "PO ST", "", BASIC, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signer.sign(1L, "GET", "a=b\nc", BASIC, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        Map<String, String> twice = new LinkedHashMap<>(BASIC);
        twice.put("HOST", "other");
        assertThatThrownBy(() -> signer.sign(1L, "POST", "", twice, new byte[0])).hasMessageContaining("more than once");
        Map<String, String> newline = new LinkedHashMap<>(BASIC);
        newline.put("x-tc-action", "a\r\nb");
        assertThatThrownBy(() -> signer.sign(1L, "POST", "", newline, new byte[0])).hasMessageContaining("line break");
        assertThatThrownBy(() -> new Tc3Signer(KEY, "VOD")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tc3Signer(KEY, "vod/x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signatureRecordShouldNotExposeTheSecretKey() {
        Tc3Signature s = signer.signJsonPost(1_700_000_000L, "vod.tencentcloudapi.com", new byte[0]);
        assertThat(s.toString()).doesNotContain(KEY.secretKey());
    }
}
