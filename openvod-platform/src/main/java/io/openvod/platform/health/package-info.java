/**
 * The platform's readiness checks, besides the database's ({@link io.openvod.core.health.DatabaseCheck}):
 * the object storage ({@link io.openvod.platform.health.StorageCheck}), the FFmpeg executables
 * ({@link io.openvod.platform.health.FfmpegCheck}) and the content-review engine
 * ({@link io.openvod.platform.health.ReviewCheck}). {@link io.openvod.platform.PlatformNode} runs them with
 * {@link io.openvod.core.health.Readiness}; the HTTP edge answers {@code GET /health/ready} with the report.
 */
package io.openvod.platform.health;
