package io.openvod.signature.cos;

import io.openvod.signature.Verdict;
import io.openvod.signature.internal.Text;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed {@code q-sign-algorithm=sha1&q-ak=...&q-sign-time=...&q-key-time=...&q-header-list=...
 * &q-url-param-list=...&q-signature=...} header. The time texts are kept as received because
 * they are signed byte for byte; list entries are percent-decoded names. Fields not named here
 * are ignored.
 */
record CosAuthorization(
        String accessKeyId,
        String signTimeText,
        CosKeyTime signTime,
        String keyTimeText,
        CosKeyTime keyTime,
        List<String> headerNames,
        List<String> parameterNames,
        String signature) {
    private static final List<String> REQUIRED = List.of("q-sign-algorithm", "q-ak", "q-sign-time", "q-key-time",
            "q-header-list", "q-url-param-list", "q-signature");
    private static final int MAX_ACCESS_KEY_ID = 256;

    static Verdict<CosAuthorization> parse(String header) {
        Map<String, String> fields = new HashMap<>();
        for (String item : header.strip().split("&", -1)) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                return malformed("item '" + Text.shown(item) + "' is not name=value");
            }
            if (fields.putIfAbsent(item.substring(0, eq), item.substring(eq + 1)) != null) {
                return malformed(item.substring(0, eq) + " appears more than once");
            }
        }
        for (String name : REQUIRED) {
            if (!fields.containsKey(name)) {
                return malformed(name + " is missing");
            }
        }
        if (!fields.get("q-sign-algorithm").equals("sha1")) {
            return Verdict.reject(CosRejection.UNSUPPORTED_ALGORITHM,
                    "q-sign-algorithm '" + Text.shown(fields.get("q-sign-algorithm")) + "' is not sha1");
        }
        String accessKeyId = fields.get("q-ak");
        if (accessKeyId.isEmpty() || accessKeyId.length() > MAX_ACCESS_KEY_ID || !Text.isToken(accessKeyId)) {
            return malformed("q-ak '" + Text.shown(accessKeyId) + "' is empty or malformed");
        }
        String signature = fields.get("q-signature");
        if (!Text.isLowerHex(signature, 40)) {
            return malformed("q-signature '" + Text.shown(signature) + "' is not 40 lower-case hex digits");
        }
        Optional<CosKeyTime> signTime = CosKeyTime.parse(fields.get("q-sign-time"));
        Optional<CosKeyTime> keyTime = CosKeyTime.parse(fields.get("q-key-time"));
        if (signTime.isEmpty() || keyTime.isEmpty()) {
            String bad = signTime.isEmpty() ? "q-sign-time" : "q-key-time";
            return Verdict.reject(CosRejection.MALFORMED_TIME, bad + " '" + Text.shown(fields.get(bad)) + "' is not <start>;<end>");
        }
        Optional<List<String>> headers = names(fields.get("q-header-list"), true);
        Optional<List<String>> params = names(fields.get("q-url-param-list"), false);
        if (headers.isEmpty() || params.isEmpty()) {
            String bad = headers.isEmpty() ? "q-header-list" : "q-url-param-list";
            return malformed(bad + " '" + Text.shown(fields.get(bad)) + "' has an empty, repeated or badly encoded name");
        }
        return Verdict.accept(new CosAuthorization(accessKeyId, fields.get("q-sign-time"), signTime.get(),
                fields.get("q-key-time"), keyTime.get(), headers.get(), params.get(), signature));
    }

    /** Decodes {@code a;b;c}; empty when an entry is empty, repeated (ignoring case) or not decodable. */
    private static Optional<List<String>> names(String list, boolean headerNames) {
        if (list.isEmpty()) {
            return Optional.of(List.of());
        }
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String entry : list.split(";", -1)) {
            Optional<String> name = CosCanonical.decode(entry);
            if (name.isEmpty() || name.get().isEmpty() || (headerNames && !Text.isToken(name.get()))
                    || !seen.add(name.get().toLowerCase(Locale.ROOT))) {
                return Optional.empty();
            }
            out.add(name.get());
        }
        return Optional.of(List.copyOf(out));
    }

    private static Verdict<CosAuthorization> malformed(String detail) {
        return Verdict.reject(CosRejection.MALFORMED_AUTHORIZATION, detail);
    }
}
