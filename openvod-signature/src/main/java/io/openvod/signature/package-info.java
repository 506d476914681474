/**
 * Tencent VOD's client-upload signature, and the shapes every scheme in this library shares.
 *
 * <p>This module depends on the JDK alone, so that app backends, SDKs and the platform can all
 * take it. {@link io.openvod.signature.SignatureParameters} and
 * {@link io.openvod.signature.UploadSigner} make signatures byte-identical to Tencent's samples;
 * {@link io.openvod.signature.UploadSignatureVerifier} checks them and answers with a
 * {@link io.openvod.signature.Verdict} whose rejections ({@link io.openvod.signature.UploadRejection})
 * say precisely what is wrong. One-time signatures need a {@link io.openvod.signature.ReplayStore}.
 * The sub-packages {@code tc3} and {@code cos} hold the API 3.0 and COS request signatures.
 */
package io.openvod.signature;
