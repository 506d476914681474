package io.openvod.app.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.openvod.app.AppError;
import io.openvod.app.AppException;
import io.openvod.app.account.Principal;
import io.openvod.app.auth.BearerAuthenticator;
import io.openvod.app.videos.Video;
import io.openvod.app.videos.VideoState;
import io.openvod.app.videos.VideoUrls;
import io.openvod.app.videos.Videos;
import java.util.Optional;

/**
 * "My videos" — the signed-in user's own videos, authenticated as for signatures:
 * <ul>
 *   <li>{@code GET /api/v1/videos?limit=…}: newest first, deleted ones left out; {@code limit} 1..100,
 *       default 50. Answers {@code data.videos}.</li>
 *   <li>{@code GET /api/v1/videos/{fileId}}: one video; {@code VIDEO_NOT_FOUND} when it is unknown,
 *       deleted, or another user's (the answer does not tell which).</li>
 * </ul>
 * URLs are answered on the VOD's current media base ({@link VideoUrls}).
 */
final class VideosHandler {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 100;

    private final BearerAuthenticator authenticator;
    private final Videos videos;
    private final VideoUrls urls;

    VideosHandler(BearerAuthenticator authenticator, Videos videos, VideoUrls urls) {
        this.authenticator = authenticator;
        this.videos = videos;
        this.urls = urls;
    }

    void list(Context ctx) {
        Principal principal = authenticator.authenticate(Optional.ofNullable(ctx.header("Authorization")));
        int limit = limit(ctx.queryParam("limit"), DEFAULT_LIMIT, MAX_LIMIT);
        ObjectNode data = Envelope.data();
        ArrayNode list = data.putArray("videos");
        videos.ofUser(principal.userId(), limit).forEach(v -> list.add(VideoJson.forOwner(urls.current(v))));
        AppHttpServer.json(ctx, 200, Envelope.ok(data));
    }

    void one(Context ctx) {
        Principal principal = authenticator.authenticate(Optional.ofNullable(ctx.header("Authorization")));
        String fileId = ctx.pathParam("fileId");
        Video video = videos.find(fileId)
                .filter(v -> v.userId().filter(principal.userId()::equals).isPresent())
                .filter(v -> v.state() != VideoState.DELETED)
                .orElseThrow(() -> new AppException(AppError.VIDEO_NOT_FOUND, "no video " + fileId + " of yours"));
        AppHttpServer.json(ctx, 200, Envelope.ok(Envelope.data().set("video", VideoJson.forOwner(urls.current(video)))));
    }

    /** A {@code limit} query parameter: absent gives {@code fallback}; otherwise 1..{@code max}. */
    static int limit(String value, int fallback, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new AppException(AppError.BAD_REQUEST, "limit must be a whole number within 1.." + max);
    }
}
