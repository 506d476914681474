package io.openvod.signature.cos;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvod.signature.Credential;
import io.openvod.signature.VectorFiles;
import io.openvod.signature.RequestHeaders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One entry of {@code vectors/cos.json}, with helpers to feed it to the signer and the verifier. */
record CosVector(String name, String source, JsonNode json) {

    static List<CosVector> all() {
        return VectorFiles.vectors("/vectors/cos.json").stream()
                .map(v -> new CosVector(v.get("name").asText(), v.get("source").asText(), v))
                .toList();
    }

    Credential credential() {
        return VectorFiles.credential(json);
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
        return VectorFiles.strings(json.get("params"));
    }

    Map<String, String> headers() {
        return VectorFiles.strings(json.get("headers"));
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
        VectorFiles.strings(json.path("unsignedParams")).forEach((k, v) -> query.put(k, List.of(v)));
        Map<String, String> headers = new LinkedHashMap<>(headers());
        headers.putAll(VectorFiles.strings(json.path("unsignedHeaders")));
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

}
