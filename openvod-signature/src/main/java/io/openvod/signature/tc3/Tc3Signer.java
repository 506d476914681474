package io.openvod.signature.tc3;

import io.openvod.signature.Credential;
import io.openvod.signature.internal.Crypto;
import io.openvod.signature.internal.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Signs TencentCloud API 3.0 requests with {@code TC3-HMAC-SHA256}, as Tencent's documentation
 * ("Signature v3") and SDKs define it.
 *
 * <p>Signed headers are canonicalised as the documentation says: names and values are trimmed
 * and lower-cased, sorted by name, and written as {@code name:value\n}. {@code content-type} and
 * {@code host} must be among them. The canonical URI is always {@code /}. The date of the
 * credential scope is the UTC date of the timestamp.
 *
 * <p>Arguments are the caller's own values, so unlike the verifier the signer throws
 * {@link IllegalArgumentException} when they cannot produce a valid signature.
 */
public final class Tc3Signer {
    /** The content type the Tencent SDKs send with a JSON body. */
    public static final String JSON_CONTENT_TYPE = "application/json; charset=utf-8";

    private final Credential credential;
    private final String service;

    /**
     * @param credential the API key to sign with
     * @param service the service of the credential scope, the first DNS label of the endpoint
     *     (for example {@code vod} for {@code vod.tencentcloudapi.com})
     */
    public Tc3Signer(Credential credential, String service) {
        this.credential = Objects.requireNonNull(credential, "credential == null");
        if (!Tc3Canonical.isServiceName(service)) {
            throw new IllegalArgumentException("service '" + Text.shown(service) + "' is not a service name ([a-z0-9-])");
        }
        this.service = service;
    }

    /**
     * Signs one request.
     *
     * @param timestamp Unix seconds, sent as {@code X-TC-Timestamp}
     * @param method the HTTP method, usually {@code POST} or {@code GET}, used as given
     * @param canonicalQuery for GET the query string exactly as sent after {@code ?}; for POST {@code ""}
     * @param signedHeaders the headers to sign by name (any case); must include content-type and host
     * @param payload the exact body bytes ({@code new byte[0]} for GET)
     */
    public Tc3Signature sign(long timestamp, String method, String canonicalQuery,
            Map<String, String> signedHeaders, byte[] payload) {
        if (timestamp < 0 || timestamp > Tc3Canonical.MAX_TIMESTAMP) {
            throw new IllegalArgumentException("timestamp " + timestamp + " is outside 0.." + Tc3Canonical.MAX_TIMESTAMP);
        }
        if (!Text.isToken(method)) {
            throw new IllegalArgumentException("method '" + Text.shown(method) + "' is not an HTTP method");
        }
        Objects.requireNonNull(canonicalQuery, "canonicalQuery == null");
        Objects.requireNonNull(payload, "payload == null");
        if (canonicalQuery.chars().anyMatch(c -> c == '\n' || c == '\r' || c == ' ')) {
            throw new IllegalArgumentException("canonicalQuery contains a space or a line break");
        }
        TreeMap<String, String> headers = canonicalHeaderMap(signedHeaders);
        List<String> names = new ArrayList<>(headers.keySet());
        String signedHeaderList = String.join(";", names);
        String canonicalHeaders = Tc3Canonical.canonicalHeaders(names, new ArrayList<>(headers.values()));
        String hashedPayload = Tc3Canonical.hashHex(payload);
        String canonicalRequest = Tc3Canonical.canonicalRequest(method, canonicalQuery, canonicalHeaders,
                signedHeaderList, hashedPayload);
        String hashedCanonicalRequest = Tc3Canonical.hashHex(Crypto.utf8(canonicalRequest));
        String date = Tc3Canonical.date(timestamp);
        String scope = Tc3Canonical.credentialScope(date, service);
        String stringToSign = Tc3Canonical.stringToSign(Long.toString(timestamp), scope, hashedCanonicalRequest);
        String signature = Tc3Canonical.signature(Tc3Canonical.signingKey(credential.secretKey(), date, service), stringToSign);
        String authorization = Tc3Canonical.authorization(credential.secretId(), scope, signedHeaderList, signature);
        return new Tc3Signature(authorization, signature, signedHeaderList, canonicalRequest, hashedCanonicalRequest,
                stringToSign, scope, hashedPayload, timestamp);
    }

    /** Signs a JSON {@code POST} to {@code host}, signing only content-type and host, as the SDKs do. */
    public Tc3Signature signJsonPost(long timestamp, String host, byte[] jsonBody) {
        return sign(timestamp, "POST", "", Map.of("Content-Type", JSON_CONTENT_TYPE, "Host", host), jsonBody);
    }

    /** The signing key {@code kSigning} of the scope ({@code date} as {@code yyyy-MM-dd}). */
    public static byte[] signingKey(String secretKey, String date, String service) {
        return Tc3Canonical.signingKey(secretKey, date, service);
    }

    private static TreeMap<String, String> canonicalHeaderMap(Map<String, String> signedHeaders) {
        Objects.requireNonNull(signedHeaders, "signedHeaders == null");
        TreeMap<String, String> headers = new TreeMap<>();
        signedHeaders.forEach((name, value) -> {
            String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
            if (!Text.isToken(key)) {
                throw new IllegalArgumentException("header name '" + Text.shown(name) + "' is not an HTTP token");
            }
            Objects.requireNonNull(value, () -> "value of header " + key + " is null");
            if (value.chars().anyMatch(c -> c == '\n' || c == '\r')) {
                throw new IllegalArgumentException("value of header " + key + " contains a line break");
            }
            if (headers.put(key, Tc3Canonical.headerValue(value, true)) != null) {
                throw new IllegalArgumentException("header " + key + " is given more than once");
            }
        });
        for (String required : new String[] {"content-type", "host"}) {
            if (!headers.containsKey(required)) {
                throw new IllegalArgumentException("signed headers must include " + required);
            }
        }
        return headers;
    }
}
