package io.openvod.app.videos;

import java.util.Objects;

/**
 * One playable rendition of a video.
 *
 * @param kind {@code mp4} (a transcode) or {@code hls} (an adaptive stream's master playlist)
 * @param definition the VOD template id that made it
 * @param url where players fetch it
 * @param width its width in pixels, 0 when unknown
 * @param height its height in pixels, 0 when unknown
 */
public record Playback(String kind, long definition, String url, int width, int height) {
    public Playback {
        Objects.requireNonNull(kind, "kind == null");
        Objects.requireNonNull(url, "url == null");
    }
}
