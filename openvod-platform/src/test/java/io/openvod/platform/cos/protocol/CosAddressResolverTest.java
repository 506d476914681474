package io.openvod.platform.cos.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvod.platform.cos.protocol.CosAddress.Style;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CosAddressResolverTest {
    private static final String BUCKET = "abcdvodgzp1500000001-1250000000";
    private static final String KEY = "1500000001/abcdvodgzp1500000001/5285890784418605123/x2eWFXPftMEA.mp4";
    private static final String HOST = BUCKET + ".cos.ap-guangzhou.myqcloud.com";

    private final CosAddressResolver resolver =
            new CosAddressResolver(List.of("myqcloud.com", "tencentcos.cn", ".COS.localhost "));

    private CosAddress resolve(String host, String path) {
        return resolver.resolve(host, path).orElseThrow(() -> new AssertionError("not resolved: " + host + path));
    }

    private void assertRefused(String host, String path, CosErrorCode code) {
        assertThatThrownBy(() -> resolver.resolve(host, path))
                .isInstanceOfSatisfying(CosProtocolException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void virtualHostFromTheSpec() {
        CosAddress address = resolve(HOST, "/" + KEY);
        assertThat(address.bucket()).isEqualTo(BUCKET);
        assertThat(address.appId()).isEqualTo("1250000000");
        assertThat(address.region()).contains("ap-guangzhou");
        assertThat(address.key()).isEqualTo(KEY);
        assertThat(address.style()).isEqualTo(Style.VIRTUAL_HOST);
        assertThat(address.host()).isEqualTo(HOST);
        assertThat(address.signedPath()).isEqualTo("/" + KEY);
        assertThat(address.isBucketLevel()).isFalse();
        assertThat(address.location("myqcloud.com")).isEqualTo(HOST + "/" + KEY);
    }

    @Test
    void portUpperCaseAndTrailingDotInHost() {
        for (String host : List.of(HOST + ":8443", HOST.toUpperCase() + ":443", HOST + ".", "  " + HOST + "  ")) {
            CosAddress address = resolve(host, "/" + KEY);
            assertThat(address.bucket()).isEqualTo(BUCKET);
            assertThat(address.region()).contains("ap-guangzhou");
            assertThat(address.host()).isEqualTo(HOST);
        }
    }

    @Test
    void fallbackAndLocalDomains() {
        CosAddress fallback = resolve(BUCKET + ".cos.ap-guangzhou.tencentcos.cn", "/" + KEY);
        assertThat(fallback.bucket()).isEqualTo(BUCKET);
        assertThat(fallback.region()).contains("ap-guangzhou");
        assertThat(fallback.location("myqcloud.com")).isEqualTo(HOST + "/" + KEY);

        CosAddress local = resolve(BUCKET + ".cos.ap-guangzhou.cos.localhost:8080", "/" + KEY);
        assertThat(local.bucket()).isEqualTo(BUCKET);
        assertThat(local.region()).contains("ap-guangzhou");

        CosAddress regionless = resolve(BUCKET + ".cos.localhost", "/" + KEY);
        assertThat(regionless.style()).isEqualTo(Style.VIRTUAL_HOST);
        assertThat(regionless.region()).isEmpty();
        assertThat(regionless.location("cos.localhost"))
                .isEqualTo(BUCKET + ".cos.localhost/" + KEY);
    }

    @Test
    void legacyVirtualHost() {
        CosAddress address = resolve("photos-1250000000.cn-south.myqcloud.com", "/a/b.jpg");
        assertThat(address.bucket()).isEqualTo("photos-1250000000");
        assertThat(address.region()).contains("cn-south");
        assertThat(address.key()).isEqualTo("a/b.jpg");
        assertThat(address.style()).isEqualTo(Style.VIRTUAL_HOST);
    }

    @Test
    void bucketLevelListMultipartUploads() {
        for (String path : List.of("/", "", "/?uploads&prefix=" + KEY.replace("/", "%2F"))) {
            CosAddress address = resolve(HOST, path);
            assertThat(address.bucket()).isEqualTo(BUCKET);
            assertThat(address.key()).isEmpty();
            assertThat(address.isBucketLevel()).isTrue();
            assertThat(address.signedPath()).isEqualTo("/");
        }
        assertThat(resolve(HOST, "/" + KEY + "?uploadId=u1&partNumber=2").key()).isEqualTo(KEY);
    }

    @Test
    void percentDecodingFollowsRfc3986() {
        assertThat(resolve(HOST, "/dir%2Fsub/a%20b").key()).isEqualTo("dir/sub/a b");
        assertThat(resolve(HOST, "/a+b").key()).isEqualTo("a+b");
        assertThat(resolve(HOST, "/a%2Bb").key()).isEqualTo("a+b");
        assertThat(resolve(HOST, "/%E8%A7%86%E9%A2%91.mp4").key()).isEqualTo("视频.mp4");
        assertThat(resolve(HOST, "/%e8%a7%86%e9%a2%91.mp4").key()).isEqualTo("视频.mp4");
        assertThat(resolve(HOST, "/视频.mp4").key()).isEqualTo("视频.mp4");
        assertThat(resolve(HOST, "/%21%27%28%29%2A").key()).isEqualTo("!'()*");
        assertThat(resolve(HOST, "/a%2Fb").signedPath()).isEqualTo("/a/b");
        assertThat(resolve(HOST, "//lead").key()).isEqualTo("/lead");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a%", "/a%2", "/a%zz", "/a%G0", "/%C3%28", "/%FF", "/%ED%A0%80", "/%00", "/a%0Ab",
        "/a%0D", "/%7F", "/%C2%85", "/%EF%BF%BE"})
    void badEscapesAndForbiddenCharactersAreInvalidArgument(String path) {
        assertRefused(HOST, path, CosErrorCode.INVALID_ARGUMENT);
        assertRefused("example.com", "/" + BUCKET + path, CosErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void keyLengthIsCountedInUtf8Bytes() {
        assertThat(resolve(HOST, "/" + "a".repeat(1024)).key()).hasSize(1024);
        assertRefused(HOST, "/" + "a".repeat(1025), CosErrorCode.KEY_TOO_LONG);
        assertRefused(HOST, "/" + "%E8%A7%86".repeat(342), CosErrorCode.KEY_TOO_LONG); // 1026 bytes, 342 chars
        assertThat(resolve(HOST, "/" + "%E8%A7%86".repeat(341)).key()).hasSize(341);
    }

    @Test
    void pathStyleOnAnyOtherHost() {
        CosAddress address = resolve("127.0.0.1:8443", "/" + BUCKET + "/" + KEY);
        assertThat(address.bucket()).isEqualTo(BUCKET);
        assertThat(address.key()).isEqualTo(KEY);
        assertThat(address.region()).isEmpty();
        assertThat(address.style()).isEqualTo(Style.PATH);
        assertThat(address.signedPath()).isEqualTo("/" + KEY);
        assertThat(address.host()).isEqualTo("127.0.0.1");
        assertThat(address.location("myqcloud.com")).isEqualTo("127.0.0.1/" + BUCKET + "/" + KEY);
    }

    @Test
    void pathStyleBucketLevel() {
        for (String path : List.of("/" + BUCKET, "/" + BUCKET + "/", "/" + BUCKET + "?uploads", "/" + BUCKET + "/?uploads")) {
            CosAddress address = resolve("localhost", path);
            assertThat(address.bucket()).isEqualTo(BUCKET);
            assertThat(address.key()).isEmpty();
            assertThat(address.signedPath()).isEqualTo("/");
        }
    }

    @Test
    void pathStyleOnTheRegionalEndpointKeepsTheRegion() {
        CosAddress address = resolve("cos.ap-guangzhou.myqcloud.com", "/" + BUCKET + "/" + KEY);
        assertThat(address.style()).isEqualTo(Style.PATH);
        assertThat(address.region()).contains("ap-guangzhou");
        assertThat(address.location("myqcloud.com")).isEqualTo(HOST + "/" + KEY);
    }

    @Test
    void pathStyleOnIpv6AndHostlessRequests() {
        assertThat(resolve("[::1]:8443", "/" + BUCKET + "/k").host()).isEqualTo("[::1]");
        assertThat(resolve(null, "/" + BUCKET + "/k").bucket()).isEqualTo(BUCKET);
    }

    @Test
    void aNonBucketNameUnderTheSuffixFallsBackToPathStyle() {
        assertThat(resolve("www.myqcloud.com", "/" + BUCKET + "/k").style()).isEqualTo(Style.PATH);
        assertThat(resolver.resolve("www.myqcloud.com", "/k")).isEmpty();
        assertThat(resolver.resolve("Bad_Bucket-1.cos.ap-guangzhou.myqcloud.com", "/k")).isEmpty();
        assertThat(resolver.resolve("nobucketappid.cos.ap-guangzhou.myqcloud.com", "/k")).isEmpty();
    }

    @Test
    void notCosRequests() {
        assertThat(resolver.resolve("vod2.qcloud.com", "/v3/index.php")).isEmpty();
        assertThat(resolver.resolve("vod2.qcloud.com", "/")).isEmpty();
        assertThat(resolver.resolve("localhost", "*")).isEmpty();
        assertThat(resolver.resolve("localhost", "/UPPER-123/k")).isEmpty();
        assertThat(resolver.resolve("localhost", "/-lead-123/k")).isEmpty();
        assertThat(resolver.resolve("localhost", "/noappid/k")).isEmpty();
        assertThat(resolver.resolve("localhost", "/a%2D123/k")).isEmpty();
        // a host that only ends like a suffix is not under it
        assertThat(resolver.resolve(BUCKET + ".cos.ap-guangzhou.evilmyqcloud.com", "/k")).isEmpty();
    }

    @Test
    void bucketNameRules() {
        assertThat(CosAddressResolver.isBucket(BUCKET)).isTrue();
        assertThat(CosAddressResolver.isBucket("a-1")).isTrue();
        assertThat(CosAddressResolver.isBucket("a".repeat(61) + "-1")).isTrue();
        assertThat(CosAddressResolver.isBucket("a".repeat(62) + "-1")).isFalse();
        assertThat(CosAddressResolver.isBucket("abc")).isFalse();
        assertThat(CosAddressResolver.isBucket("abc-")).isFalse();
        assertThat(CosAddressResolver.isBucket("abc-12a")).isFalse();
        assertThat(CosAddressResolver.isBucket("Abc-12")).isFalse();
        assertThat(CosAddressResolver.isBucket("a_b-12")).isFalse();
        assertThat(CosAddressResolver.isBucket("-a-12")).isFalse();
    }

    @Test
    void locationEncodesTheKey() {
        assertThat(resolve(HOST, "/dir/a%20b+c.mp4").location("myqcloud.com"))
                .isEqualTo(HOST + "/dir/a%20b%2Bc.mp4");
    }

    @Test
    void addressRequiresItsParts() {
        assertThatThrownBy(() -> new CosAddress(BUCKET, null, "", Style.PATH, "h")).isInstanceOf(NullPointerException.class);
        assertThat(new CosAddress(BUCKET, Optional.empty(), "", Style.PATH, "h").isBucketLevel()).isTrue();
    }
}
