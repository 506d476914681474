package io.openvod.platform.ugc;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Reads the body of a UGC call (PrepareUploadUGC, ApplyUploadUGC, CommitUploadUGC): a JSON
 * object, or a {@link UgcException} with {@link UgcError#INVALID_REQUEST}. The caller bounds the
 * body's size.
 */
public final class UgcBody {
    private static final ObjectMapper JSON = new ObjectMapper();

    private UgcBody() {
    }

    /** @throws UgcException {@link UgcError#INVALID_REQUEST} when the bytes are not one JSON object */
    public static ObjectNode parse(byte[] bytes) {
        JsonNode node;
        try {
            node = bytes.length == 0 ? null : JSON.readTree(bytes);
        } catch (JacksonException e) {
            throw new UgcException(UgcError.INVALID_REQUEST, "invalid request: the body is not JSON");
        } catch (IOException e) {
            throw new UgcException(UgcError.INVALID_REQUEST, "invalid request: the body could not be read");
        }
        if (!(node instanceof ObjectNode object)) {
            throw new UgcException(UgcError.INVALID_REQUEST, "invalid request: the body must be a JSON object");
        }
        return object;
    }
}
