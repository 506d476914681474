package io.openvod.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signatures from an OpenVOD app backend (or any service with the same envelope
 * {@code {"code":0,"message":"ok","data":{"signature":"…"}}}): {@link #endpoint} asks its
 * {@code /api/v1/upload-signature} with a bearer token, {@link #login} signs in for one. A refusal
 * (a non-zero {@code code} with an HTTP status below 500: a bad token, a banned user, wrong
 * credentials) is an {@link AppRefusedException}; an unreachable service, a 5xx or an answer that
 * is not the envelope is a plain {@link IOException}.
 */
public final class AppSignatures {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private AppSignatures() {
    }

    /**
     * A supplier that GETs {@code url} (e.g. {@code https://app.example.com/api/v1/upload-signature?fileSize=123})
     * with {@code Authorization: Bearer <token>} and returns {@code data.signature}. A non-zero
     * {@code code} fails with the service's {@code data.error} and message.
     */
    public static SignatureSupplier endpoint(URI url, String bearerToken) {
        return () -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(TIMEOUT).GET();
            if (bearerToken != null) {
                request.header("Authorization", "Bearer " + bearerToken);
            }
            Map<String, Object> answer = envelope(send(request.build()), url);
            String signature = Json.string(Json.object(answer, "data"), "signature");
            if (signature == null) {
                throw new IOException(url + " answered without data.signature");
            }
            return signature;
        };
    }

    /** Signs in at {@code <appUrl>/api/v1/login} and returns the session token. */
    public static String login(URI appUrl, String user, String password) throws IOException, InterruptedException {
        URI url = appUrl.resolve(appUrl.getPath().endsWith("/") ? "api/v1/login" : appUrl.getPath() + "/api/v1/login");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", user);
        body.put("password", password);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build();
        Map<String, Object> answer = envelope(send(request), url);
        String token = Json.string(Json.object(answer, "data"), "token");
        if (token == null) {
            throw new IOException(url + " answered without data.token");
        }
        return token;
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> envelope(HttpResponse<String> response, URI url) throws IOException {
        Map<String, Object> answer;
        try {
            answer = Json.object(Json.parse(response.body()));
        } catch (IllegalArgumentException e) {
            throw new IOException(url + " answered HTTP " + response.statusCode() + " without JSON");
        }
        if (answer == null || !(answer.get("code") instanceof Long code)) {
            throw new IOException(url + " answered HTTP " + response.statusCode() + " without a code");
        }
        if (code != 0) {
            String error = Json.string(Json.object(answer, "data"), "error");
            String message = url.getPath() + " refused (" + (error == null ? "code " + code : error) + "): " + answer.get("message");
            if (response.statusCode() >= 500) {
                throw new IOException(message + " (HTTP " + response.statusCode() + ")");
            }
            throw new AppRefusedException(error == null ? Long.toString(code) : error, message);
        }
        return answer;
    }
}
