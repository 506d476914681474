package io.openvod.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvod.signature.Credential;
import io.openvod.signature.cos.CosKeyTime;
import io.openvod.signature.cos.CosSignature;
import io.openvod.signature.cos.CosSigner;
import io.openvod.testing.TestSecrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small COS client for tests: path-style requests ({@code <base>/<bucket>/<key>}) signed with
 * the temporary credentials of an ApplyUploadUGC answer, as cos-js signs them (the key path, the
 * query parameters, and content-length / content-md5 when present).
 */
public final class CosTestClient {
    private static final Pattern UPLOAD_ID = Pattern.compile("<UploadId>([^<]+)</UploadId>");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String bucket;
    private final Credential credential;
    private final String token;
    private final long start;
    private final long end;

    public CosTestClient(String base, String bucket, Credential credential, String token, long start, long end) {
        this.base = base;
        this.bucket = bucket;
        this.credential = credential;
        this.token = TestSecrets.remember(token);
        TestSecrets.remember(credential.secretKey());
        this.start = start;
        this.end = end;
    }

    /** A client for the upload that an ApplyUploadUGC {@code data} describes. */
    public static CosTestClient forApply(String base, JsonNode data) {
        JsonNode cert = data.get("tempCertificate");
        return new CosTestClient(base, data.get("storageBucket").asText() + "-" + data.get("storageAppId").asLong(),
                new Credential(cert.get("secretId").asText(), cert.get("secretKey").asText()), cert.get("token").asText(),
                data.get("timestamp").asLong() - 60, cert.get("expiredTime").asLong());
    }

    /** The object key of a {@code storagePath} (one leading slash stripped, as cos-js does). */
    public static String key(String storagePath) {
        return storagePath.startsWith("/") ? storagePath.substring(1) : storagePath;
    }

    public String bucket() {
        return bucket;
    }

    /** The same credentials addressed to another bucket. */
    public CosTestClient withBucket(String otherBucket) {
        return new CosTestClient(base, otherBucket, credential, token, start, end);
    }

    /** The same access key id with another secret key (its signatures do not match). */
    public CosTestClient withSecretKey(String secretKey) {
        return new CosTestClient(base, bucket, new Credential(credential.secretId(), secretKey), token, start, end);
    }

    /** Another {@code x-cos-security-token}; null sends none. */
    public CosTestClient withToken(String otherToken) {
        return new CosTestClient(base, bucket, credential, otherToken, start, end);
    }

    /** The {@code Authorization} value of a request, for requests sent by other means (raw sockets). */
    public String authorization(String method, String pathname, Map<String, String> query, Map<String, String> signedHeaders) {
        return new CosSigner(credential).sign(new CosKeyTime(start, end), method, pathname, query, signedHeaders).authorization();
    }

    public String token() {
        return token;
    }

    public HttpResponse<String> put(String key, byte[] body, Map<String, String> query, Map<String, String> extraHeaders) {
        Map<String, String> signedHeaders = new TreeMap<>();
        signedHeaders.put("content-length", Integer.toString(body.length));
        extraHeaders.forEach((k, v) -> signedHeaders.put(k.toLowerCase(), v));
        return send("PUT", "/" + key, query, signedHeaders, HttpRequest.BodyPublishers.ofByteArray(body));
    }

    public HttpResponse<String> putPart(String key, String uploadId, int partNumber, byte[] body) {
        return put(key, body, params("partNumber", Integer.toString(partNumber), "uploadId", uploadId), Map.of());
    }

    public String initiate(String key) {
        HttpResponse<String> response = send("POST", "/" + key, params("uploads", ""), Map.of(), HttpRequest.BodyPublishers.noBody());
        Matcher m = UPLOAD_ID.matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            throw new AssertionError("Initiate failed: " + response.statusCode() + " " + response.body());
        }
        return m.group(1);
    }

    public HttpResponse<String> complete(String key, String uploadId, String xml) {
        return send("POST", "/" + key, params("uploadId", uploadId), Map.of("content-type", "application/xml"),
                HttpRequest.BodyPublishers.ofString(xml));
    }

    public HttpResponse<String> listParts(String key, String uploadId) {
        return send("GET", "/" + key, params("uploadId", uploadId), Map.of(), HttpRequest.BodyPublishers.noBody());
    }

    public HttpResponse<String> listUploads(String prefix) {
        return send("GET", "/", params("uploads", "", "prefix", prefix), Map.of(), HttpRequest.BodyPublishers.noBody());
    }

    public HttpResponse<String> abort(String key, String uploadId) {
        return send("DELETE", "/" + key, params("uploadId", uploadId), Map.of(), HttpRequest.BodyPublishers.noBody());
    }

    /** Sends a request signed over {@code pathname}, {@code query} and {@code headers}. */
    public HttpResponse<String> send(String method, String pathname, Map<String, String> query, Map<String, String> headers,
                                     HttpRequest.BodyPublisher body) {
        Map<String, String> signable = new TreeMap<>();
        headers.forEach((k, v) -> {
            if (!k.equalsIgnoreCase("content-type")) {
                signable.put(k.toLowerCase(), v);
            }
        });
        CosSignature signature = new CosSigner(credential).sign(new CosKeyTime(start, end), method, pathname, query, signable);
        StringBuilder url = new StringBuilder(base).append('/').append(bucket).append(encodePath(pathname));
        String separator = "?";
        for (Map.Entry<String, String> p : query.entrySet()) {
            url.append(separator).append(encode(p.getKey()));
            if (!p.getValue().isEmpty()) {
                url.append('=').append(encode(p.getValue()));
            }
            separator = "&";
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.toString())).method(method, body)
                .header("Authorization", signature.authorization());
        if (token != null) {
            request.header("x-cos-security-token", token);
        }
        headers.forEach((k, v) -> {
            if (!k.equalsIgnoreCase("content-length")) {
                request.header(k, v);
            }
        });
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, String> params(String... nameValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            params.put(nameValues[i], nameValues[i + 1]);
        }
        return params;
    }

    private static String encodePath(String pathname) {
        StringBuilder out = new StringBuilder();
        for (String segment : pathname.split("/", -1)) {
            if (!out.isEmpty() || !segment.isEmpty()) {
                out.append('/').append(encode(segment));
            }
        }
        return pathname.equals("/") ? "/" : out.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
