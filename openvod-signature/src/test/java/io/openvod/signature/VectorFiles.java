package io.openvod.signature;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the golden-vector files in {@code src/test/resources/vectors}: {@code {"vectors": [ … ]}}. */
public final class VectorFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private VectorFiles() {
    }

    /** The whole file as a tree. */
    public static JsonNode read(String resource) {
        try (InputStream in = VectorFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test class path");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entries of the file's {@code vectors} array. */
    public static List<JsonNode> vectors(String resource) {
        List<JsonNode> out = new ArrayList<>();
        read(resource).required("vectors").forEach(out::add);
        return out;
    }

    /** A JSON object of strings as an ordered map. */
    public static Map<String, String> strings(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    /** The vector's {@code secretId} and {@code secretKey}. */
    public static Credential credential(JsonNode vector) {
        return new Credential(vector.get("secretId").asText(), vector.get("secretKey").asText());
    }
}
