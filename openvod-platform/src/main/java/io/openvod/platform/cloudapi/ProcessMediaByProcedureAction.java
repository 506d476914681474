package io.openvod.platform.cloudapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.catalog.MediaCatalog;
import io.openvod.platform.flow.Procedures;
import io.openvod.platform.flow.TaskQueue;
import java.time.Duration;

/**
 * {@code ProcessMediaByProcedure}: runs the procedure template {@code ProcedureName} (a built-in
 * or one of the application's) on a media file, as an upload naming it would: a Procedure flow
 * ({@code TaskId}) when the template holds processing tasks, a ReviewAudioVideo task
 * ({@code ReviewAudioVideoTaskId}) when it holds a {@code ReviewAudioVideoTask}; {@code ""} for
 * what it does not start. A {@code SessionId} used again within 7 days is refused with
 * {@link FlowSubmission#DUPLICATE_SESSION_ID}.
 */
public final class ProcessMediaByProcedureAction implements CloudAction {
    static final Duration SESSION_WINDOW = Duration.ofDays(7);

    private final Procedures templates;
    private final FlowSubmission submission;

    public ProcessMediaByProcedureAction(Procedures templates, MediaCatalog catalog, TaskQueue flows,
                                         Runnable flowRequested) {
        this.templates = templates;
        this.submission = new FlowSubmission(catalog, flows, flowRequested);
    }

    @Override
    public String name() {
        return "ProcessMediaByProcedure";
    }

    @Override
    public ObjectNode handle(CloudCall call, ObjectNode request) {
        RequestFields fields = new RequestFields(request);
        String procedure = fields.requiredText("ProcedureName");
        long subAppId = call.subAppId(fields.subAppId());
        if (templates.find(subAppId, procedure).isEmpty()) {
            throw new CloudApiException("InvalidParameterValue.ProcedureName", "The application has no procedure template "
                    + procedure + ".");
        }
        return submission.submitProcedure(call, request, procedure, templates.plan(subAppId, procedure), SESSION_WINDOW);
    }
}
