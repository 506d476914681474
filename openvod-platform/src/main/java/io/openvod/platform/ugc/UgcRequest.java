package io.openvod.platform.ugc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The JSON body of a UGC call with typed, checked access to its fields. Unknown fields are
 * ignored (clients add their own, e.g. {@code clientReportId}); a field of the wrong type is
 * {@link UgcError#INVALID_REQUEST}, and {@code null} counts as absent.
 */
final class UgcRequest {
    private static final int MAX_TEXT = 4096;
    private final ObjectNode body;

    UgcRequest(ObjectNode body) {
        this.body = body;
    }

    Optional<String> text(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw invalid(field + " must be a string");
        }
        if (node.textValue().length() > MAX_TEXT) {
            throw invalid(field + " is longer than " + MAX_TEXT + " characters");
        }
        return Optional.of(node.textValue());
    }

    /** A non-negative integer; clients send numbers, a digit string is accepted too. */
    Optional<Long> size(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        long value;
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            value = node.longValue();
        } else if (node.isTextual() && node.textValue().matches("[0-9]{1,18}")) {
            value = Long.parseLong(node.textValue());
        } else {
            throw invalid(field + " must be a non-negative integer");
        }
        if (value < 0) {
            throw invalid(field + " must be a non-negative integer");
        }
        return Optional.of(value);
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
