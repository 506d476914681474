package io.openvod.app.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.openvod.app.AppError;
import io.openvod.app.AppException;
import io.javalin.http.Context;
import io.openvod.signature.QueryString;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a request's fields as flat strings: the query string for GET, and for POST a JSON object
 * or a form body. The body is read up to a limit; a larger one is refused, never buffered whole.
 */
final class RequestFields {
    private RequestFields() {
    }

    static Map<String, String> read(Context ctx, int maxBodyBytes) {
        Map<String, String> fields = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((k, v) -> fields.put(k, v.isEmpty() ? "" : v.getFirst()));
        if (!"POST".equals(ctx.method().name())) {
            return fields;
        }
        String body = body(ctx, maxBodyBytes);
        if (body.isBlank()) {
            return fields;
        }
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            try {
                fields.putAll(QueryString.parse(body));
            } catch (IllegalArgumentException e) {
                throw new AppException(AppError.BAD_REQUEST, "form body: " + e.getMessage());
            }
            return fields;
        }
        JsonNode json;
        try {
            json = Envelope.JSON.readTree(body);
        } catch (JacksonException e) {
            throw new AppException(AppError.BAD_REQUEST, "body is not JSON: " + e.getOriginalMessage());
        }
        if (json == null || !json.isObject()) {
            throw new AppException(AppError.BAD_REQUEST, "body must be a JSON object");
        }
        json.properties().forEach(e -> {
            JsonNode v = e.getValue();
            if (v.isContainerNode()) {
                throw new AppException(AppError.BAD_REQUEST, "field " + e.getKey() + " must be a string or a number");
            }
            if (!v.isNull()) {
                fields.put(e.getKey(), v.asText());
            }
        });
        return fields;
    }

    private static String body(Context ctx, int maxBodyBytes) {
        long declared = ctx.contentLength();
        try (InputStream in = ctx.req().getInputStream()) {
            if (declared > maxBodyBytes) {
                RefusedBody.drop(ctx, in);
                throw new AppException(AppError.BAD_REQUEST, "body of " + declared + " bytes exceeds the limit of " + maxBodyBytes);
            }
            byte[] bytes = in.readNBytes(maxBodyBytes + 1);
            if (bytes.length > maxBodyBytes) {
                RefusedBody.drop(ctx, in);
                throw new AppException(AppError.BAD_REQUEST, "body exceeds the limit of " + maxBodyBytes + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AppException(AppError.BAD_REQUEST, "cannot read the body: " + e.getMessage());
        }
    }
}
