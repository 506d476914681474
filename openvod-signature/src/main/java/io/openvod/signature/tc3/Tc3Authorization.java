package io.openvod.signature.tc3;

import io.openvod.signature.Verdict;
import io.openvod.signature.internal.Text;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A parsed {@code Authorization: TC3-HMAC-SHA256 Credential=<id>/<date>/<service>/tc3_request,
 * SignedHeaders=a;b, Signature=<hex>} header. Parsing checks syntax only; the verifier checks
 * the values against the request.
 */
record Tc3Authorization(String secretId, String date, String service, List<String> signedHeaders, String signature) {
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Set<String> FIELDS = Set.of("Credential", "SignedHeaders", "Signature");
    private static final int MAX_SECRET_ID = 128;

    String signedHeaderList() {
        return String.join(";", signedHeaders);
    }

    static Verdict<Tc3Authorization> parse(String header) {
        String value = header.strip();
        int space = value.indexOf(' ');
        String algorithm = space < 0 ? value : value.substring(0, space);
        if (!algorithm.equals(Tc3Canonical.ALGORITHM)) {
            return Verdict.reject(Tc3Rejection.UNSUPPORTED_ALGORITHM, "algorithm '" + Text.shown(algorithm) + "' is not TC3-HMAC-SHA256");
        }
        Map<String, String> fields = new HashMap<>();
        for (String part : value.substring(space + 1).split(",", -1)) {
            String item = part.strip();
            int eq = item.indexOf('=');
            String name = eq < 0 ? item : item.substring(0, eq);
            if (eq < 0 || !FIELDS.contains(name)) {
                return malformed("unexpected item '" + Text.shown(item) + "'");
            }
            if (fields.putIfAbsent(name, item.substring(eq + 1)) != null) {
                return malformed(name + " appears more than once");
            }
        }
        for (String name : FIELDS) {
            if (!fields.containsKey(name)) {
                return malformed(name + " is missing");
            }
        }
        String signature = fields.get("Signature");
        if (!Text.isLowerHex(signature, 64)) {
            return malformed("Signature '" + Text.shown(signature) + "' is not 64 lower-case hex digits");
        }
        List<String> signedHeaders = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : fields.get("SignedHeaders").split(";", -1)) {
            if (!Text.isToken(name) || !name.equals(name.toLowerCase(Locale.ROOT))) {
                return malformed("SignedHeaders entry '" + Text.shown(name) + "' is not a lower-case header name");
            }
            if (!seen.add(name)) {
                return malformed("SignedHeaders names " + name + " twice");
            }
            signedHeaders.add(name);
        }
        return parseCredential(fields.get("Credential"), signedHeaders, signature);
    }

    private static Verdict<Tc3Authorization> parseCredential(String credential, List<String> signedHeaders, String signature) {
        String[] parts = credential.split("/", -1);
        if (parts.length != 4) {
            return Verdict.reject(Tc3Rejection.MALFORMED_CREDENTIAL,
                    "Credential '" + Text.shown(credential) + "' has " + parts.length + " '/'-separated parts, not 4");
        }
        String secretId = parts[0];
        if (secretId.isBlank() || secretId.length() > MAX_SECRET_ID || !Text.isToken(secretId)) {
            return Verdict.reject(Tc3Rejection.INVALID_SECRET_ID, "SecretId '" + Text.shown(secretId) + "' is malformed");
        }
        if (!DATE.matcher(parts[1]).matches()) {
            return Verdict.reject(Tc3Rejection.MALFORMED_CREDENTIAL, "Credential date '" + Text.shown(parts[1]) + "' is not yyyy-MM-dd");
        }
        if (!Tc3Canonical.isServiceName(parts[2])) {
            return Verdict.reject(Tc3Rejection.MALFORMED_CREDENTIAL, "Credential service '" + Text.shown(parts[2]) + "' is not a service name");
        }
        if (!parts[3].equals(Tc3Canonical.TERMINATOR)) {
            return Verdict.reject(Tc3Rejection.MALFORMED_CREDENTIAL, "Credential ends with '" + Text.shown(parts[3]) + "', not tc3_request");
        }
        return Verdict.accept(new Tc3Authorization(secretId, parts[1], parts[2], List.copyOf(signedHeaders), signature));
    }

    private static Verdict<Tc3Authorization> malformed(String detail) {
        return Verdict.reject(Tc3Rejection.MALFORMED_AUTHORIZATION, detail);
    }
}
