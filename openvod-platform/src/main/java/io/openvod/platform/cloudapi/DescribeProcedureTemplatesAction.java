package io.openvod.platform.cloudapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.events.EventTimes;
import io.openvod.platform.flow.ProcedureTemplate;
import io.openvod.platform.flow.Procedures;
import java.util.List;
import java.util.Optional;

/**
 * {@code DescribeProcedureTemplates}: the preset templates and the application's own, filtered by
 * {@code Names} and {@code Type} ({@code Preset}/{@code Custom}), paged by {@code Offset} and
 * {@code Limit} (default 10, at most 100); {@code TotalCount} counts the filtered templates.
 */
public final class DescribeProcedureTemplatesAction implements CloudAction {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Procedures templates;

    public DescribeProcedureTemplatesAction(Procedures templates) {
        this.templates = templates;
    }

    @Override
    public String name() {
        return "DescribeProcedureTemplates";
    }

    @Override
    public ObjectNode handle(CloudCall call, ObjectNode request) {
        RequestFields fields = new RequestFields(request);
        Optional<List<String>> names = fields.texts("Names").filter(n -> !n.isEmpty());
        Optional<String> type = fields.text("Type");
        long offset = fields.integer("Offset").orElse(0L);
        long limit = fields.integer("Limit").orElse(10L);
        if (offset < 0 || limit < 1 || limit > 100) {
            throw new CloudApiException("InvalidParameterValue", "Offset is at least 0 and Limit 1 to 100.");
        }
        long subAppId = call.subAppId(fields.subAppId());
        List<ProcedureTemplate> selected = templates.list(subAppId).stream()
                .filter(t -> names.map(n -> n.contains(t.name())).orElse(true))
                .filter(t -> type.map(ty -> ty.equals(t.type())).orElse(true))
                .toList();
        ObjectNode response = JSON.createObjectNode();
        response.put("TotalCount", selected.size());
        ArrayNode set = response.putArray("ProcedureTemplateSet");
        selected.stream().skip(offset).limit(limit).forEach(t -> set.add(describe(t)));
        return response;
    }

    private static ObjectNode describe(ProcedureTemplate t) {
        ObjectNode node = JSON.createObjectNode();
        node.put("Name", t.name());
        node.put("Type", t.type());
        node.put("Comment", t.comment());
        if (t.mediaProcessTask().isPresent()) {
            node.set("MediaProcessTask", t.mediaProcessTask().get());
        } else {
            node.putNull("MediaProcessTask");
        }
        if (t.aiContentReviewTask().isPresent()) {
            node.set("AiContentReviewTask", t.aiContentReviewTask().get());
        } else {
            node.putNull("AiContentReviewTask");
        }
        node.putNull("AiAnalysisTask");
        node.putNull("AiRecognitionTask");
        node.putNull("MiniProgramPublishTask");
        if (t.reviewAudioVideoTask().isPresent()) {
            node.set("ReviewAudioVideoTask", t.reviewAudioVideoTask().get());
        } else {
            node.putNull("ReviewAudioVideoTask");
        }
        node.put("CreateTime", EventTimes.format(t.createdAt()));
        node.put("UpdateTime", EventTimes.format(t.updatedAt()));
        return node;
    }
}
