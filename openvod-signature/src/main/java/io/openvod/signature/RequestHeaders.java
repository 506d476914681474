package io.openvod.signature;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Read access to the headers of an incoming HTTP request, by name in any letter case, as the
 * request verifiers need it. Adapt the server's own request type with a lambda, or copy the
 * headers with {@link #of(Map)} / {@link #ofLists(Map)}.
 *
 * <p>An implementation may return {@code null} instead of an empty optional; verifiers treat
 * both as "absent".
 */
@FunctionalInterface
public interface RequestHeaders {

    /** The first value of header {@code name}, matched ignoring letter case, or empty. */
    Optional<String> first(String name);

    /** Headers from a single-valued map; names that differ only in case keep the first entry. */
    static RequestHeaders of(Map<String, String> headers) {
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, value) -> {
            if (name != null && value != null) {
                copy.putIfAbsent(name, value);
            }
        });
        return name -> Optional.ofNullable(copy.get(name));
    }

    /** Headers from a multi-valued map (as most servers expose them); the first value wins. */
    static RequestHeaders ofLists(Map<String, ? extends List<String>> headers) {
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (name != null && values != null && !values.isEmpty() && values.getFirst() != null) {
                copy.putIfAbsent(name, values.getFirst());
            }
        });
        return name -> Optional.ofNullable(copy.get(name));
    }
}
