package io.openvod.signature;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

/**
 * The golden client-upload vectors in {@code src/test/resources/vectors}: the ones published in
 * the specs ({@code upload-signature.json}) and the ones computed with Node's own querystring and
 * crypto ({@code upload-signature-node.json}).
 */
final class UploadSignatureVectors {
    static final String SPEC_FILE = "/vectors/upload-signature.json";
    static final String NODE_FILE = "/vectors/upload-signature-node.json";

    /** One vector; {@code parameters} and {@code parsed} keep the JSON order. */
    record Vector(String name, String source, String secretId, String secretKey,
            SequencedMap<String, JsonNode> parameters, String original, String hmacHex, String signature,
            SequencedMap<String, String> parsed) {
        @Override
        public String toString() {
            return name + " (" + source + ")";
        }
    }

    private UploadSignatureVectors() {
    }

    static List<Vector> all() {
        List<Vector> all = new ArrayList<>(load(SPEC_FILE));
        all.addAll(load(NODE_FILE));
        return all;
    }

    static JsonNode read(String resource) {
        return VectorFiles.read(resource);
    }

    static List<Vector> load(String resource) {
        List<Vector> vectors = new ArrayList<>();
        for (JsonNode v : read(resource).required("vectors")) {
            SequencedMap<String, JsonNode> parameters = new LinkedHashMap<>();
            v.required("parameters").properties().forEach(e -> parameters.put(e.getKey(), e.getValue()));
            SequencedMap<String, String> parsed = new LinkedHashMap<>();
            v.required("parsed").properties().forEach(e -> parsed.put(e.getKey(), e.getValue().asText()));
            vectors.add(new Vector(v.required("name").asText(), v.required("source").asText(),
                    v.required("secretId").asText(), v.required("secretKey").asText(), parameters,
                    v.required("original").asText(), v.required("hmacHex").asText(),
                    v.required("signature").asText(), parsed));
        }
        return vectors;
    }

    /** Builds the parameters one JSON key at a time, in the vector's order. */
    static SignatureParameters toParameters(Map<String, JsonNode> parameters) {
        SignatureParameters.Builder b = SignatureParameters.builder();
        parameters.forEach((key, value) -> {
            switch (key) {
                case "secretId" -> b.secretId(value.asText());
                case "currentTimeStamp" -> b.currentTimeStamp(exactLong(key, value));
                case "expireTime" -> b.expireTime(exactLong(key, value));
                case "random" -> b.random(exactLong(key, value));
                case "procedure" -> b.procedure(value.asText());
                case "classId" -> b.classId(exactLong(key, value));
                case "taskPriority" -> b.taskPriority(Math.toIntExact(exactLong(key, value)));
                case "taskNotifyMode" -> b.taskNotifyMode(TaskNotifyMode.parse(value.asText()).orElseThrow());
                case "oneTimeValid" -> b.oneTimeValid(zeroOrOne(key, value));
                case "sourceContext" -> b.sourceContext(value.asText());
                case "sessionContext" -> b.sessionContext(value.asText());
                case "vodSubAppId" -> b.vodSubAppId(exactLong(key, value));
                case "storageRegion" -> b.storageRegion(value.asText());
                default -> throw new IllegalArgumentException("vector has an unknown parameter " + key);
            }
        });
        return b.build();
    }

    private static boolean zeroOrOne(String key, JsonNode value) {
        long v = exactLong(key, value);
        if (v != 0 && v != 1) {
            throw new IllegalArgumentException(key + " is neither 0 nor 1 in the vector: " + value);
        }
        return v == 1;
    }

    private static long exactLong(String key, JsonNode value) {
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException(key + " is not an integer in the vector: " + value);
        }
        return value.longValue();
    }
}
