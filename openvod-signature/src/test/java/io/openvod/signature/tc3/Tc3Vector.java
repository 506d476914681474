package io.openvod.signature.tc3;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvod.signature.Credential;
import io.openvod.signature.VectorFiles;
import io.openvod.signature.RequestHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One entry of {@code vectors/tc3.json}, with helpers to feed it to the signer and the verifier. */
record Tc3Vector(String name, String source, JsonNode json) {

    static List<Tc3Vector> all() {
        return VectorFiles.vectors("/vectors/tc3.json").stream()
                .map(v -> new Tc3Vector(v.get("name").asText(), v.get("source").asText(), v))
                .toList();
    }

    Credential credential() {
        return VectorFiles.credential(json);
    }

    String service() {
        return json.get("service").asText();
    }

    long timestamp() {
        return json.get("timestamp").asLong();
    }

    String method() {
        return json.get("method").asText();
    }

    String query() {
        return json.get("query").asText();
    }

    boolean verifyOnly() {
        return json.path("verifyOnly").asBoolean(false);
    }

    Map<String, String> headers() {
        return VectorFiles.strings(json.get("headers"));
    }

    Map<String, String> unsignedHeaders() {
        return VectorFiles.strings(json.path("unsignedHeaders"));
    }

    byte[] body() {
        return json.has("bodyBase64")
                ? Base64.getDecoder().decode(json.get("bodyBase64").asText())
                : json.get("body").asText().getBytes(StandardCharsets.UTF_8);
    }

    Optional<String> expected(String field) {
        return Optional.ofNullable(json.get("expected").get(field)).map(JsonNode::asText);
    }

    /** The published Authorization, or one assembled from the published signature. */
    String authorization() {
        return expected("authorization").orElseGet(() -> {
            String names = String.join(";", headers().keySet().stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).sorted().toList());
            return "TC3-HMAC-SHA256 Credential=" + credential().secretId() + "/" + Tc3Canonical.date(timestamp()) + "/" + service()
                    + "/tc3_request, SignedHeaders=" + names + ", Signature=" + expected("signature").orElseThrow();
        });
    }

    /** The request as it arrives: signed and unsigned headers, the timestamp and the Authorization. */
    Tc3Request request() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers().forEach((k, v) -> headers.put(k.strip(), v));
        headers.putAll(unsignedHeaders());
        headers.put("X-TC-Timestamp", Long.toString(timestamp()));
        headers.put("Authorization", authorization());
        return new Tc3Request(method(), query(), RequestHeaders.of(headers), body());
    }

    @Override
    public String toString() {
        return name + " (" + source + ")";
    }

}
