package io.openvod.platform.cloudapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.catalog.FlowRequest;
import io.openvod.platform.catalog.Media;
import io.openvod.platform.catalog.MediaCatalog;
import io.openvod.platform.catalog.ProcedurePlan;
import io.openvod.platform.flow.TaskQueue;
import io.openvod.platform.trace.UploadTrace;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What {@code ProcessMedia}, {@code ProcessMediaByProcedure} and {@code ReviewAudioVideo} share: the media ({@code FileId}
 * of the caller's application), the task controls ({@code TasksPriority} −10…10,
 * {@code TasksNotifyMode} {@code Finish}/{@code Change}/{@code None} — absent or empty runs as
 * {@code Finish} and is reported as {@code ""} —, {@code SessionContext} ≤ 1000
 * characters, {@code SessionId} ≤ 50), and the submission: the flow is recorded and started in
 * one transaction, so {@code DescribeTaskDetail} knows the answered {@code TaskId} at once. A
 * ReviewAudioVideo task is reported once, when it ends, whatever {@code TasksNotifyMode} says.
 * The flows run in the request's trace ({@code traceparent}), else in the trace of the media's
 * upload, else in a new one ({@link UploadTrace#ofFlow}).
 */
final class FlowSubmission {
    /** {@code DuplicateSessionId}: the SessionId was used within the action's deduplication window. */
    static final String DUPLICATE_SESSION_ID = "FailedOperation.DuplicateSessionId";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> NOTIFY_MODES = Set.of("Finish", "Change", "None");

    private final MediaCatalog catalog;
    private final TaskQueue flows;
    private final Runnable flowRequested;

    FlowSubmission(MediaCatalog catalog, TaskQueue flows, Runnable flowRequested) {
        this.catalog = catalog;
        this.flows = flows;
        this.flowRequested = flowRequested;
    }

    /** Submits a flow of {@code procedure} (empty for ad-hoc tasks) and answers {@code {TaskId}}. */
    ObjectNode submit(CloudCall call, ObjectNode request, String procedure, Optional<FlowRequest.AdHocTasks> adHoc,
                      Duration sessionWindow) {
        Controls c = controls(call, request);
        FlowRequest flow = c.request(FlowRequest.newTaskId(c.subAppId()), procedure, c.mode(), adHoc);
        submit(List.of(flow), c, sessionWindow);
        ObjectNode response = JSON.createObjectNode();
        response.put("TaskId", flow.taskId());
        return response;
    }

    /**
     * Submits a ReviewAudioVideo task ({@code TaskId} {@code <subAppId>-ReviewAudioVideo-…},
     * reported once, when it ends) and answers {@code {TaskId}}.
     */
    ObjectNode submitReview(CloudCall call, ObjectNode request, String reviewAudioVideoTask, Duration sessionWindow) {
        Controls c = controls(call, request);
        FlowRequest review = c.request(FlowRequest.newReviewTaskId(c.subAppId()), "", "Finish",
                Optional.of(FlowRequest.AdHocTasks.reviewAudioVideo(reviewAudioVideoTask)));
        submit(List.of(review), c, sessionWindow);
        ObjectNode response = JSON.createObjectNode();
        response.put("TaskId", review.taskId());
        return response;
    }

    /**
     * Submits what the template {@code procedure} starts, as an upload naming it would: a Procedure
     * flow and/or a ReviewAudioVideo task, in one transaction; answers {@code {TaskId,
     * ReviewAudioVideoTaskId}} ({@code ""} for what it does not start).
     */
    ObjectNode submitProcedure(CloudCall call, ObjectNode request, String procedure, ProcedurePlan plan, Duration sessionWindow) {
        Controls c = controls(call, request);
        Optional<FlowRequest> flow = plan.procedureFlow()
                ? Optional.of(c.request(FlowRequest.newTaskId(c.subAppId()), procedure, c.mode(), Optional.empty())) : Optional.empty();
        Optional<FlowRequest> review = plan.reviewAudioVideoTask().map(task -> c.request(FlowRequest.newReviewTaskId(c.subAppId()), "",
                "Finish", Optional.of(FlowRequest.AdHocTasks.reviewAudioVideo(task))));
        submit(Stream.of(flow, review).flatMap(Optional::stream).toList(), c, sessionWindow);
        ObjectNode response = JSON.createObjectNode();
        response.put("TaskId", flow.map(FlowRequest::taskId).orElse(""));
        response.put("ReviewAudioVideoTaskId", review.map(FlowRequest::taskId).orElse(""));
        return response;
    }

    private void submit(List<FlowRequest> requests, Controls c, Duration sessionWindow) {
        if (!flows.submit(requests, sessionWindow)) {
            throw new CloudApiException(DUPLICATE_SESSION_ID, "A task with SessionId " + c.sessionId().orElseThrow()
                    + " was submitted within the last " + sessionWindow.toDays() + " days.");
        }
        flowRequested.run();
    }

    /** The checked media and task controls of a request. */
    private record Controls(String fileId, Media media, long subAppId, int priority, String mode, String context,
                            Optional<String> sessionId, String traceId) {
        FlowRequest request(String taskId, String procedure, String notifyMode, Optional<FlowRequest.AdHocTasks> adHoc) {
            return new FlowRequest(taskId, fileId, media.appId(), subAppId, procedure, priority, notifyMode, context, adHoc, sessionId,
                    Optional.of(traceId));
        }
    }

    private Controls controls(CloudCall call, ObjectNode request) {
        RequestFields fields = new RequestFields(request);
        if (fields.text("FileId").filter(t -> !t.isEmpty()).isEmpty() && fields.text("MediaStoragePath").isPresent()) {
            throw new CloudApiException("InvalidParameter", "MediaStoragePath is not supported; name the media by FileId.");
        }
        String fileId = fields.requiredText("FileId");
        long subAppId = call.subAppId(fields.subAppId());
        Media media = catalog.find(fileId).filter(m -> m.subAppId() == subAppId)
                .orElseThrow(() -> new CloudApiException("ResourceNotFound.FileNotExist", "The media " + fileId + " does not exist."));
        long priority = fields.integer("TasksPriority").orElse(0L);
        if (priority < -10 || priority > 10) {
            throw new CloudApiException("InvalidParameterValue.TasksPriority", "TasksPriority must be within -10 and 10.");
        }
        String mode = fields.text("TasksNotifyMode").orElse("");
        if (!mode.isEmpty() && !NOTIFY_MODES.contains(mode)) {
            throw new CloudApiException("InvalidParameterValue.TasksNotifyMode", "TasksNotifyMode must be Finish, Change or None.");
        }
        String context = fields.text("SessionContext").orElse("");
        if (context.length() > 1000) {
            throw new CloudApiException("InvalidParameterValue.SessionContext", "SessionContext holds at most 1000 characters.");
        }
        Optional<String> sessionId = fields.text("SessionId").filter(t -> !t.isEmpty());
        if (sessionId.filter(id -> id.length() > 50).isPresent()) {
            throw new CloudApiException("InvalidParameterValue.SessionId", "SessionId holds at most 50 characters.");
        }
        return new Controls(fileId, media, subAppId, (int) priority, mode, context, sessionId,
                UploadTrace.ofFlow(call.traceparent(), catalog.uploadTrace(fileId)));
    }
}
