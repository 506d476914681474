package io.openvod.server.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.app.config.AppConfig;
import io.openvod.app.config.AppDatabaseConfig;
import io.openvod.app.config.AppHttpConfig;
import io.openvod.app.config.AuthConfig;
import io.openvod.app.config.JwtSection;
import io.openvod.app.config.RateLimitConfig;
import io.openvod.app.config.VodConfig;
import io.openvod.app.config.VodKeyConfig;
import io.openvod.app.policy.PolicyConfig;
import io.openvod.app.policy.RolePolicy;
import io.openvod.app.policy.UserPolicy;
import io.openvod.core.Secret;
import io.openvod.testing.TestSecrets;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Builds app-backend configurations for tests and talks to a started backend over real HTTP. */
final class AppFixture {
    static final String KEY_A_ID = "AKIDkeyA000000000000000000000000000";
    static final String KEY_A = "secret-key-A-0000000000000000000";
    static final String KEY_B_ID = "AKIDkeyB000000000000000000000000000";
    static final String KEY_B = "secret-key-B-1111111111111111111";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static {
        TestSecrets.rememberConstants(AppFixture.class);
    }

    private AppFixture() {
    }

    static RolePolicy role(List<String> procedures, String defaultProcedure, List<Long> classIds, Long defaultClassId,
                           long uploadsPerDay, long bytesPerDay, long maxFileSize) {
        return new RolePolicy(true, procedures, defaultProcedure, classIds, defaultClassId, Duration.ofMinutes(10), true,
                uploadsPerDay, bytesPerDay, maxFileSize);
    }

    static AppConfig config(Path dir, VodConfig vod, Map<String, RolePolicy> roles, Map<String, UserPolicy> users,
                            RateLimitConfig rates, JwtSection jwt) {
        return new AppConfig(
                new AppHttpConfig("127.0.0.1", 0, List.of("https://app.example.com"), false, 16384),
                new AppDatabaseConfig("jdbc:sqlite:" + dir.resolve("app.db")),
                vod,
                new AuthConfig(true, Duration.ofHours(1), true, jwt, Duration.ofSeconds(5)),
                new PolicyConfig("user", roles, users),
                rates, io.openvod.app.config.ReceiptConfig.defaults());
    }

    static VodConfig keyA() {
        return new VodConfig(KEY_A_ID, Secret.of(KEY_A), null, List.of(), 1500000001L, "");
    }

    static VodConfig rotatedToB() {
        return new VodConfig("", null, null, List.of(
                new VodKeyConfig(KEY_A_ID, Secret.of(KEY_A), null, false),
                new VodKeyConfig(KEY_B_ID, Secret.of(KEY_B), null, true)), 0, "");
    }

    static JwtSection noJwt() {
        return new JwtSection(false, null, null, null, null, null, null, null, null, null);
    }

    /** A response: status, parsed JSON body, headers. */
    record Reply(int status, JsonNode body, HttpResponse<String> raw) {
        int code() {
            return body.path("code").asInt(-1);
        }

        String error() {
            return body.path("data").path("error").asText();
        }

        String signature() {
            return body.path("data").path("signature").asText();
        }
    }

    static Reply get(URI base, String pathAndQuery, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET();
        TestSecrets.remember(bearer);
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return send(b.build());
    }

    static Reply post(URI base, String path, String bearer, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        TestSecrets.remember(bearer);
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return send(b.build());
    }

    static Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
            return new Reply(r.statusCode(), body, r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
