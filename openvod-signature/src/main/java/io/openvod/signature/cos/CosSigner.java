package io.openvod.signature.cos;

import io.openvod.signature.Credential;
import io.openvod.signature.internal.Text;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Signs COS requests ({@code q-sign-algorithm=sha1}) as COS documents it and cos-js computes it:
 * {@code q-sign-time} equals {@code q-key-time}, parameter and header keys are lower-cased and
 * RFC 3986 encoded with their values, sorted, and joined into the HttpString.
 *
 * <p>Which headers to sign is the caller's choice; {@link CosSignableHeaders#select} picks them
 * the way the browser SDK does. A security token is never signed: send it separately as
 * {@code x-cos-security-token}.
 *
 * <p>Arguments are the caller's own values, so unlike the verifier the signer throws
 * {@link IllegalArgumentException} when they cannot produce a valid signature.
 */
public final class CosSigner {
    private final Credential credential;

    /** @param credential the (temporary) key pair; its secret id is sent as {@code q-ak} */
    public CosSigner(Credential credential) {
        this.credential = Objects.requireNonNull(credential, "credential == null");
        if (credential.secretId().chars().anyMatch(c -> c == '&' || c == '=' || c <= ' ' || c >= 0x7F)) {
            throw new IllegalArgumentException("secretId cannot be sent as q-ak: it has '&', '=', a space or a non-ASCII character");
        }
    }

    /**
     * Signs one request.
     *
     * @param keyTime the validity of the signature
     * @param method the HTTP method, any case
     * @param pathname the decoded path, {@code "/" + key} or {@code /} for bucket operations
     * @param params the query parameters to sign by name; a parameter without value maps to {@code ""}
     * @param headers the headers to sign by name (see {@link CosSignableHeaders})
     */
    public CosSignature sign(CosKeyTime keyTime, String method, String pathname,
            Map<String, String> params, Map<String, String> headers) {
        Objects.requireNonNull(keyTime, "keyTime == null");
        if (!Text.isToken(method)) {
            throw new IllegalArgumentException("method '" + Text.shown(method) + "' is not an HTTP method");
        }
        if (pathname == null || !pathname.startsWith("/")) {
            throw new IllegalArgumentException("pathname '" + Text.shown(pathname) + "' does not start with /");
        }
        List<Map.Entry<String, String>> paramList = entries("parameter", params, false);
        List<Map.Entry<String, String>> headerList = entries("header", headers, true);
        CosCanonical.KeyStyle style = CosCanonical.KeyStyle.SPEC;
        String httpString = CosCanonical.httpString(method, pathname,
                CosCanonical.pairs(paramList, style), CosCanonical.pairs(headerList, style));
        String time = keyTime.value();
        String stringToSign = CosCanonical.stringToSign(time, httpString);
        String signKey = CosCanonical.signKey(credential.secretKey(), time);
        String signature = CosCanonical.signature(signKey, stringToSign);
        String qHeaderList = CosCanonical.keyList(headerList, style);
        String qUrlParamList = CosCanonical.keyList(paramList, style);
        String authorization = CosCanonical.authorization(credential.secretId(), time, time, qHeaderList, qUrlParamList, signature);
        return new CosSignature(authorization, signKey, httpString, stringToSign, signature, qHeaderList, qUrlParamList, keyTime);
    }

    /** The SignKey of a key time: hex HMAC-SHA1 of {@code start;end} under the secret key. */
    public static String signKey(String secretKey, CosKeyTime keyTime) {
        return CosCanonical.signKey(secretKey, keyTime.value());
    }

    private static List<Map.Entry<String, String>> entries(String what, Map<String, String> map, boolean headerNames) {
        Objects.requireNonNull(map, what + "s == null");
        List<Map.Entry<String, String>> out = new ArrayList<>(map.size());
        Set<String> seen = new HashSet<>();
        map.forEach((name, value) -> {
            if (name == null || name.isEmpty() || (headerNames && !Text.isToken(name))) {
                throw new IllegalArgumentException(what + " name '" + Text.shown(name) + "' is not valid");
            }
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(what + " " + Text.shown(name) + " is given more than once (ignoring case)");
            }
            out.add(Map.entry(name, value == null ? "" : value));
        });
        return out;
    }
}
