package io.openvod.platform.cloudapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typed access to the fields of an API 3.0 request body. Absent and {@code null} fields are
 * absent; a field of the wrong JSON type is {@code InvalidParameter}; unknown fields are ignored.
 */
final class RequestFields {
    private final ObjectNode body;

    RequestFields(ObjectNode body) {
        this.body = body == null ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode() : body;
    }

    Optional<String> text(String field) {
        JsonNode node = node(field);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw invalid(field + " must be a string.");
        }
        return Optional.of(node.textValue());
    }

    /** A required string: {@code MissingParameter} when absent or empty. */
    String requiredText(String field) {
        return text(field).filter(t -> !t.isEmpty())
                .orElseThrow(() -> new CloudApiException("MissingParameter", "The request is missing the required parameter " + field + "."));
    }

    /** An integer (the SDKs send {@code Long} fields as JSON numbers). */
    Optional<Long> integer(String field) {
        JsonNode node = node(field);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw invalid(field + " must be an integer.");
        }
        return Optional.of(node.longValue());
    }

    /** An array of strings. */
    Optional<List<String>> texts(String field) {
        return array(field).map(items -> {
            List<String> texts = new ArrayList<>();
            for (JsonNode item : items) {
                if (!item.isTextual()) {
                    throw invalid(field + " must be an array of strings.");
                }
                texts.add(item.textValue());
            }
            return texts;
        });
    }

    /** An array of objects. */
    Optional<List<ObjectNode>> objects(String field) {
        return array(field).map(items -> {
            List<ObjectNode> objects = new ArrayList<>();
            for (JsonNode item : items) {
                if (!item.isObject()) {
                    throw invalid(field + " must be an array of objects.");
                }
                objects.add((ObjectNode) item);
            }
            return objects;
        });
    }

    /** An ISO 8601 time with an offset, e.g. {@code 2030-01-01T00:00:00Z}; otherwise {@code code}. */
    Optional<Instant> time(String field, String code) {
        return text(field).filter(t -> !t.isEmpty()).map(t -> {
            try {
                return OffsetDateTime.parse(t).toInstant();
            } catch (DateTimeParseException e) {
                throw new CloudApiException(code, field + " must be an ISO 8601 time such as 2030-01-01T00:00:00Z.");
            }
        });
    }

    /** {@code SubAppId}, as {@link CloudCall#subAppId(Long)} takes it. */
    Long subAppId() {
        return integer("SubAppId").orElse(null);
    }

    private Optional<JsonNode> array(String field) {
        JsonNode node = node(field);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isArray()) {
            throw invalid(field + " must be an array.");
        }
        return Optional.of(node);
    }

    private JsonNode node(String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node;
    }

    static CloudApiException invalid(String message) {
        return new CloudApiException("InvalidParameter", message);
    }
}
