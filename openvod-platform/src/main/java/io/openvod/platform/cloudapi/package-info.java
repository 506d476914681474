/**
 * The TencentCloud API 3.0 endpoint ({@code POST /}, {@code X-TC-Action}, TC3-HMAC-SHA256): its
 * actions as {@link io.openvod.platform.cloudapi.CloudAction}s.
 */
package io.openvod.platform.cloudapi;
