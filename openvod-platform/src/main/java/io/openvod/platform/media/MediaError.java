package io.openvod.platform.media;

import io.openvod.core.ErrorCode;
import io.openvod.core.ErrorKind;

/** Why finding FFmpeg or reading a media file failed. */
public enum MediaError implements ErrorCode {
    FFMPEG_UNAVAILABLE(ErrorKind.UNAVAILABLE, "ffmpeg or ffprobe cannot be found or does not run; the message names the path and the reason"),
    MEDIA_UNREADABLE(ErrorKind.INVALID_INPUT, "the file is not media ffprobe can read: empty, corrupt, cut short before its index, or not audio or video at all"),
    PROBE_FAILED(ErrorKind.UNAVAILABLE, "ffprobe did not finish: it ran past its deadline or crashed; a later try may succeed");

    private final ErrorKind kind;
    private final String summary;

    MediaError(ErrorKind kind, String summary) {
        this.kind = kind;
        this.summary = summary;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }

    @Override
    public String summary() {
        return summary;
    }
}
