package io.openvod.platform.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code platform.media:} — the FFmpeg executables. Empty paths use the FFmpeg bundled with
 * OpenVOD.
 */
public record MediaToolsConfig(Path ffmpeg, Path ffprobe) {
    public Optional<Path> ffmpegPath() {
        return Optional.ofNullable(ffmpeg);
    }

    public Optional<Path> ffprobePath() {
        return Optional.ofNullable(ffprobe);
    }
}
