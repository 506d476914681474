package io.openvod.platform.media;

import io.openvod.core.OpenVodException;

/** A failure of {@link FfmpegTools} or {@link MediaProbe} with its {@link MediaError}. */
public final class MediaException extends OpenVodException {
    private static final long serialVersionUID = 1L;

    public MediaException(MediaError error, String message) {
        super(error, message);
    }

    public MediaException(MediaError error, String message, Throwable cause) {
        super(error, message, cause);
    }

    public MediaError error() {
        return (MediaError) errorCode();
    }
}
