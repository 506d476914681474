package io.openvod.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.app.config.WebConfig;
import io.openvod.server.app.AppBackend;
import io.openvod.server.config.ConfigException;
import io.openvod.server.config.ConfigLoader;
import io.openvod.server.config.ConfigSources;
import io.openvod.server.dev.DevStack;
import io.openvod.server.dev.DevUploads;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The upload page as the app backend serves it: files, types, caching, the page's configuration, and the API's 404s unchanged. */
class WebPageHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private AppBackend app;

    @BeforeEach
    void start() {
        app = AppBackend.start(new ConfigLoader().load(new ConfigSources(Optional.empty(), Map.of(), List.of("app.http.port=0",
                "app.database.url=jdbc:sqlite:" + dir.resolve("app.db"), "app.web.platformUrl=https://vod.example.com:8443/",
                "app.web.signInHint=Demo account: demo / demo-password"))).app(), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(app.url().resolve(path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The Content-Type without spaces (the server writes {@code text/html;charset=utf-8}). */
    private static String type(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase();
    }

    @Test
    void thePageAndItsFilesAreServedWithTheirTypesAndRevalidated() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(type(page)).isEqualTo("text/html;charset=utf-8");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-cache");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(page.body()).contains("<script type=\"module\" src=\"app.js\"></script>").contains("<label for=\"video-file\">");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .as("the page may talk to this backend and the platform only")
                .contains("connect-src 'self' https://vod.example.com:8443;").contains("script-src 'self'");
        assertThat(get("/index.html").body()).isEqualTo(page.body());

        Map<String, String> types = Map.of("/app.css", "text/css;charset=utf-8", "/app.js", "text/javascript;charset=utf-8",
                "/ugc-upload.js", "text/javascript;charset=utf-8", "/qsign.js", "text/javascript;charset=utf-8",
                "/player.js", "text/javascript;charset=utf-8");
        for (Map.Entry<String, String> file : types.entrySet()) {
            HttpResponse<String> response = get(file.getKey());
            assertThat(response.statusCode()).as(file.getKey()).isEqualTo(200);
            assertThat(type(response)).as(file.getKey()).isEqualTo(file.getValue());
            assertThat(response.body()).as(file.getKey()).isNotBlank();
            String etag = response.headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> again = get(file.getKey(), "If-None-Match", etag);
            assertThat(again.statusCode()).as("a revalidation of " + file.getKey()).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            assertThat(get(file.getKey(), "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void webConfigTellsThePageWhereThePlatformIs() throws Exception {
        HttpResponse<String> response = get("/api/v1/web-config");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("code").asInt()).isZero();
        assertThat(body.path("data").path("platformUrl").asText()).as("trailing slash dropped").isEqualTo("https://vod.example.com:8443");
        assertThat(body.path("data").path("signInHint").asText()).isEqualTo("Demo account: demo / demo-password");
    }

    @Test
    void unknownPathsAndTheApiKeepTheirEnvelopes() throws Exception {
        for (String path : List.of("/nope.js", "/web/app.js", "/api/v1/nope", "/index.htm")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(type(response)).as(path).isEqualTo("application/json;charset=utf-8");
            assertThat(JSON.readTree(response.body()).path("data").path("error").asText()).as(path).isEqualTo("ENDPOINT_NOT_FOUND");
        }
        HttpResponse<String> health = get("/api/v1/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("Cache-Control")).as("API answers are still not cached").contains("no-store");
        HttpResponse<String> videos = get("/api/v1/videos");
        assertThat(videos.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(videos.body()).path("code").asInt()).isNotZero();
    }

    @Test
    void theDevStackPointsThePageAtItsPlatformAndNamesTheDemoAccount(@TempDir Path devDir) throws Exception {
        try (DevStack dev = DevStack.start(new ConfigLoader().load(ConfigSources.resolve(null, devDir, Map.of(), List.of(
                "platform.http.port=0", "app.http.port=0", "platform.databaseUrl=jdbc:sqlite:" + devDir.resolve("platform.db"),
                "platform.storage.path=" + devDir.resolve("objects"), "app.database.url=jdbc:sqlite:" + devDir.resolve("app.db")))),
                devDir.resolve("state"), Clock.systemUTC())) {
            DevUploads.remember(dev);
            JsonNode data = JSON.readTree(http.send(HttpRequest.newBuilder(dev.app().url().resolve("/api/v1/web-config")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).path("data");
            assertThat(data.path("platformUrl").asText()).isEqualTo(dev.platform().url());
            assertThat(data.path("signInHint").asText()).contains(DevStack.DEMO_USER + " / " + DevStack.DEMO_PASSWORD);
        }
    }

    @Test
    void thePlatformUrlDefaultsToTheLocalPlatformAndMustBeHttp() {
        assertThat(new ConfigLoader().defaultsOnly().app().web()).isEqualTo(WebConfig.defaults());
        assertThat(WebConfig.defaults().platformUrl()).isEqualTo("http://127.0.0.1:8082");
        assertThat(WebConfig.defaults().platformOrigin()).isEqualTo("http://127.0.0.1:8082");
        assertThat(new WebConfig("https://vod.example.com/base/", "").platformOrigin()).isEqualTo("https://vod.example.com");
        for (String bad : List.of("ftp://vod.example.com", "vod.example.com", "https://vod.example.com/?a=b")) {
            assertThatThrownBy(() -> new ConfigLoader().load(new ConfigSources(Optional.empty(), Map.of(),
                    List.of("app.web.platformUrl=" + bad))).app()).as(bad).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("platformUrl");
        }
    }
}
