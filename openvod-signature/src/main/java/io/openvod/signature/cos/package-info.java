/**
 * COS request signatures ({@code q-sign-algorithm=sha1}), as the COS object API that receives
 * the bytes of a client upload uses them: {@link io.openvod.signature.cos.CosSigner} builds the
 * {@code Authorization} header the way the COS SDKs do, {@link io.openvod.signature.cos.CosSignableHeaders}
 * picks the headers a browser client signs, and {@link io.openvod.signature.cos.CosVerifier}
 * checks incoming requests against the temporary credentials OpenVOD issued, answering every
 * refusal with a {@link io.openvod.signature.cos.CosRejection} that carries the COS XML error to
 * return.
 */
package io.openvod.signature.cos;
