package io.openvod.platform.cloudapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.flow.Procedures;

/**
 * {@code DeleteProcedureTemplate}: removes an application's own template {@code Name}. Flows
 * started from it keep their tasks. A preset cannot be deleted.
 */
public final class DeleteProcedureTemplateAction implements CloudAction {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Procedures templates;

    public DeleteProcedureTemplateAction(Procedures templates) {
        this.templates = templates;
    }

    @Override
    public String name() {
        return "DeleteProcedureTemplate";
    }

    @Override
    public ObjectNode handle(CloudCall call, ObjectNode request) {
        RequestFields fields = new RequestFields(request);
        String name = fields.text("Name")
                .orElseThrow(() -> new CloudApiException("MissingParameter", "The request is missing the required parameter Name."));
        long subAppId = call.subAppId(fields.subAppId());
        var refusal = templates.delete(subAppId, name);
        if (refusal.isPresent()) {
            throw refusal.get() == Procedures.Refusal.BUILT_IN_NAME
                    ? new CloudApiException("InvalidParameterValue.Name", "A preset template cannot be deleted.")
                    : new CloudApiException("ResourceNotFound.TemplateNotExist", "The application has no template named " + name + ".");
        }
        return JSON.createObjectNode();
    }
}
