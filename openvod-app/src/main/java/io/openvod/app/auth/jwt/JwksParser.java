package io.openvod.app.auth.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Reads a JSON Web Key Set (RFC 7517) into the keys this package can use: RSA keys for RS256 and
 * EC P-256 keys for ES256. Every other entry (symmetric {@code oct} keys, other curves, other
 * algorithms, encryption keys, malformed keys) is skipped with a description, never fatal.
 */
final class JwksParser {

    /**
     * The outcome of parsing a set.
     *
     * @param set the usable keys
     * @param skipped one description per skipped entry
     */
    record Parsed(JwkSet set, List<Skipped> skipped) {
    }

    /**
     * An entry that was left out.
     *
     * @param description which entry and why
     * @param suspicious whether the entry claims to be a supported signing key but is unusable
     *     (a weak RSA key, a point off the curve); merely unsupported entries are not suspicious
     */
    record Skipped(String description, boolean suspicious) {
    }

    private JwksParser() {
    }

    /** Parses a key set; throws {@link IOException} only when the document is not a key set at all. */
    static Parsed parse(byte[] json) throws IOException {
        JsonNode root = Json.readObject(json);
        JsonNode keys = root.get("keys");
        if (keys == null || !keys.isArray()) {
            throw new IOException("not a JWK set: no \"keys\" array");
        }
        List<Jwk> usable = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        int index = 0;
        for (JsonNode entry : keys) {
            String name = "key #" + index++;
            try {
                if (!entry.isObject()) {
                    throw new Unusable("not a JSON object", false);
                }
                name = name + describeKid(entry);
                usable.add(toJwk(entry));
            } catch (Unusable e) {
                skipped.add(new Skipped(name + ": " + e.getMessage(), e.suspicious));
            } catch (IOException e) {
                skipped.add(new Skipped(name + ": " + e.getMessage(), true));
            }
        }
        return new Parsed(new JwkSet(usable), List.copyOf(skipped));
    }

    private static String describeKid(JsonNode entry) {
        JsonNode kid = entry.get("kid");
        return kid != null && kid.isTextual() ? " (kid " + Texts.quote(kid.textValue()) + ")" : "";
    }

    private static Jwk toJwk(JsonNode entry) throws IOException, Unusable {
        String kty = Json.optionalText(entry, "kty");
        String use = Json.optionalText(entry, "use");
        String alg = Json.optionalText(entry, "alg");
        Optional<String> kid = Optional.ofNullable(Json.optionalText(entry, "kid"));
        if (kty == null) {
            throw new Unusable("no \"kty\"", true);
        }
        if (use != null && !use.equals("sig")) {
            throw new Unusable("\"use\" is " + Texts.quote(use) + ", not 'sig'", false);
        }
        checkKeyOps(entry.get("key_ops"));
        return switch (kty) {
            case "RSA" -> {
                requireAlg(alg, JwtAlgorithm.RS256);
                yield bind(kid, JwtAlgorithm.RS256, rsaKey(entry));
            }
            case "EC" -> {
                String crv = Json.optionalText(entry, "crv");
                if (!"P-256".equals(crv)) {
                    throw new Unusable("curve " + (crv == null ? "missing" : Texts.quote(crv)) + " is not supported", false);
                }
                requireAlg(alg, JwtAlgorithm.ES256);
                yield bind(kid, JwtAlgorithm.ES256, ecKey(entry));
            }
            default -> throw new Unusable("key type " + Texts.quote(kty) + " is not supported", false);
        };
    }

    private static void checkKeyOps(JsonNode ops) throws Unusable {
        if (ops == null || ops.isNull()) {
            return;
        }
        if (!ops.isArray()) {
            throw new Unusable("\"key_ops\" is not an array", true);
        }
        for (JsonNode op : ops) {
            if ("verify".equals(op.textValue())) {
                return;
            }
        }
        throw new Unusable("\"key_ops\" does not allow 'verify'", false);
    }

    private static void requireAlg(String alg, JwtAlgorithm expected) throws Unusable {
        if (alg != null && !alg.equals(expected.name())) {
            throw new Unusable("algorithm " + Texts.quote(alg) + " is not supported", false);
        }
    }

    private static Jwk bind(Optional<String> kid, JwtAlgorithm algorithm, PublicKey key) throws Unusable {
        try {
            return new Jwk(kid, algorithm, key);
        } catch (IllegalArgumentException e) {
            throw new Unusable(e.getMessage(), true);
        }
    }

    private static PublicKey rsaKey(JsonNode entry) throws IOException, Unusable {
        BigInteger n = new BigInteger(1, base64Member(entry, "n"));
        BigInteger e = new BigInteger(1, base64Member(entry, "e"));
        if (e.compareTo(BigInteger.valueOf(3)) < 0 || !e.testBit(0)) {
            throw new Unusable("the RSA exponent is not an odd number of at least 3", true);
        }
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
        } catch (GeneralSecurityException ex) {
            throw new Unusable("invalid RSA key: " + ex.getMessage(), true);
        }
    }

    private static PublicKey ecKey(JsonNode entry) throws IOException, Unusable {
        byte[] x = base64Member(entry, "x");
        byte[] y = base64Member(entry, "y");
        if (x.length != P256.FIELD_BYTES || y.length != P256.FIELD_BYTES) {
            throw new Unusable("P-256 coordinates must be " + P256.FIELD_BYTES + " bytes each", true);
        }
        ECPoint point = new ECPoint(new BigInteger(1, x), new BigInteger(1, y));
        if (!P256.isOnCurve(point)) {
            throw new Unusable("the point is not on P-256", true);
        }
        try {
            return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, P256.PARAMS));
        } catch (GeneralSecurityException ex) {
            throw new Unusable("invalid EC key: " + ex.getMessage(), true);
        }
    }

    private static byte[] base64Member(JsonNode entry, String name) throws IOException, Unusable {
        String text = Json.optionalText(entry, name);
        if (text == null || text.isEmpty()) {
            throw new Unusable("no \"" + name + "\"", true);
        }
        try {
            return Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new Unusable("\"" + name + "\" is not base64url", true);
        }
    }

    /** Why one entry cannot be used; control flow within this parser only. */
    private static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean suspicious;

        Unusable(String message, boolean suspicious) {
            super(message, null, false, false);
            this.suspicious = suspicious;
        }
    }
}
