package io.openvod.app.signing;

import io.openvod.signature.QueryString;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.SequencedMap;

/**
 * How a signature binds its user: {@code sourceContext} (and {@code sessionContext} when a task
 * flow runs) is the query string {@code uid=<userId>&req=<requestId>}, which VOD echoes back in
 * its events so that the receipt service can attribute them.
 *
 * @param userId the app's user id
 * @param requestId the signature request's id
 */
public record SourceContext(String userId, String requestId) {

    public String encode() {
        SequencedMap<String, String> m = new LinkedHashMap<>();
        m.put("uid", userId);
        m.put("req", requestId);
        return QueryString.stringify(m);
    }

    /** Reads a context made by {@link #encode()}; empty for anything else. */
    public static Optional<SourceContext> parse(String context) {
        try {
            var fields = QueryString.parse(context);
            String uid = fields.get("uid");
            String req = fields.get("req");
            return uid == null || req == null ? Optional.empty() : Optional.of(new SourceContext(uid, req));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
