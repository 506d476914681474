package io.openvod.platform.cos.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CosCorsTest {
    private static final String ORIGIN = "https://upload.example.com";

    @Test
    void preflightForCompleteEchoesTheRequestedHeaders() {
        Map<String, String> headers = CosCors.anyOrigin(Duration.ofMinutes(10))
                .preflight(ORIGIN, "POST", "authorization, content-md5, content-type, x-cos-security-token");
        assertThat(headers).containsExactly(
                Map.entry("Access-Control-Allow-Origin", "*"),
                Map.entry("Access-Control-Allow-Methods", "GET, PUT, POST, DELETE, HEAD"),
                Map.entry("Access-Control-Allow-Headers", "authorization, content-md5, content-type, x-cos-security-token"),
                Map.entry("Access-Control-Max-Age", "600"));
    }

    @Test
    void preflightEchoingTheOrigin() {
        Map<String, String> headers = CosCors.echoOrigin(Duration.ofHours(2))
                .preflight(ORIGIN, "PUT", "authorization,x-cos-security-token");
        assertThat(headers)
                .containsEntry("Access-Control-Allow-Origin", ORIGIN)
                .containsEntry("Access-Control-Allow-Headers", "authorization, x-cos-security-token")
                .containsEntry("Access-Control-Max-Age", "7200")
                .containsEntry("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
    }

    @Test
    void requestedHeadersAreSanitised() {
        Map<String, String> headers = CosCors.anyOrigin(Duration.ZERO).preflight(ORIGIN, "GET",
                " Authorization ,, x-cos-security-token\r\nSet-Cookie: a=b, bad header, x-amz-date, vod-forward-cos ");
        assertThat(headers.get("Access-Control-Allow-Headers")).isEqualTo("Authorization, x-amz-date, vod-forward-cos");
        assertThat(headers).doesNotContainKey("Access-Control-Max-Age");
        assertThat(CosCors.sanitiseHeaderList("a,".repeat(5000))).hasSizeLessThanOrEqualTo(4096);
    }

    @Test
    void preflightWithoutRequestedHeadersOmitsAllowHeaders() {
        assertThat(CosCors.anyOrigin(CosCors.DEFAULT_MAX_AGE).preflight(ORIGIN, "HEAD", null))
                .doesNotContainKey("Access-Control-Allow-Headers")
                .containsEntry("Access-Control-Allow-Methods", CosCors.ALLOW_METHODS);
    }

    @Test
    void notAPreflightOrAMethodNotAllowed() {
        CosCors cors = CosCors.anyOrigin(CosCors.DEFAULT_MAX_AGE);
        assertThat(cors.preflight(ORIGIN, null, "authorization")).isEmpty();
        assertThat(cors.preflight(null, "PUT", "authorization")).isEmpty();
        assertThat(cors.preflight(ORIGIN, "PATCH", "authorization")).isEmpty();
        assertThat(cors.preflight(ORIGIN, "put", "authorization")).isEmpty();
    }

    @Test
    void actualResponsesExposeEtagAndDate() {
        Map<String, String> headers = CosCors.anyOrigin(CosCors.DEFAULT_MAX_AGE).actual(ORIGIN);
        assertThat(headers).containsExactly(
                Map.entry("Access-Control-Allow-Origin", "*"),
                Map.entry("Access-Control-Expose-Headers",
                        "ETag, Content-Length, Date, x-cos-request-id, x-cos-version-id, Content-Range, Accept-Ranges"));
        assertThat(CosCors.anyOrigin(CosCors.DEFAULT_MAX_AGE).actual(null)).containsKey("Access-Control-Expose-Headers");
    }

    @Test
    void actualResponsesEchoingTheOrigin() {
        Map<String, String> headers = CosCors.echoOrigin(CosCors.DEFAULT_MAX_AGE).actual("http://localhost:3000");
        assertThat(headers)
                .containsEntry("Access-Control-Allow-Origin", "http://localhost:3000")
                .containsEntry("Vary", "Origin")
                .containsKey("Access-Control-Expose-Headers");
        assertThat(CosCors.echoOrigin(CosCors.DEFAULT_MAX_AGE).actual(null)).isEmpty();
    }

    @Test
    void malformedOriginsAreNeverEchoed() {
        CosCors cors = CosCors.echoOrigin(CosCors.DEFAULT_MAX_AGE);
        for (String origin : List.of("https://a.example\r\nSet-Cookie: x=y", "null", "", "https://a.example/path",
                "javascript:alert(1)", "https://a b.example")) {
            assertThat(cors.actual(origin)).as(origin).isEmpty();
            assertThat(cors.preflight(origin, "PUT", "authorization")).as(origin).isEmpty();
        }
    }

    @Test
    void allowListEchoesOnlyListedOrigins() {
        CosCors cors = CosCors.allowOrigins(List.of(ORIGIN), CosCors.DEFAULT_MAX_AGE);
        assertThat(cors.actual(ORIGIN)).containsEntry("Access-Control-Allow-Origin", ORIGIN);
        assertThat(cors.preflight(ORIGIN, "DELETE", "authorization")).containsEntry("Access-Control-Allow-Origin", ORIGIN);
        assertThat(cors.actual("https://evil.example")).isEmpty();
        assertThat(cors.preflight("https://evil.example", "PUT", "authorization")).isEmpty();
    }
}
