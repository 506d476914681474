package io.openvod.platform.ugc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The JSON body of a UGC call with typed, checked access to its fields. Every field the UGC API
 * knows has one JSON type, checked for the whole body when it is read, whichever action or Apply
 * shape reads it: a number field must be a non-negative JSON integer (not a digit string, not
 * {@code null}), a text field a JSON string (not a number, not {@code null}); anything else is
 * {@link UgcError#INVALID_REQUEST}. Unknown fields are ignored, whatever their type (clients add
 * their own).
 */
final class UgcRequest {
    private static final int MAX_TEXT = 4096;
    private static final List<String> TEXTS = List.of("signature", "vodSessionKey", "videoName", "videoType", "coverName",
            "coverType", "fileId", "ExpireTime", "storageRegion", "clientReportId", "clientVersion");
    private static final List<String> NUMBERS = List.of("videoSize", "coverSize", "vodSubAppId");
    private final ObjectNode body;

    /** @throws UgcException {@link UgcError#INVALID_REQUEST} when a known field has another type */
    UgcRequest(ObjectNode body) {
        this.body = body;
        TEXTS.forEach(this::text);
        NUMBERS.forEach(this::size);
    }

    Optional<String> text(String field) {
        JsonNode node = body.get(field);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw invalid(field + " must be a string, not " + typeOf(node));
        }
        if (node.textValue().length() > MAX_TEXT) {
            throw invalid(field + " is longer than " + MAX_TEXT + " characters");
        }
        return Optional.of(node.textValue());
    }

    /** A non-negative JSON integer, as every client sends sizes. */
    Optional<Long> size(String field) {
        JsonNode node = body.get(field);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
            throw invalid(field + " must be a non-negative integer, not " + typeOf(node));
        }
        return Optional.of(node.longValue());
    }

    private static String typeOf(JsonNode node) {
        return switch (node.getNodeType()) {
            case NULL -> "null";
            case STRING -> "a string";
            case NUMBER -> node.isIntegralNumber() ? "a negative or too large number" : "a fraction";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            default -> "an object";
        };
    }

    /** {@code ExpireTime}: an ISO-8601 time with offset, e.g. {@code 2030-01-01T00:00:00Z}. */
    Optional<Instant> time(String field) {
        return text(field).filter(t -> !t.isEmpty()).map(t -> {
            try {
                return OffsetDateTime.parse(t).toInstant();
            } catch (DateTimeParseException e) {
                throw invalid(field + " must be an ISO-8601 time such as 2030-01-01T00:00:00Z");
            }
        });
    }

    static UgcException invalid(String message) {
        return new UgcException(UgcError.INVALID_REQUEST, "invalid request: " + message);
    }
}
