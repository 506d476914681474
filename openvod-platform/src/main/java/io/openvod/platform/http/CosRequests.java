package io.openvod.platform.http;

import io.javalin.http.Context;
import io.openvod.platform.cos.protocol.CosAddress;
import io.openvod.platform.cos.protocol.PercentEncoding;
import io.openvod.signature.RequestHeaders;
import io.openvod.signature.cos.CosRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads what the COS verifier and operations need from a request: raw query parameters and headers. */
final class CosRequests {
    private CosRequests() {
    }

    /** The query parameters, percent-decoded ({@code +} stays {@code +}), in URL order. */
    static Map<String, List<String>> query(Context ctx) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        String raw = ctx.queryString();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = PercentEncoding.decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : PercentEncoding.decode(pair.substring(eq + 1));
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return params;
    }

    static Optional<String> param(Map<String, List<String>> query, String name) {
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return Optional.of(e.getValue().getFirst());
            }
        }
        return Optional.empty();
    }

    static boolean has(Map<String, List<String>> query, String name) {
        return param(query, name).isPresent();
    }

    /** The request as the COS signature covers it: method, the key path, query and headers. */
    static CosRequest signed(Context ctx, CosAddress address, Map<String, List<String>> query) {
        RequestHeaders headers = name -> Optional.ofNullable(ctx.header(name));
        return new CosRequest(ctx.method().name(), address.signedPath(), query, headers);
    }

    static Optional<String> header(Context ctx, String name) {
        return Optional.ofNullable(ctx.header(name)).filter(v -> !v.isBlank());
    }
}
