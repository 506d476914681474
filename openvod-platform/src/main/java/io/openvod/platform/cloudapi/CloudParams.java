package io.openvod.platform.cloudapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads typed parameters of an action's JSON request. A parameter of the wrong JSON type is
 * refused with {@code InvalidParameter}; a missing required one with {@code MissingParameter}.
 * {@code null} counts as absent.
 */
public final class CloudParams {
    private CloudParams() {
    }

    /** An Integer parameter (a JSON integer). */
    public static Optional<Long> optionalLong(ObjectNode request, String name) {
        JsonNode value = request.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new CloudApiException("InvalidParameter", name + " must be an Integer.");
        }
        return Optional.of(value.longValue());
    }

    /** A String parameter. */
    public static Optional<String> optionalString(ObjectNode request, String name) {
        JsonNode value = request.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new CloudApiException("InvalidParameter", name + " must be a String.");
        }
        return Optional.of(value.textValue());
    }

    /** A required Array of String parameter. */
    public static List<String> requiredStrings(ObjectNode request, String name) {
        JsonNode value = request.get(name);
        if (value == null || value.isNull()) {
            throw new CloudApiException("MissingParameter", "The request is missing " + name + ".");
        }
        if (!value.isArray()) {
            throw new CloudApiException("InvalidParameter", name + " must be an Array of String.");
        }
        List<String> strings = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw new CloudApiException("InvalidParameter", name + " must be an Array of String.");
            }
            strings.add(item.textValue());
        }
        return strings;
    }

    /** The application of the request's {@code SubAppId}, resolved for the caller's account. */
    public static long subAppId(CloudCall call, ObjectNode request) {
        return call.subAppId(optionalLong(request, "SubAppId").orElse(null));
    }
}
