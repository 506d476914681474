package io.openvod.platform.flow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * What a succeeded task changes on its flow's media, written in the transaction that records the
 * success: a new cover, and whether the media becomes {@code Forbidden}.
 *
 * @param cover the media's new cover, if the task made one
 * @param forbid whether the media is now {@link io.openvod.platform.catalog.Media#FORBIDDEN}
 */
public record MediaChange(Optional<Cover> cover, boolean forbid) {
    /** Nothing changes. */
    public static final MediaChange NONE = new MediaChange(Optional.empty(), false);

    /**
     * A cover: its URL and, when it lies in the media's bucket, its object key there (the cover is
     * then deleted with the media).
     */
    public record Cover(String url, Optional<String> key) {
        public Cover {
            Objects.requireNonNull(url, "url == null");
            Objects.requireNonNull(key, "key == null");
        }
    }

    public MediaChange {
        Objects.requireNonNull(cover, "cover == null");
    }

    /**
     * What a task of {@code type} that succeeded with {@code output} changes: a
     * {@code CoverBySnapshot} makes its {@code CoverUrl} the media's cover (with the key under
     * {@code bucketUrl}, the URL of the media's bucket ending in {@code /}, when it is there); a
     * content review (legacy or ReviewAudioVideo) whose {@code Suggestion} is {@code block} forbids
     * the media.
     */
    public static MediaChange afterSuccess(String type, ObjectNode output, String bucketUrl) {
        Optional<Cover> cover = Optional.empty();
        if (type.equals("CoverBySnapshot") && output.path("CoverUrl").isTextual()) {
            String url = output.get("CoverUrl").asText();
            cover = Optional.of(new Cover(url, url.startsWith(bucketUrl) ? Optional.of(url.substring(bucketUrl.length())) : Optional.empty()));
        }
        boolean review = ProcedureTemplate.REVIEW_TYPES.contains(type) || type.equals(ReviewAudioVideoEvents.TYPE);
        return new MediaChange(cover, review && output.path("Suggestion").asText().equals("block"));
    }
}
