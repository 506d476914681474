/**
 * FFmpeg for the platform: {@link io.openvod.platform.media.FfmpegTools} finds the {@code ffmpeg}
 * and {@code ffprobe} executables (configured, or the ones bundled with OpenVOD) and
 * {@link io.openvod.platform.media.MediaProbe} reads a file's metadata into a
 * {@link io.openvod.platform.media.MediaMetadata}, which mirrors Tencent VOD's {@code MetaData}.
 * The tools always run as child processes with a deadline; nothing binds to FFmpeg's C API.
 */
package io.openvod.platform.media;
