package io.openvod.signature.cos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvod.signature.Credential;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CosSignerTest {
    private static final Credential KEY = new Credential("AKIDTMPSECRETID000000000000000000000", "TmpSecretKey00000000000000000000");
    private static final CosKeyTime TIME = new CosKeyTime(1_700_000_000L, 4_102_444_800L);
    private final CosSigner signer = new CosSigner(KEY);

    @Test
    void signShouldUseTheSameIntervalForSignTimeAndKeyTime() {
        CosSignature s = signer.sign(TIME, "get", "/", Map.of(), Map.of());
        assertThat(s.authorization()).startsWith("q-sign-algorithm=sha1&q-ak=" + KEY.secretId()
                + "&q-sign-time=1700000000;4102444800&q-key-time=1700000000;4102444800&q-header-list=&q-url-param-list=&q-signature=");
        assertThat(s.signKey()).isEqualTo("82d3908e96c5dda43037dd78991fb572493f84b6");
        assertThat(s.httpString()).isEqualTo("get\n/\n\n\n");
    }

    @Test
    void signShouldLowerCaseEncodeAndSortKeysAndEncodeValues() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Zeta", "a b");
        params.put("alpha", null);
        params.put("Mid~dle", "ü/=&");
        CosSignature s = signer.sign(TIME, "PUT", "/k", params, Map.of("X-Cos-Meta-Name", "Ünï"));
        assertThat(s.httpString()).isEqualTo("put\n/k\nalpha=&mid~dle=%C3%BC%2F%3D%26&zeta=a%20b\nx-cos-meta-name=%C3%9Cn%C3%AF\n");
        assertThat(s.urlParamList()).isEqualTo("alpha;mid~dle;zeta");
        assertThat(s.headerList()).isEqualTo("x-cos-meta-name");
    }

    @Test
    void signShouldKeepThePathnameUnencoded() {
        assertThat(signer.sign(TIME, "PUT", "/视频 1.mp4", Map.of(), Map.of()).httpString()).isEqualTo("put\n/视频 1.mp4\n\n\n");
    }

    @Test
    void signShouldRefuseArgumentsThatCannotBeSigned() {
        assertThatThrownBy(() -> signer.sign(TIME, "PUT", "k", Map.of(), Map.of())).hasMessageContaining("start with /");
        assertThatThrownBy(() -> signer.sign(TIME, "P UT", "/", Map.of(), Map.of())).isInstanceOf(IllegalArgumentException.class);
        Map<String, String> twice = new LinkedHashMap<>();
        twice.put("uploadId", "a");
        twice.put("UPLOADID", "b");
        assertThatThrownBy(() -> signer.sign(TIME, "PUT", "/", twice, Map.of())).hasMessageContaining("more than once");
        assertThatThrownBy(() -> signer.sign(TIME, "PUT", "/", Map.of(), Map.of("bad name", "v"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CosSigner(new Credential("AK&ID", "k"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyTimeShouldParseOnlyOrderedNumericIntervals() {
        assertThat(CosKeyTime.parse("1700000000;4102444800")).contains(TIME);
        assertThat(CosKeyTime.parse("5;5")).contains(new CosKeyTime(5, 5));
        for (String bad : new String[] {null, "", ";", "1;", ";1", "2;1", "a;b", "1;2;3", "-1;2", "1 ;2", "1;1000000000000000000"}) {
            assertThat(CosKeyTime.parse(bad)).as(String.valueOf(bad)).isEmpty();
        }
        assertThat(CosKeyTime.around(1_700_000_000L)).isEqualTo(new CosKeyTime(1_699_999_999L, 1_700_000_899L));
        assertThatThrownBy(() -> new CosKeyTime(2, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void credentialShouldNotShowItsSecretsWhenPrinted() {
        CosCredential c = CosCredential.temporary(KEY, "token-secret");
        assertThat(c.toString()).doesNotContain(KEY.secretKey()).doesNotContain("token-secret").contains(KEY.secretId());
    }
}
