package io.openvod.platform.health;

import io.openvod.core.health.Health;
import io.openvod.core.health.HealthCheck;
import io.openvod.platform.media.FfmpegTools;
import io.openvod.platform.media.MediaException;
import java.util.Objects;

/**
 * {@code ffmpeg} and {@code ffprobe} are found and run ({@code -version}). {@link FfmpegTools} remembers
 * tools it found, so only the first probe (or one after a failure) runs them — or none, when the node
 * found them in the background as it started ({@link FfmpegTools#findInBackground()}; a probe during
 * that waits for its result); nothing is transcoded.
 */
public final class FfmpegCheck implements HealthCheck {
    private final FfmpegTools tools;

    public FfmpegCheck(FfmpegTools tools) {
        this.tools = Objects.requireNonNull(tools, "tools == null");
    }

    @Override
    public String name() {
        return "ffmpeg";
    }

    @Override
    public Health check() {
        try {
            tools.ffmpeg();
            tools.ffprobe();
            return Health.up();
        } catch (MediaException e) {
            return Health.down(e.getMessage());
        }
    }
}
