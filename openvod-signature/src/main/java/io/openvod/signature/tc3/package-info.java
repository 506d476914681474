/**
 * TencentCloud API 3.0 request signing, {@code TC3-HMAC-SHA256}: {@link io.openvod.signature.tc3.Tc3Signer}
 * signs requests to a Tencent-compatible API (for example {@code PullEvents} against
 * {@code vod.tencentcloudapi.com}), and {@link io.openvod.signature.tc3.Tc3Verifier} checks the
 * {@code Authorization} of requests that OpenVOD's own API 3.0 endpoint receives, answering
 * every refusal with a {@link io.openvod.signature.tc3.Tc3Rejection} that names the Tencent
 * error code to return.
 */
package io.openvod.signature.tc3;
