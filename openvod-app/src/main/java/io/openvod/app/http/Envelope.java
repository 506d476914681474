package io.openvod.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.app.AppError;

/**
 * The JSON envelope of every answer, the shape of Tencent's signature-service sample:
 * {@code {"code":0,"message":"ok","data":{…}}}. Failures carry a non-zero code, a human message,
 * and {@code data.error} (the stable name) and {@code data.requestId}.
 */
final class Envelope {
    static final ObjectMapper JSON = new ObjectMapper();

    private Envelope() {
    }

    /**
     * The answer to a signature request, written directly: a signature is Base64 and a
     * {@code traceparent} hex digits and dashes, so they need no JSON escaping (checked, to stay
     * correct whatever is passed).
     */
    static String signature(String signature, String traceparent) {
        if (!plain(signature) || !plain(traceparent)) {
            return ok(data().put("signature", signature).put("traceparent", traceparent));
        }
        return "{\"code\":0,\"message\":\"ok\",\"data\":{\"signature\":\"" + signature + "\",\"traceparent\":\""
                + traceparent + "\"}}";
    }

    private static boolean plain(String text) {
        return text.chars().allMatch(c -> c < 0x80 && c != '"' && c != '\\' && c >= 0x20);
    }

    static String ok(ObjectNode data) {
        ObjectNode root = JSON.createObjectNode();
        root.put("code", 0);
        root.put("message", "ok");
        root.set("data", data);
        return root.toString();
    }

    static String error(AppError error, String message, String requestId) {
        ObjectNode root = JSON.createObjectNode();
        root.put("code", error.wireCode());
        root.put("message", message);
        root.putObject("data").put("error", error.code()).put("requestId", requestId);
        return root.toString();
    }

    static ObjectNode data() {
        return JSON.createObjectNode();
    }
}
