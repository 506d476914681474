package io.openvod.platform.cloudapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.catalog.MediaCatalog;
import io.openvod.platform.flow.TaskQueue;
import java.time.Duration;

/**
 * {@code ReviewAudioVideo} (spec: event-protocol §13.5): moderates a media file of the caller's
 * application as a task of its own, answered with its {@code TaskId}
 * ({@code <subAppId>-ReviewAudioVideo-<32 hex>t}) and reported by one
 * {@code ReviewAudioVideoComplete} event when it ends. {@code Definition} (default 10, the only
 * review template: Porn review of the media's frames) and {@code ReviewContents} (default and
 * only {@code ["Media"]}) are checked like a template's ReviewAudioVideoTask; {@code TasksPriority},
 * {@code SessionContext} and {@code SessionId} as ProcessMedia's (a SessionId used again within
 * 3 days is refused with {@link FlowSubmission#DUPLICATE_SESSION_ID}); {@code ExtInfo} is ignored.
 */
public final class ReviewAudioVideoAction implements CloudAction {
    static final Duration SESSION_WINDOW = Duration.ofDays(3);

    private final FlowSubmission submission;

    public ReviewAudioVideoAction(MediaCatalog catalog, TaskQueue flows, Runnable flowRequested) {
        this.submission = new FlowSubmission(catalog, flows, flowRequested);
    }

    @Override
    public String name() {
        return "ReviewAudioVideo";
    }

    @Override
    public ObjectNode handle(CloudCall call, ObjectNode request) {
        ObjectNode task = TaskObjects.reviewAudioVideoTask(request, "");
        return submission.submitReview(call, request, task.toString(), SESSION_WINDOW);
    }
}
