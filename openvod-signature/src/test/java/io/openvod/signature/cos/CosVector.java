package io.openvod.signature.cos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.signature.Credential;
import io.openvod.signature.RequestHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One entry of {@code vectors/cos.json}, with helpers to feed it to the signer and the verifier. */
record CosVector(String name, String source, JsonNode json) {

    static List<CosVector> all() {
        try (InputStream in = CosVector.class.getResourceAsStream("/vectors/cos.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<CosVector> out = new ArrayList<>();
            root.get("vectors").forEach(v -> out.add(new CosVector(v.get("name").asText(), v.get("source").asText(), v)));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Credential credential() {
        return new Credential(json.get("secretId").asText(), json.get("secretKey").asText());
    }

    CosCredential cosCredential() {
        return json.has("securityToken")
                ? CosCredential.temporary(credential(), json.get("securityToken").asText())
                : CosCredential.permanent(credential());
    }

    CosKeyTime keyTime() {
        return CosKeyTime.parse(json.get("keyTime").asText()).orElseThrow();
    }

    CosKeyTime signTime() {
        return CosKeyTime.parse(json.path("signTime").asText(json.get("keyTime").asText())).orElseThrow();
    }

    String method() {
        return json.get("method").asText();
    }

    String pathname() {
        return json.get("pathname").asText();
    }

    boolean verifyOnly() {
        return json.path("verifyOnly").asBoolean(false);
    }

    Map<String, String> params() {
        return map(json.get("params"));
    }

    Map<String, String> headers() {
        return map(json.get("headers"));
    }

    Optional<String> expected(String field) {
        return Optional.ofNullable(json.get("expected").get(field)).map(JsonNode::asText);
    }

    /** The published Authorization, or one assembled from the published list and signature values. */
    String authorization() {
        return expected("authorization").orElseGet(() -> "q-sign-algorithm=sha1&q-ak=" + credential().secretId()
                + "&q-sign-time=" + signTime().value() + "&q-key-time=" + keyTime().value()
                + "&q-header-list=" + expected("headerList").orElseThrow()
                + "&q-url-param-list=" + expected("urlParamList").orElseThrow()
                + "&q-signature=" + expected("signature").orElseThrow());
    }

    /** The request as it arrives: decoded query parameters, signed and unsigned headers, the Authorization. */
    CosRequest request() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        params().forEach((k, v) -> query.put(k, List.of(v)));
        map(json.path("unsignedParams")).forEach((k, v) -> query.put(k, List.of(v)));
        Map<String, String> headers = new LinkedHashMap<>(headers());
        headers.putAll(map(json.path("unsignedHeaders")));
        if (json.has("securityToken")) {
            headers.put("x-cos-security-token", json.get("securityToken").asText());
        }
        headers.put("Authorization", authorization());
        return new CosRequest(method(), pathname(), query, RequestHeaders.of(headers));
    }

    @Override
    public String toString() {
        return name + " (" + source + ")";
    }

    private static Map<String, String> map(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
