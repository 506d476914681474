package io.openvod.platform.flow;

import io.openvod.core.TimeOrderedIds;
import io.openvod.core.trace.TraceParent;
import io.openvod.platform.catalog.OutboxEvent;
import io.openvod.platform.trace.UploadTrace;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which event a change of a flow writes, by its notify mode: {@code Finish} reports the flow when
 * it finishes; {@code Change} also when one of its tasks starts (its first attempt), succeeds or
 * fails; {@code None} never. A Procedure flow is reported with {@code ProcedureStateChanged}; a
 * ReviewAudioVideo task ({@link ReviewAudioVideoEvents#isReview}) only when it finishes, with
 * {@code ReviewAudioVideoComplete}, whatever its mode.
 *
 * <p>An event carries the {@code traceparent} of the step that wrote it (a task attempt), or, when
 * no step wrote it (a claim, a flow started without tasks), the root of the flow's trace
 * ({@link UploadTrace#rootOf}); a flow without a trace writes events without one.
 */
public final class FlowEvents {
    private FlowEvents() {
    }

    /**
     * The event of {@code flow} after its task {@code claimed} was claimed: reported in
     * {@code Change} mode when this is the task's first attempt.
     *
     * @param media the media's fields, read only when an event is written
     */
    public static Optional<OutboxEvent> afterClaim(TaskFlow flow, FlowTask claimed, Supplier<ProcedureEvents.MediaFields> media) {
        return claimed.attempts() == 1 && flow.notifyMode().equals("Change") ? event(flow, media, Optional.empty()) : Optional.empty();
    }

    /**
     * The event of {@code flow} after one of its tasks was done (or it started without tasks).
     *
     * @param media the media's fields, read only when an event is written
     * @param writer the step that ended the task; empty: none (the event is in the flow's trace)
     */
    public static Optional<OutboxEvent> afterTaskDone(TaskFlow flow, Supplier<ProcedureEvents.MediaFields> media,
                                                      Optional<TraceParent> writer) {
        boolean finished = flow.status().equals("FINISH");
        boolean report = finished ? !flow.notifyMode().equals("None") : flow.notifyMode().equals("Change");
        return report ? event(flow, media, writer) : Optional.empty();
    }

    /** Whether every task of {@code flow} is done, so that the flow is {@code FINISH}. */
    public static boolean allDone(TaskFlow flow) {
        return flow.tasks().stream().allMatch(FlowTask::done);
    }

    private static Optional<OutboxEvent> event(TaskFlow flow, Supplier<ProcedureEvents.MediaFields> media, Optional<TraceParent> writer) {
        if (ReviewAudioVideoEvents.isReview(flow)) {
            return flow.status().equals("FINISH")
                    ? Optional.of(event(flow, ReviewAudioVideoEvents.REVIEW_AUDIO_VIDEO_COMPLETE,
                            ProcedureEvents.text(ReviewAudioVideoEvents.reviewAudioVideoComplete(flow)), writer))
                    : Optional.empty();
        }
        return Optional.of(event(flow, ProcedureEvents.PROCEDURE_STATE_CHANGED,
                ProcedureEvents.text(ProcedureEvents.procedureStateChanged(flow, media.get())), writer));
    }

    private static OutboxEvent event(TaskFlow flow, String type, String body, Optional<TraceParent> writer) {
        return new OutboxEvent(TimeOrderedIds.next(), flow.appId(), flow.subAppId(), flow.fileId(), type, body,
                writer.or(() -> UploadTrace.rootOf(flow.traceId())));
    }
}
