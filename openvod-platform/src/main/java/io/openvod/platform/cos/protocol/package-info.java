/**
 * The pure building blocks of the COS-compatible object API: addressing ({@link
 * io.openvod.platform.cos.protocol.CosAddressResolver}), the XML bodies COS clients send and
 * expect ({@link io.openvod.platform.cos.protocol.CompleteMultipartUploadParser}, {@link
 * io.openvod.platform.cos.protocol.CosXml}), the error vocabulary ({@link
 * io.openvod.platform.cos.protocol.CosErrorCode}), ETag and {@code Content-MD5} rules, {@code Range}
 * and CORS. Nothing here does I/O beyond reading a request body it is handed, and nothing imports an
 * HTTP framework: the HTTP edge applies the results.
 *
 * <p>Every failure is a {@link io.openvod.platform.cos.protocol.CosProtocolException} carrying the
 * COS error code to answer with; these codes are Tencent's wire vocabulary, not OpenVOD's own
 * {@link io.openvod.core.ErrorCode}s.
 */
package io.openvod.platform.cos.protocol;
