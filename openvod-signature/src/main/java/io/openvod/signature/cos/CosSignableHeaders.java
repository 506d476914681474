package io.openvod.signature.cos;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SequencedMap;
import java.util.TreeMap;

/**
 * Chooses the request headers that a browser COS client (cos-js, as used by the VOD web upload
 * SDK) puts into the signature, so that a client built on this library signs exactly what the
 * official one does.
 *
 * <p>The rule: drop headers with an empty value; drop {@code content-type}, {@code cache-control}
 * and {@code expires}; drop {@code host} (the browser SDK never signs it; a client that wants the
 * bucket host bound to the signature, as Tencent's Java SDK does, adds it explicitly); drop
 * {@code x-cos-security-token} (the SDK adds it after signing). Of the rest keep only the
 * signable ones: every name containing {@code x-cos-}, every {@code if-*} name, and
 * {@code content-disposition}, {@code content-encoding}, {@code content-length},
 * {@code content-md5}, {@code expect}, {@code origin}, {@code range}, {@code transfer-encoding},
 * {@code pic-operations}.
 */
public final class CosSignableHeaders {
    private static final Set<String> NEVER = Set.of("content-type", "cache-control", "expires", "host", "x-cos-security-token");
    private static final Set<String> SIGNABLE = Set.of("content-disposition", "content-encoding", "content-length",
            "content-md5", "expect", "origin", "range", "transfer-encoding", "pic-operations");

    private CosSignableHeaders() {
    }

    /**
     * The headers of {@code headers} that the browser SDK signs, with lower-case names, sorted by
     * name. Of names that differ only in case the first one wins.
     */
    public static SequencedMap<String, String> select(Map<String, String> headers) {
        TreeMap<String, String> out = new TreeMap<>();
        headers.forEach((name, value) -> {
            if (name != null && value != null && !value.isEmpty()) {
                String key = name.strip().toLowerCase(Locale.ROOT);
                if (isSignable(key)) {
                    out.putIfAbsent(key, value);
                }
            }
        });
        return out;
    }

    /** True when a header of this (lower-case) name with a non-empty value is signed by the browser SDK. */
    public static boolean isSignable(String lowerCaseName) {
        if (NEVER.contains(lowerCaseName)) {
            return false;
        }
        return lowerCaseName.contains("x-cos-") || lowerCaseName.startsWith("if-") || SIGNABLE.contains(lowerCaseName);
    }
}
