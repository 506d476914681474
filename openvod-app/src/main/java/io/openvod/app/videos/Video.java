package io.openvod.app.videos;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One video of the app, keyed by its VOD FileId.
 *
 * @param userId who uploaded it (from the signature's {@code sourceContext}); empty until known
 * @param requestId the signature request it was uploaded with, empty until known
 * @param procedureTaskId the task flow its upload started, empty when none
 * @param playbacks its transcodes and adaptive streams
 * @param review the latest content-review verdict: {@code pass}, {@code review}, {@code block},
 *     {@code failed}, or empty
 * @param moderation a moderator's decision ({@code approved} or {@code blocked}) and who made it; once
 *     made, later VOD events do not change the state
 * @param lastSequence the highest OpenVOD per-FileId event sequence applied, 0 when none
 * @param awaited what the video's state waits for, and what of it has arrived
 * @param mediaError what the VOD reported that shows the file is not audio or video (e.g. its
 *     {@code MetaData} has no stream, or a task failed with {@code SourceFileError}); empty when
 *     nothing did. Such a video is {@code failed}: {@value #NOT_PLAYABLE}
 */
public record Video(String fileId, Optional<String> userId, String requestId, String name, VideoState state, String mediaUrl,
                    String coverUrl, String procedureTaskId, List<Playback> playbacks, String review, double reviewConfidence,
                    String reviewLabel, Optional<Moderation> moderation, long lastSequence, Instant createdAt, Instant updatedAt,
                    Awaited awaited, String mediaError) {
    /** Why a video whose file is not audio or video failed, as its owner is told. */
    public static final String NOT_PLAYABLE = "not a playable video";
    /** Why a video whose task flow failed otherwise failed, as its owner is told. */
    public static final String PROCESSING_FAILED = "processing failed";

    public Video {
        Objects.requireNonNull(fileId, "fileId == null");
        Objects.requireNonNull(userId, "userId == null");
        Objects.requireNonNull(state, "state == null");
        Objects.requireNonNull(moderation, "moderation == null");
        requestId = requestId == null ? "" : requestId;
        name = name == null ? "" : name;
        mediaUrl = mediaUrl == null ? "" : mediaUrl;
        coverUrl = coverUrl == null ? "" : coverUrl;
        procedureTaskId = procedureTaskId == null ? "" : procedureTaskId;
        playbacks = List.copyOf(playbacks);
        review = review == null ? "" : review;
        reviewLabel = reviewLabel == null ? "" : reviewLabel;
        Objects.requireNonNull(awaited, "awaited == null");
        mediaError = mediaError == null ? "" : mediaError;
    }

    /** A video of which nothing says the file is not media. */
    public Video(String fileId, Optional<String> userId, String requestId, String name, VideoState state, String mediaUrl,
                 String coverUrl, String procedureTaskId, List<Playback> playbacks, String review, double reviewConfidence,
                 String reviewLabel, Optional<Moderation> moderation, long lastSequence, Instant createdAt, Instant updatedAt,
                 Awaited awaited) {
        this(fileId, userId, requestId, name, state, mediaUrl, coverUrl, procedureTaskId, playbacks, review, reviewConfidence,
                reviewLabel, moderation, lastSequence, createdAt, updatedAt, awaited, "");
    }

    /** Whether the VOD reported that the file is not audio or video: nothing of it can be played. */
    public boolean unplayable() {
        return !mediaError.isEmpty();
    }

    /**
     * Why the video failed, as its owner is told: {@value #NOT_PLAYABLE} when the file is not audio
     * or video, else {@value #PROCESSING_FAILED}; empty unless the video is {@code failed}.
     */
    public Optional<String> failureReason() {
        return state != VideoState.FAILED ? Optional.empty() : Optional.of(unplayable() ? NOT_PLAYABLE : PROCESSING_FAILED);
    }

    /**
     * The results a video waits for before it is published.
     *
     * @param uploadSeen whether its {@code NewFileUpload} arrived (it names the task flow and the review task to wait for)
     * @param flowOutcome {@code ""} until its task flow ({@code procedureTaskId}) finished, then {@code success} or {@code failed}
     * @param reviewTaskId the {@code ReviewAudioVideo} task whose verdict is awaited, empty when none
     * @param reviewTaskVerdict {@code ""} until that task's {@code ReviewAudioVideoComplete} arrived, then
     *     {@code pass}, {@code review}, {@code block} or {@code failed}
     */
    public record Awaited(boolean uploadSeen, String flowOutcome, String reviewTaskId, String reviewTaskVerdict) {
        /** Nothing known yet. */
        public static final Awaited NOTHING_SEEN = new Awaited(false, "", "", "");
        /** An upload seen that announced nothing to wait for. */
        public static final Awaited NOTHING = new Awaited(true, "", "", "");

        public Awaited {
            flowOutcome = flowOutcome == null ? "" : flowOutcome;
            reviewTaskId = reviewTaskId == null ? "" : reviewTaskId;
            reviewTaskVerdict = reviewTaskVerdict == null ? "" : reviewTaskVerdict;
        }
    }

    /** A moderator's decision. */
    public record Moderation(String decision, String moderator, Instant at) {
    }

    /** A video first seen in an event, with nothing known yet. */
    public static Video unknown(String fileId, Instant now) {
        return new Video(fileId, Optional.empty(), "", "", VideoState.UPLOADED, "", "", "", List.of(), "", 0, "",
                Optional.empty(), 0, now, now, Awaited.NOTHING_SEEN);
    }
}
