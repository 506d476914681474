package io.openvod.client;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The platform's UGC API: {@code POST <platform>/v3/index.php?Action=…} with a JSON body, answered
 * with HTTP 200 and {@code {code, message, data}}. Each call takes a signature from
 * {@link Signatures}, asks for a new one when the platform says it expired ({@code 10010}) or was
 * used ({@code 10004}), and retries transient failures.
 */
final class UgcApi {
    static final int SIGNATURE_REPLAYED = 10004;
    static final int SESSION_NOT_FOUND = 10007;
    static final int SIGNATURE_EXPIRED = 10010;
    private static final int UNAVAILABLE = 10503;
    private static final int MAX_SIGNATURE_REFRESHES = 3;

    private final String platform;
    private final Transport transport;
    private final Retrier retrier;
    private final Signatures signatures;

    UgcApi(String platform, Transport transport, Retrier retrier, Signatures signatures) {
        this.platform = platform.endsWith("/") ? platform.substring(0, platform.length() - 1) : platform;
        this.transport = transport;
        this.retrier = retrier;
        this.signatures = signatures;
    }

    /** Calls {@code action} with {@code fields} and a signature; returns the answer's {@code data}. */
    Map<String, Object> call(String action, Map<String, Object> fields) throws UploadException {
        for (int refreshes = 0; ; refreshes++) {
            try {
                return retrier.call(() -> once(action, fields));
            } catch (UploadException e) {
                Integer code = e.platformCode();
                boolean stale = code != null && (code == SIGNATURE_EXPIRED || code == SIGNATURE_REPLAYED);
                if (!stale || refreshes >= MAX_SIGNATURE_REFRESHES) {
                    throw e;
                }
                signatures.discard();
            }
        }
    }

    private Map<String, Object> once(String action, Map<String, Object> fields) throws UploadException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("signature", signatures.current());
        body.putAll(fields);
        HttpRequest request = transport.request(URI.create(platform + "/v3/index.php?Action=" + action))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build();
        HttpResponse<String> response = transport.send(request, action);
        if (response.statusCode() != 200) {
            UploadError error = response.statusCode() >= 500 ? UploadError.UNAVAILABLE : UploadError.PLATFORM_REJECTED;
            throw new UploadException(error, action + " answered HTTP " + response.statusCode(), null, null, response.statusCode(), null);
        }
        Map<String, Object> answer;
        try {
            answer = Json.object(Json.parse(response.body()));
        } catch (IllegalArgumentException e) {
            throw new UploadException(UploadError.PROTOCOL, action + " answered something that is not JSON", e);
        }
        if (answer == null || !(answer.get("code") instanceof Long code)) {
            throw new UploadException(UploadError.PROTOCOL, action + " answered without a numeric code");
        }
        if (code != 0) {
            String message = action + " refused: " + String.valueOf(answer.get("message"));
            int c = code.intValue();
            UploadError error = switch (c) {
                case 10002, 10003, SIGNATURE_REPLAYED, 10005, 10006, SIGNATURE_EXPIRED -> UploadError.SIGNATURE_REJECTED;
                case UNAVAILABLE -> UploadError.UNAVAILABLE;
                default -> UploadError.PLATFORM_REJECTED;
            };
            if (c != SIGNATURE_EXPIRED && c != SIGNATURE_REPLAYED) {
                signatures.used();
            }
            throw UploadException.platform(error, c, message);
        }
        signatures.used();
        Map<String, Object> data = Json.object(answer, "data");
        if (data == null) {
            throw new UploadException(UploadError.PROTOCOL, action + " answered without data");
        }
        return data;
    }
}
