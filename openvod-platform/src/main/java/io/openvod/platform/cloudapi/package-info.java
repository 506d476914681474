/**
 * The TencentCloud API 3.0 endpoint ({@code POST /}, {@code X-TC-Action}, TC3-HMAC-SHA256): its
 * actions as {@link io.openvod.platform.cloudapi.CloudAction}s. A valid W3C {@code traceparent}
 * request header ({@link io.openvod.platform.cloudapi.CloudCall#traceparent()}) names the trace of
 * the upload an {@code ApplyUpload} opens and of the flows an action starts.
 */
package io.openvod.platform.cloudapi;
