package io.openvod.signature.cos;

/**
 * A COS request signature with every intermediate value, for sending and for debugging a
 * mismatch against another implementation.
 *
 * @param authorization the value of the {@code Authorization} header
 * @param signKey hex HMAC-SHA1 of the key time under the secret key
 * @param httpString {@code method\npathname\nparams\nheaders\n}
 * @param stringToSign {@code sha1\n<sign time>\n<hex SHA-1 of httpString>\n}
 * @param signature hex HMAC-SHA1 of {@code stringToSign} under {@code signKey}, the {@code q-signature}
 * @param headerList the {@code q-header-list}
 * @param urlParamList the {@code q-url-param-list}
 * @param keyTime the {@code q-sign-time} and {@code q-key-time}
 */
public record CosSignature(
        String authorization,
        String signKey,
        String httpString,
        String stringToSign,
        String signature,
        String headerList,
        String urlParamList,
        CosKeyTime keyTime) {
}
