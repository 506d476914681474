package io.openvod.platform.cloudapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
        return new RequestFields(request).integer(name);
    }

    /** A String parameter. */
    public static Optional<String> optionalString(ObjectNode request, String name) {
        return new RequestFields(request).text(name);
    }

    /** A required Array of String parameter. */
    public static List<String> requiredStrings(ObjectNode request, String name) {
        return new RequestFields(request).texts(name)
                .orElseThrow(() -> new CloudApiException("MissingParameter", "The request is missing " + name + "."));
    }

    /** The application of the request's {@code SubAppId}, resolved for the caller's account. */
    public static long subAppId(CloudCall call, ObjectNode request) {
        return call.subAppId(new RequestFields(request).subAppId());
    }
}
