package io.openvod.platform.cloudapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.flow.Procedures;
import java.util.Optional;

/**
 * {@code CreateProcedureTemplate}: an application's own procedure template, {@code Name} (1–20
 * characters, not a built-in's), {@code Comment} (≤ 256), {@code MediaProcessTask} (its task
 * sets, each an array of task inputs), the legacy {@code AiContentReviewTask} and
 * {@code ReviewAudioVideoTask} ({@code {Definition, ReviewContents}}, checked as
 * {@code ReviewAudioVideo}'s). A flow of the template runs the tasks of the sets in a fixed order
 * (transcodes, animated graphics, snapshots, sample snapshots, image sprites, cover, adaptive
 * streaming) and then the legacy review; the ReviewAudioVideoTask runs as its own task.
 */
public final class CreateProcedureTemplateAction implements CloudAction {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Procedures templates;

    public CreateProcedureTemplateAction(Procedures templates) {
        this.templates = templates;
    }

    @Override
    public String name() {
        return "CreateProcedureTemplate";
    }

    @Override
    public ObjectNode handle(CloudCall call, ObjectNode request) {
        RequestFields fields = new RequestFields(request);
        String name = fields.text("Name")
                .orElseThrow(() -> new CloudApiException("MissingParameter", "The request is missing the required parameter Name."));
        if (name.isEmpty() || name.length() > 20) {
            throw new CloudApiException("InvalidParameterValue.Name", "Name holds 1 to 20 characters.");
        }
        String comment = fields.text("Comment").orElse("");
        if (comment.length() > 256) {
            throw new CloudApiException("InvalidParameterValue.Comment", "Comment holds at most 256 characters.");
        }
        Optional<ObjectNode> media = TaskObjects.mediaProcessTask(request);
        Optional<ObjectNode> review = TaskObjects.object(request, "AiContentReviewTask");
        Optional<ObjectNode> reviewAudioVideo = TaskObjects.object(request, "ReviewAudioVideoTask")
                .map(task -> TaskObjects.reviewAudioVideoTask(task, "ReviewAudioVideoTask."));
        long subAppId = call.subAppId(fields.subAppId());
        Optional<Procedures.Refusal> refusal = templates.create(subAppId, name, comment, media, review, reviewAudioVideo);
        if (refusal.isPresent()) {
            throw switch (refusal.get()) {
                case BUILT_IN_NAME -> new CloudApiException("InvalidParameterValue.Name", "Name " + name + " is a preset template's.");
                case EXISTS -> new CloudApiException("InvalidParameterValue.Name", "The application has a template named " + name + ".");
                case TOO_MANY -> new CloudApiException("LimitExceeded", "An application has at most "
                        + Procedures.MAX_CUSTOM + " templates.");
                case NOT_FOUND -> new IllegalStateException();
            };
        }
        return JSON.createObjectNode();
    }
}
