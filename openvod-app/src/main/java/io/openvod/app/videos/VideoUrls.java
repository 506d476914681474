package io.openvod.app.videos;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A video's URLs as the app answers them: on an OpenVOD platform's <em>current</em> media base
 * ({@code app.vod.mediaBaseUrl}), whatever base the events that brought them named.
 *
 * <p>The app keeps the URLs its events gave (Tencent's absolute URLs). An OpenVOD platform's media
 * URLs are {@code <base>/vod<SubAppId>-<AppId>/<SubAppId>/<FileId>/<name>}; when the platform moves (another
 * port after a restart, a new public URL or CDN) the stored ones name the old base. With a media
 * base set, a URL of that shape is answered on it; any other URL (Tencent's CDN, an external cover)
 * is answered as stored. Without one ({@link #AS_RECEIVED}) every URL is answered as stored.
 */
public final class VideoUrls {
    /** Every URL as the events gave it. */
    public static final VideoUrls AS_RECEIVED = new VideoUrls("");
    private static final Pattern OPENVOD_BASE = Pattern.compile("^https?://[^\\s]*?(?=/vod([0-9]{1,19})-[0-9]{1,19}/\\1/[0-9]{1,19}/)");

    private final String base;

    /** @param base the platform's media base now, e.g. {@code http://127.0.0.1:8082}; empty: answer URLs as stored */
    public VideoUrls(String base) {
        Objects.requireNonNull(base, "base == null");
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** {@code url} on the current base when it is an OpenVOD platform's media URL and a base is set; else {@code url}. */
    public String current(String url) {
        if (base.isEmpty()) {
            return url;
        }
        Matcher m = OPENVOD_BASE.matcher(url);
        return m.find() ? base + url.substring(m.end()) : url;
    }

    /** {@code video} with its media URL, cover URL and renditions' URLs on the current base. */
    public Video current(Video v) {
        if (base.isEmpty()) {
            return v;
        }
        return new Video(v.fileId(), v.userId(), v.requestId(), v.name(), v.state(), current(v.mediaUrl()), current(v.coverUrl()),
                v.procedureTaskId(), v.playbacks().stream().map(p -> new Playback(p.kind(), p.definition(), current(p.url()), p.width(),
                p.height())).toList(), v.review(), v.reviewConfidence(), v.reviewLabel(), v.moderation(), v.lastSequence(),
                v.createdAt(), v.updatedAt(), v.awaited(), v.mediaError());
    }
}
