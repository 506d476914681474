package io.openvod.platform.cos.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PercentEncodingTest {

    @Test
    void encodesEverythingButUnreservedCharacters() {
        assertThat(PercentEncoding.encode("AZaz09-_.~", false)).isEqualTo("AZaz09-_.~");
        assertThat(PercentEncoding.encode("a b+c/d!'()*", false)).isEqualTo("a%20b%2Bc%2Fd%21%27%28%29%2A");
        assertThat(PercentEncoding.encode("a b+c/d", true)).isEqualTo("a%20b%2Bc/d");
        assertThat(PercentEncoding.encode("视频", true)).isEqualTo("%E8%A7%86%E9%A2%91");
        assertThat(PercentEncoding.encode("4R4pKpoB0AP/U3T7cV0PFA==", false)).isEqualTo("4R4pKpoB0AP%2FU3T7cV0PFA%3D%3D");
        assertThat(PercentEncoding.encode("", true)).isEmpty();
    }

    @Test
    void encodedValuesDecodeTheSameWithUriAndFormDecoding() {
        String value = "dir/a b+c&d=e%f 视频";
        String encoded = PercentEncoding.encode(value, true);
        assertThat(PercentEncoding.decode(encoded)).isEqualTo(value);
        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo(value);
    }

    @Test
    void decodeKeepsPlusAndRefusesBadInput() {
        assertThat(PercentEncoding.decode("a+b%20c")).isEqualTo("a+b c");
        assertThat(PercentEncoding.decode("plain")).isEqualTo("plain");
        assertThatThrownBy(() -> PercentEncoding.decode("%"))
                .isInstanceOfSatisfying(CosProtocolException.class, e -> assertThat(e.code()).isEqualTo(CosErrorCode.INVALID_ARGUMENT));
        assertThatThrownBy(() -> PercentEncoding.decode("%C3"))
                .isInstanceOfSatisfying(CosProtocolException.class, e -> assertThat(e.code()).isEqualTo(CosErrorCode.INVALID_ARGUMENT));
        assertThatThrownBy(() -> PercentEncoding.decode("%\u0661\u0662")) // Arabic-Indic digits are not hex
                .isInstanceOf(CosProtocolException.class);
        assertThatThrownBy(() -> PercentEncoding.decode("\uD800%20"))
                .isInstanceOf(CosProtocolException.class);
    }
}
