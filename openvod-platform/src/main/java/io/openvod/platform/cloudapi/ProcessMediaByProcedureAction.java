package io.openvod.platform.cloudapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.catalog.MediaCatalog;
import io.openvod.platform.flow.SqlProcedureTemplates;
import io.openvod.platform.flow.SqlTaskFlows;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code ProcessMediaByProcedure}: runs the procedure template {@code ProcedureName} (a built-in
 * or one of the application's) on a media file, as an upload naming it would; answers the flow's
 * {@code TaskId} and an empty {@code ReviewAudioVideoTaskId} (the platform has no separate
 * ReviewAudioVideo tasks). A {@code SessionId} used again within 7 days is refused with
 * {@link FlowSubmission#DUPLICATE_SESSION_ID}.
 */
public final class ProcessMediaByProcedureAction implements CloudAction {
    static final Duration SESSION_WINDOW = Duration.ofDays(7);

    private final SqlProcedureTemplates templates;
    private final FlowSubmission submission;

    public ProcessMediaByProcedureAction(SqlProcedureTemplates templates, MediaCatalog catalog, SqlTaskFlows flows,
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
        if (templates.list(subAppId).stream().noneMatch(t -> t.name().equals(procedure))) {
            throw new CloudApiException("InvalidParameterValue.ProcedureName", "The application has no procedure template "
                    + procedure + ".");
        }
        ObjectNode response = submission.submit(call, request, procedure, Optional.empty(), SESSION_WINDOW);
        response.put("ReviewAudioVideoTaskId", "");
        return response;
    }
}
