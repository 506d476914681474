package io.openvod.app.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.app.videos.Playback;
import io.openvod.app.videos.Video;
import io.openvod.app.videos.VideoState;

/**
 * A video as the HTTP API shows it. Its owner sees where it can be played — {@code mediaUrl} and
 * {@code playbacks} — only while it is {@code published}; a moderator sees the media URL whatever
 * the state, to look at what is to be decided, and who made an earlier decision (the owner sees the
 * decision and its time, not the moderator). A {@code failed} video says why in {@code reason}
 * ({@value io.openvod.app.videos.Video#NOT_PLAYABLE} or {@value io.openvod.app.videos.Video#PROCESSING_FAILED}).
 * Times are ISO-8601 UTC.
 */
final class VideoJson {
    private VideoJson() {
    }

    /** The owner's view: playable URLs only when published. */
    static ObjectNode forOwner(Video v) {
        ObjectNode node = common(v);
        v.moderation().ifPresent(m -> node.putObject("moderation").put("decision", m.decision()).put("at", m.at().toString()));
        if (v.state() == VideoState.PUBLISHED) {
            playable(node, v);
        }
        return node;
    }

    /** A moderator's view: the user, and the media whatever the state. */
    static ObjectNode forModerator(Video v) {
        ObjectNode node = common(v);
        node.put("userId", v.userId().orElse(""));
        v.moderation().ifPresent(m -> node.putObject("moderation").put("decision", m.decision()).put("moderator", m.moderator())
                .put("at", m.at().toString()));
        playable(node, v);
        return node;
    }

    private static ObjectNode common(Video v) {
        ObjectNode node = Envelope.data();
        node.put("fileId", v.fileId());
        node.put("name", v.name());
        node.put("state", v.state().wireName());
        v.failureReason().ifPresent(reason -> node.put("reason", reason));
        node.put("createdAt", v.createdAt().toString());
        node.put("updatedAt", v.updatedAt().toString());
        node.put("coverUrl", v.coverUrl());
        if (!v.review().isEmpty()) {
            node.putObject("review").put("suggestion", v.review()).put("confidence", v.reviewConfidence())
                    .put("label", v.reviewLabel());
        }
        return node;
    }

    private static void playable(ObjectNode node, Video v) {
        node.put("mediaUrl", v.mediaUrl());
        ArrayNode playbacks = node.putArray("playbacks");
        for (Playback p : v.playbacks()) {
            playbacks.addObject().put("kind", p.kind()).put("definition", p.definition()).put("url", p.url())
                    .put("width", p.width()).put("height", p.height());
        }
    }
}
