package io.openvod.platform.cloudapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.catalog.FlowRequest;
import io.openvod.platform.catalog.MediaCatalog;
import io.openvod.platform.flow.ProcedureTemplate;
import io.openvod.platform.flow.TaskQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code ProcessMedia}: runs ad-hoc tasks on a media file — {@code MediaProcessTask} (the task
 * sets of a procedure template) and the legacy {@code AiContentReviewTask} — as one task flow,
 * answered with its {@code TaskId} and reported by {@code ProcedureStateChanged} like a
 * procedure's. {@code AiAnalysisTask} and {@code AiRecognitionTask} are refused
 * ({@code InvalidParameter}): the platform runs neither. A {@code SessionId} used again within
 * 3 days is refused with {@link FlowSubmission#DUPLICATE_SESSION_ID}.
 */
public final class ProcessMediaAction implements CloudAction {
    static final Duration SESSION_WINDOW = Duration.ofDays(3);
    private static final List<String> UNSUPPORTED = List.of("AiAnalysisTask", "AiRecognitionTask");

    private final FlowSubmission submission;

    public ProcessMediaAction(MediaCatalog catalog, TaskQueue flows, Runnable flowRequested) {
        this.submission = new FlowSubmission(catalog, flows, flowRequested);
    }

    @Override
    public String name() {
        return "ProcessMedia";
    }

    @Override
    public ObjectNode handle(CloudCall call, ObjectNode request) {
        for (String field : UNSUPPORTED) {
            if (TaskObjects.object(request, field).isPresent()) {
                throw new CloudApiException("InvalidParameter", field + " is not supported by this platform.");
            }
        }
        Optional<ObjectNode> media = TaskObjects.mediaProcessTask(request);
        Optional<ObjectNode> review = TaskObjects.object(request, "AiContentReviewTask");
        if (new ProcedureTemplate("", "Custom", "", media, review, Instant.EPOCH, Instant.EPOCH).tasks().isEmpty()) {
            throw new CloudApiException("InvalidParameter", "The request names no task: give MediaProcessTask or AiContentReviewTask.");
        }
        FlowRequest.AdHocTasks tasks = new FlowRequest.AdHocTasks(media.map(ObjectNode::toString), review.map(ObjectNode::toString));
        return submission.submit(call, request, "", Optional.of(tasks), SESSION_WINDOW);
    }
}
