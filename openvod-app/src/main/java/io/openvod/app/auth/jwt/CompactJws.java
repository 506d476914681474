package io.openvod.app.auth.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvod.app.auth.jwt.JwtResult.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A token split into its parts and its header checked: three base64url parts without padding,
 * a JSON-object header and payload, an acceptable {@code typ}, no {@code crit}, and an
 * {@code alg} this package implements. The signature is not checked here.
 *
 * @param signingInput the ASCII bytes of {@code header.payload}, which the signature covers
 * @param algorithm the header's {@code alg}
 * @param kid the header's {@code kid}, if any
 * @param payload the claims
 * @param signature the decoded signature
 */
record CompactJws(byte[] signingInput, JwtAlgorithm algorithm, Optional<String> kid, JsonNode payload, byte[] signature) {
    /** The {@code typ} values accepted (case-insensitively): JWT and the access-token type of RFC 9068. */
    static final Set<String> ACCEPTED_TYPES = Set.of("jwt", "application/jwt", "at+jwt", "application/at+jwt");

    static CompactJws parse(String token, int maxLength) throws Rejection {
        if (token == null || token.isEmpty()) {
            throw new Rejection(Reason.MALFORMED, "the token is empty");
        }
        if (token.length() > maxLength) {
            throw new Rejection(Reason.TOO_LARGE, "the token has " + token.length() + " characters, more than " + maxLength);
        }
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (first < 0 || second < 0 || token.indexOf('.', second + 1) >= 0) {
            throw new Rejection(Reason.MALFORMED, "a JWT has exactly three dot-separated parts");
        }
        JsonNode header = json("header", decode("header", token.substring(0, first)));
        JsonNode payload = json("payload", decode("payload", token.substring(first + 1, second)));
        byte[] signature = decode("signature", token.substring(second + 1));

        JwtAlgorithm algorithm = checkHeader(header);
        Optional<String> kid = Optional.ofNullable(text(header, "kid"));
        byte[] signingInput = token.substring(0, second).getBytes(StandardCharsets.US_ASCII);
        return new CompactJws(signingInput, algorithm, kid, payload, signature);
    }

    private static JwtAlgorithm checkHeader(JsonNode header) throws Rejection {
        String typ = text(header, "typ");
        if (typ != null && !ACCEPTED_TYPES.contains(typ.toLowerCase(Locale.ROOT))) {
            throw new Rejection(Reason.UNSUPPORTED_TYPE, "typ " + Texts.quote(typ) + " is not JWT");
        }
        if (header.has("crit")) {
            throw new Rejection(Reason.CRITICAL_HEADER, "the header has crit, and no extension is supported");
        }
        String alg = text(header, "alg");
        if (alg == null) {
            throw new Rejection(Reason.MALFORMED, "the header has no alg");
        }
        return JwtAlgorithm.fromJose(alg).orElseThrow(() -> new Rejection(Reason.ALGORITHM_NOT_ALLOWED,
                "alg " + Texts.quote(alg) + " is not accepted; only HS256, RS256 and ES256 are"));
    }

    private static String text(JsonNode header, String name) throws Rejection {
        try {
            return Json.optionalText(header, name);
        } catch (IOException e) {
            throw new Rejection(Reason.MALFORMED, "the header's " + e.getMessage());
        }
    }

    private static byte[] decode(String part, String text) throws Rejection {
        if (text.isEmpty()) {
            throw new Rejection(Reason.MALFORMED, "the " + part + " is empty");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!alphabet) {
                throw new Rejection(Reason.MALFORMED, "the " + part + " is not unpadded base64url");
            }
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new Rejection(Reason.MALFORMED, "the " + part + " is not valid base64url");
        }
        // One byte string has one encoding: unused trailing bits must be zero.
        if (!Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(text)) {
            throw new Rejection(Reason.MALFORMED, "the " + part + " is not canonical base64url");
        }
        return bytes;
    }

    private static JsonNode json(String part, byte[] bytes) throws Rejection {
        try {
            return Json.readObject(bytes);
        } catch (IOException e) {
            throw new Rejection(Reason.MALFORMED, "the " + part + " is not a JSON object");
        }
    }
}
