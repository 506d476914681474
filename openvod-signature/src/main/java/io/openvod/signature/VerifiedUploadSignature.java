package io.openvod.signature;

/**
 * A client-upload signature that passed every check.
 *
 * @param parameters the signed parameters; optional ones signed with an empty value are absent
 * @param decoded the signature as decoded, including fields this version does not know
 * @param useKey a stable identifier of this signature (hex SHA-256 of its bytes), suitable as a
 *     replay-store key or an audit reference; not secret, not reversible
 */
public record VerifiedUploadSignature(SignatureParameters parameters, DecodedSignature decoded, String useKey) {
}
