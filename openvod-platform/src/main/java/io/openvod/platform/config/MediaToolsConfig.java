package io.openvod.platform.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code platform.media:} — the FFmpeg executables. Empty paths use the FFmpeg bundled with
 * OpenVOD.
 */
public record MediaToolsConfig(String ffmpeg, String ffprobe) {
    public Optional<Path> ffmpegPath() {
        return Optional.ofNullable(ffmpeg).filter(p -> !p.isBlank()).map(Path::of);
    }

    public Optional<Path> ffprobePath() {
        return Optional.ofNullable(ffprobe).filter(p -> !p.isBlank()).map(Path::of);
    }
}
