package io.openvod.app.videos;

import io.openvod.app.receipt.Review;
import io.openvod.app.receipt.VodEvent;
import io.openvod.app.signing.SourceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How VOD events change a video — one pure function, so that the order and repetition of
 * deliveries can be reasoned about (and tested) apart from storage.
 *
 * <ul>
 *   <li>{@code NewFileUpload}: the video's user (from {@code sourceContext} {@code uid=…&req=…}), name,
 *       media and cover URLs; {@code processing} when the upload started a task flow, else
 *       {@code published}.</li>
 *   <li>{@code ProcedureStateChanged}: {@code PROCESSING} → {@code processing}; {@code FINISH} →
 *       {@code blocked} when a review says {@code block}, {@code pending_review} when one says
 *       {@code review} or failed, {@code failed} when a processing task failed, else
 *       {@code published}; its transcodes, streams and cover are recorded.</li>
 *   <li>{@code FileDeleted}: {@code deleted}.</li>
 * </ul>
 * A state never goes back to a lower {@link VideoState#rank()} (a late {@code NewFileUpload} does
 * not undo a finished flow), an event whose OpenVOD sequence is not above the last one applied
 * changes no state (it may still fill in what is unknown: the user, a cover, renditions), and a moderator's
 * decision stands against later events, except deletion.
 */
public final class VideoTransitions {

    /**
     * The video after {@code event}, or empty when the event does not concern a known video
     * (a deletion or an unknown event type of a video never seen).
     *
     * @param sequence the event's OpenVOD per-FileId sequence, 0 when it has none (Tencent)
     */
    public Optional<Video> apply(Optional<Video> current, String fileId, VodEvent event, long sequence, Instant now) {
        return switch (event) {
            case VodEvent.FileUploaded u -> Optional.of(uploaded(current.orElse(Video.unknown(fileId, now)), u, sequence, now));
            case VodEvent.ProcedureChanged p -> Optional.of(procedure(current.orElse(Video.unknown(fileId, now)), p, sequence, now));
            case VodEvent.FilesDeleted d -> current.map(v -> advance(v, VideoState.DELETED, false, sequence, now));
            case VodEvent.Other o -> Optional.empty();
        };
    }

    /** A moderator's decision: {@code approve} publishes the video, {@code block} blocks it. */
    public Video moderate(Video video, boolean approve, String moderator, Instant now) {
        if (video.state() == VideoState.DELETED) {
            return video;
        }
        return new Video(video.fileId(), video.userId(), video.requestId(), video.name(),
                approve ? VideoState.PUBLISHED : VideoState.BLOCKED, video.mediaUrl(), video.coverUrl(), video.procedureTaskId(),
                video.playbacks(), video.review(), video.reviewConfidence(), video.reviewLabel(),
                Optional.of(new Video.Moderation(approve ? "approved" : "blocked", moderator, now)), video.lastSequence(),
                video.createdAt(), now);
    }

    private static Video uploaded(Video v, VodEvent.FileUploaded u, long sequence, Instant now) {
        Optional<SourceContext> context = SourceContext.parse(u.sourceContext());
        Video filled = new Video(v.fileId(), v.userId().or(() -> context.map(SourceContext::userId)),
                v.requestId().isEmpty() ? context.map(SourceContext::requestId).orElse("") : v.requestId(),
                u.name().isEmpty() ? v.name() : u.name(), v.state(), u.mediaUrl().isEmpty() ? v.mediaUrl() : u.mediaUrl(),
                v.coverUrl().isEmpty() ? u.coverUrl() : v.coverUrl(),
                v.procedureTaskId().isEmpty() ? u.procedureTaskId() : v.procedureTaskId(), v.playbacks(), v.review(),
                v.reviewConfidence(), v.reviewLabel(), v.moderation(), v.lastSequence(), v.createdAt(), now);
        VideoState target = u.procedureTaskId().isEmpty() ? VideoState.PUBLISHED : VideoState.PROCESSING;
        return advance(filled, target, stale(v, sequence), sequence, now);
    }

    private static Video procedure(Video v, VodEvent.ProcedureChanged p, long sequence, Instant now) {
        boolean stale = stale(v, sequence);
        Optional<SourceContext> context = SourceContext.parse(p.sessionContext());
        Optional<String> userId = v.userId().or(() -> context.map(SourceContext::userId));
        String requestId = v.requestId().isEmpty() ? context.map(SourceContext::requestId).orElse("") : v.requestId();
        Video filled;
        if (stale) {
            filled = new Video(v.fileId(), userId, requestId, v.name(), v.state(), v.mediaUrl(),
                    v.coverUrl().isEmpty() ? p.coverUrl().orElse("") : v.coverUrl(), v.procedureTaskId(),
                    addMissing(v.playbacks(), p.playbacks()), v.review(), v.reviewConfidence(), v.reviewLabel(), v.moderation(),
                    v.lastSequence(), v.createdAt(), now);
        } else {
            boolean reviewed = p.review().verdict() != Review.Verdict.NONE;
            filled = new Video(v.fileId(), userId, requestId, v.name(), v.state(), v.mediaUrl(),
                    p.coverUrl().orElse(v.coverUrl()), v.procedureTaskId().isEmpty() ? p.taskId() : v.procedureTaskId(),
                    merge(v.playbacks(), p.playbacks()),
                    reviewed ? p.review().verdict().name().toLowerCase(java.util.Locale.ROOT) : v.review(),
                    reviewed ? p.review().confidence() : v.reviewConfidence(), reviewed ? p.review().label() : v.reviewLabel(),
                    v.moderation(), v.lastSequence(), v.createdAt(), now);
        }
        return advance(filled, p.finished() ? outcome(p) : VideoState.PROCESSING, stale, sequence, now);
    }

    private static VideoState outcome(VodEvent.ProcedureChanged p) {
        return switch (p.review().verdict()) {
            case BLOCK -> VideoState.BLOCKED;
            case REVIEW, FAILED -> VideoState.PENDING_REVIEW;
            case NONE, PASS -> p.failedTasks() > 0 || p.errCode() != 0 ? VideoState.FAILED : VideoState.PUBLISHED;
        };
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

    private static boolean stale(Video v, long sequence) {
        return sequence > 0 && sequence <= v.lastSequence();
    }

    private static Video advance(Video v, VideoState target, boolean stale, long sequence, Instant now) {
        long last = Math.max(v.lastSequence(), sequence);
        boolean keep = stale
                || v.state() == VideoState.DELETED
                || target.rank() < v.state().rank()
                || v.moderation().isPresent() && target != VideoState.DELETED;
        VideoState state = keep ? v.state() : target;
        return new Video(v.fileId(), v.userId(), v.requestId(), v.name(), state, v.mediaUrl(), v.coverUrl(), v.procedureTaskId(),
                v.playbacks(), v.review(), v.reviewConfidence(), v.reviewLabel(), v.moderation(), last, v.createdAt(), now);
    }
}
