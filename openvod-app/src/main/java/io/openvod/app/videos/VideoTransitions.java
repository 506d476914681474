package io.openvod.app.videos;

import io.openvod.app.signing.SourceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How VOD events change a video — one pure function, so that the order and repetition of
 * deliveries can be reasoned about (and tested) apart from storage.
 *
 * <p>Each event records what it says about the video ({@link Video.Awaited}, the review, the
 * renditions), and the state follows from all that is known, whatever order it came in:
 * <ul>
 *   <li>{@code NewFileUpload}: the video's user (from {@code sourceContext} {@code uid=…&req=…}), name,
 *       media and cover URLs, and what to wait for: the task flow it started ({@code ProcedureTaskId})
 *       and the {@code ReviewAudioVideo} task ({@code ReviewAudioVideoTaskId}).</li>
 *   <li>{@code ProcedureStateChanged}: {@code FINISH} records the flow's outcome ({@code failed} when a
 *       processing task failed) and its legacy content review; its transcodes, streams and cover are recorded.</li>
 *   <li>{@code ReviewAudioVideoComplete}: records the review task's verdict.</li>
 *   <li>{@code FileDeleted}: {@code deleted}; when only parts were deleted (transcodes, streams), the
 *       video keeps its state and loses those renditions.</li>
 * </ul>
 * Any event may also report that the file is not audio or video at all ({@link Video#mediaError()}:
 * a {@code MetaData} without any stream — what OpenVOD's platform sends for a file ffprobe cannot
 * read — or a task that failed with Tencent's {@code SourceFileError} or
 * {@code SourceFileError.ContentMalformed}); that is kept once known.
 * The state: {@code failed} ({@value Video#NOT_PLAYABLE}) as soon as the file is known not to be
 * audio or video — nothing of it can be played, and a failed review of it is nothing for a
 * moderator to judge; else {@code blocked} as soon as a review says {@code block}; else {@code processing} while the
 * upload, its task flow's end or its review task's verdict is still awaited; then
 * {@code pending_review} when a review says {@code review} or a review task failed, {@code failed}
 * when the flow failed, else {@code published}. Events about tasks the upload did not announce
 * (a later flow on a published video) do not make it wait again. An event whose OpenVOD sequence
 * is not above the last one applied only fills in what is not known yet; a moderator's decision
 * stands against later events, except deletion, and except that an approval never publishes a file
 * that is not audio or video (it is {@code failed}); {@code deleted} is final.
 */
public final class VideoTransitions {
    private static final String SUCCESS = "success";
    private static final String FAILED = "failed";

    /**
     * The video after {@code event}, or empty when the event does not concern a known video
     * (a deletion or an unknown event type of a video never seen).
     *
     * @param sequence the event's OpenVOD per-FileId sequence, 0 when it has none (Tencent)
     */
    public Optional<Video> apply(Optional<Video> current, String fileId, VodEvent event, long sequence, Instant now) {
        return switch (event) {
            case VodEvent.FileUploaded u -> Optional.of(settle(uploaded(current.orElse(Video.unknown(fileId, now)), u,
                    stale(current, sequence), now), sequence));
            case VodEvent.ProcedureChanged p -> Optional.of(settle(procedure(current.orElse(Video.unknown(fileId, now)), p,
                    stale(current, sequence), now), sequence));
            case VodEvent.ReviewCompleted r -> Optional.of(settle(reviewed(current.orElse(Video.unknown(fileId, now)), r,
                    stale(current, sequence), now), sequence));
            case VodEvent.FilesDeleted d -> current.map(v -> d.partial().containsKey(fileId)
                    ? withoutParts(v, d.partial().get(fileId), now)
                    : with(v, VideoState.DELETED, Math.max(v.lastSequence(), sequence), now));
            case VodEvent.Other o -> Optional.empty();
        };
    }

    /**
     * A moderator's decision: {@code approve} publishes the video, {@code block} blocks it. Whoever
     * calls this refuses to approve a {@code failed} video ({@link #approvable}); should it happen
     * anyway, an approved file that is not audio or video stays {@code failed}.
     */
    public Video moderate(Video video, boolean approve, String moderator, Instant now) {
        if (video.state() == VideoState.DELETED) {
            return video;
        }
        VideoState state = !approve ? VideoState.BLOCKED : video.unplayable() ? VideoState.FAILED : VideoState.PUBLISHED;
        return new Video(video.fileId(), video.userId(), video.requestId(), video.name(),
                state, video.mediaUrl(), video.coverUrl(), video.procedureTaskId(),
                video.playbacks(), video.review(), video.reviewConfidence(), video.reviewLabel(),
                Optional.of(new Video.Moderation(approve ? "approved" : "blocked", moderator, now)), video.lastSequence(),
                video.createdAt(), now, video.awaited(), video.mediaError());
    }

    /** Whether a moderator may approve the video: not when it {@code failed} (e.g. it is not a playable video). */
    public boolean approvable(Video video) {
        return video.state() != VideoState.FAILED && !video.unplayable();
    }

    private static Video uploaded(Video v, VodEvent.FileUploaded u, boolean stale, Instant now) {
        Optional<SourceContext> context = SourceContext.parse(u.sourceContext());
        Video.Awaited a = v.awaited();
        Video.Awaited awaited = new Video.Awaited(true, a.flowOutcome(),
                a.reviewTaskId().isEmpty() ? u.reviewTaskId() : a.reviewTaskId(), a.reviewTaskVerdict());
        return new Video(v.fileId(), v.userId().or(() -> context.map(SourceContext::userId)),
                v.requestId().isEmpty() ? context.map(SourceContext::requestId).orElse("") : v.requestId(),
                u.name().isEmpty() || stale && !v.name().isEmpty() ? v.name() : u.name(),
                v.state(), u.mediaUrl().isEmpty() || stale && !v.mediaUrl().isEmpty() ? v.mediaUrl() : u.mediaUrl(),
                v.coverUrl().isEmpty() ? u.coverUrl() : v.coverUrl(),
                v.procedureTaskId().isEmpty() ? u.procedureTaskId() : v.procedureTaskId(), v.playbacks(), v.review(),
                v.reviewConfidence(), v.reviewLabel(), v.moderation(), v.lastSequence(), v.createdAt(), now, awaited,
                mediaError(v, u.mediaError()));
    }

    private static Video procedure(Video v, VodEvent.ProcedureChanged p, boolean stale, Instant now) {
        Optional<SourceContext> context = SourceContext.parse(p.sessionContext());
        Optional<String> userId = v.userId().or(() -> context.map(SourceContext::userId));
        String requestId = v.requestId().isEmpty() ? context.map(SourceContext::requestId).orElse("") : v.requestId();
        Video.Awaited a = v.awaited();
        // before the upload is seen, the flow reported is the one to wait for; after it, only the announced one
        String taskId = v.procedureTaskId().isEmpty() && !a.uploadSeen() ? p.taskId() : v.procedureTaskId();
        String outcome = a.flowOutcome();
        if (p.finished() && (!stale || outcome.isEmpty())) {
            outcome = p.failedTasks() > 0 || p.errCode() != 0 ? FAILED : SUCCESS;
        }
        Video.Awaited awaited = new Video.Awaited(a.uploadSeen(), outcome, a.reviewTaskId(), a.reviewTaskVerdict());
        String cover = stale ? (v.coverUrl().isEmpty() ? p.coverUrl().orElse("") : v.coverUrl()) : p.coverUrl().orElse(v.coverUrl());
        List<Playback> playbacks = stale ? addMissing(v.playbacks(), p.playbacks()) : merge(v.playbacks(), p.playbacks());
        Video filled = new Video(v.fileId(), userId, requestId, v.name(), v.state(), v.mediaUrl(), cover, taskId, playbacks,
                v.review(), v.reviewConfidence(), v.reviewLabel(), v.moderation(), v.lastSequence(), v.createdAt(), now, awaited,
                mediaError(v, p.mediaError()));
        Review legacy = p.review();
        if (legacy.verdict() == Review.Verdict.NONE || stale && !v.review().isEmpty()) {
            return filled;
        }
        // the legacy review and the review task are separate verdicts: the worse one shows
        Review reviewTask = verdictOf(a.reviewTaskVerdict());
        Review shown = reviewTask.verdict().severity() > legacy.verdict().severity()
                ? (v.review().equals(a.reviewTaskVerdict()) ? current(v) : reviewTask) : legacy;
        return withReview(filled, shown);
    }

    private static Video reviewed(Video v, VodEvent.ReviewCompleted r, boolean stale, Instant now) {
        Optional<SourceContext> context = SourceContext.parse(r.sessionContext());
        Video.Awaited a = v.awaited();
        String reviewTaskId = a.reviewTaskId().isEmpty() && !a.uploadSeen() ? r.taskId() : a.reviewTaskId();
        Review verdict = r.review();
        boolean record = verdict.verdict() != Review.Verdict.NONE && (!stale || a.reviewTaskVerdict().isEmpty());
        String previous = a.reviewTaskVerdict();
        Video.Awaited awaited = new Video.Awaited(a.uploadSeen(), a.flowOutcome(), reviewTaskId,
                record ? name(verdict.verdict()) : previous);
        Video filled = new Video(v.fileId(), v.userId().or(() -> context.map(SourceContext::userId)),
                v.requestId().isEmpty() ? context.map(SourceContext::requestId).orElse("") : v.requestId(), v.name(), v.state(),
                v.mediaUrl(), v.coverUrl(), v.procedureTaskId(), v.playbacks(), v.review(), v.reviewConfidence(), v.reviewLabel(),
                v.moderation(), v.lastSequence(), v.createdAt(), now, awaited, mediaError(v, r.mediaError()));
        if (!record) {
            return filled;
        }
        // what the review columns show when they do not show this task's previous verdict is the legacy review's
        boolean shownIsLegacy = !v.review().isEmpty() && !v.review().equals(previous);
        Review shown = shownIsLegacy && current(v).verdict().severity() > verdict.verdict().severity() ? current(v) : verdict;
        return withReview(filled, shown);
    }

    /**
     * The state that follows from what is known; deletion and a moderator's decision stand, except
     * that an approval does not publish a file that is not audio or video.
     */
    private static Video settle(Video v, long sequence) {
        long last = Math.max(v.lastSequence(), sequence);
        if (v.state() == VideoState.DELETED) {
            return with(v, v.state(), last, v.updatedAt());
        }
        if (v.moderation().isPresent()) {
            boolean approved = v.moderation().get().decision().equals("approved");
            return with(v, approved && v.unplayable() ? VideoState.FAILED : v.state(), last, v.updatedAt());
        }
        return with(v, state(v), last, v.updatedAt());
    }

    /** What is known about the file so far; the first report that it is not media is kept. */
    private static String mediaError(Video v, String reported) {
        return v.mediaError().isEmpty() ? reported : v.mediaError();
    }

    private static VideoState state(Video v) {
        if (v.unplayable()) {
            return VideoState.FAILED;
        }
        Video.Awaited a = v.awaited();
        Review.Verdict verdict = worst(verdictOf(v.review()).verdict(), verdictOf(a.reviewTaskVerdict()).verdict());
        if (verdict == Review.Verdict.BLOCK) {
            return VideoState.BLOCKED;
        }
        boolean waiting = !a.uploadSeen()
                || !v.procedureTaskId().isEmpty() && a.flowOutcome().isEmpty()
                || !a.reviewTaskId().isEmpty() && a.reviewTaskVerdict().isEmpty();
        if (waiting) {
            return VideoState.PROCESSING;
        }
        if (verdict == Review.Verdict.REVIEW || verdict == Review.Verdict.FAILED) {
            return VideoState.PENDING_REVIEW;
        }
        return a.flowOutcome().equals(FAILED) ? VideoState.FAILED : VideoState.PUBLISHED;
    }

    private static Review.Verdict worst(Review.Verdict a, Review.Verdict b) {
        return b.severity() > a.severity() ? b : a;
    }

    private static Review current(Video v) {
        return new Review(verdictOf(v.review()).verdict(), v.reviewConfidence(), v.reviewLabel());
    }

    private static Review verdictOf(String name) {
        return name.isEmpty() ? Review.NONE : new Review(Review.Verdict.valueOf(name.toUpperCase(Locale.ROOT)), 0, "");
    }

    private static String name(Review.Verdict verdict) {
        return verdict == Review.Verdict.NONE ? "" : verdict.name().toLowerCase(Locale.ROOT);
    }

    private static Video withReview(Video v, Review r) {
        return new Video(v.fileId(), v.userId(), v.requestId(), v.name(), v.state(), v.mediaUrl(), v.coverUrl(), v.procedureTaskId(),
                v.playbacks(), name(r.verdict()), r.confidence(), r.label(), v.moderation(), v.lastSequence(), v.createdAt(),
                v.updatedAt(), v.awaited(), v.mediaError());
    }

    private static Video with(Video v, VideoState state, long lastSequence, Instant now) {
        return new Video(v.fileId(), v.userId(), v.requestId(), v.name(), state, v.mediaUrl(), v.coverUrl(), v.procedureTaskId(),
                v.playbacks(), v.review(), v.reviewConfidence(), v.reviewLabel(), v.moderation(), lastSequence, v.createdAt(), now,
                v.awaited(), v.mediaError());
    }

    /** The video without the renditions a partial deletion removed: transcodes ({@code mp4}) or streams ({@code hls}) of a template, 0: all. */
    private static Video withoutParts(Video v, List<VodEvent.DeletedPart> parts, Instant now) {
        List<Playback> left = new ArrayList<>(v.playbacks());
        for (VodEvent.DeletedPart part : parts) {
            String kind = switch (part.type()) {
                case "TranscodeFiles" -> "mp4";
                case "AdaptiveDynamicStreamingFiles" -> "hls";
                default -> "";
            };
            left.removeIf(p -> p.kind().equals(kind) && (part.definition() == 0 || p.definition() == part.definition()));
        }
        return new Video(v.fileId(), v.userId(), v.requestId(), v.name(), v.state(), v.mediaUrl(), v.coverUrl(), v.procedureTaskId(),
                left, v.review(), v.reviewConfidence(), v.reviewLabel(), v.moderation(), v.lastSequence(), v.createdAt(), now,
                v.awaited(), v.mediaError());
    }

    private static List<Playback> merge(List<Playback> known, List<Playback> found) {
        List<Playback> all = new ArrayList<>(known);
        for (Playback p : found) {
            all.removeIf(k -> k.kind().equals(p.kind()) && k.definition() == p.definition());
            all.add(p);
        }
        return all;
    }

    /** The known renditions plus those of {@code found} not known yet (a stale event only fills in). */
    private static List<Playback> addMissing(List<Playback> known, List<Playback> found) {
        List<Playback> all = new ArrayList<>(known);
        for (Playback p : found) {
            if (all.stream().noneMatch(k -> k.kind().equals(p.kind()) && k.definition() == p.definition())) {
                all.add(p);
            }
        }
        return all;
    }

    private static boolean stale(Optional<Video> v, long sequence) {
        return sequence > 0 && v.isPresent() && sequence <= v.get().lastSequence();
    }
}
