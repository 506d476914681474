package io.openvod.platform.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.PlatformNode;
import io.openvod.platform.cloudapi.CloudApiException;
import io.openvod.platform.cloudapi.CloudCall;
import io.openvod.platform.cloudapi.CreateProcedureTemplateAction;
import io.openvod.platform.cloudapi.DeleteProcedureTemplateAction;
import io.openvod.platform.cloudapi.DescribeProcedureTemplatesAction;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.Uploads;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcedureTemplatesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) JSON.readTree(text);
    }

    private static CloudCall call(PlatformFixture platform) {
        return new CloudCall(PlatformFixture.APP_ID, PlatformFixture.SECRET_ID, "req",
                (appId, requested) -> platform.keys().resolveSubApp(appId, Optional.ofNullable(requested)));
    }

    @Test
    void anApplicationDefinesUsesListsAndDeletesItsOwnTemplates() throws Exception {
        try (PlatformFixture platform = PlatformFixture.start(dir, new PlatformNode.TaskFlows(List.of(),
                FlowSettings.defaults().withWorkers(0)))) {
            Procedures templates = new Procedures(ProcedureTemplates.builtIn(), new SqlProcedureTemplateStore(platform.database().jdbi()),
                    Clock.systemUTC());
            var create = new CreateProcedureTemplateAction(templates);
            var describe = new DescribeProcedureTemplatesAction(templates);
            var delete = new DeleteProcedureTemplateAction(templates);
            CloudCall call = call(platform);

            create.handle(call, json("{\"Name\":\"Mine\",\"Comment\":\"two things\",\"MediaProcessTask\":{"
                    + "\"CoverBySnapshotTaskSet\":[{\"Definition\":10,\"PositionType\":\"Percent\",\"PositionValue\":50}],"
                    + "\"TranscodeTaskSet\":[{\"Definition\":100030}]},\"AiContentReviewTask\":{\"Definition\":20}}"));
            assertThatThrownBy(() -> create.handle(call, json("{\"Name\":\"Mine\"}")))
                    .isInstanceOfSatisfying(CloudApiException.class, e -> assertThat(e.code()).isEqualTo("InvalidParameterValue.Name"));
            assertThatThrownBy(() -> create.handle(call, json("{\"Name\":\"Review\"}")))
                    .isInstanceOfSatisfying(CloudApiException.class, e -> assertThat(e.code()).isEqualTo("InvalidParameterValue.Name"));

            JsonNode all = describe.handle(call, json("{}"));
            assertThat(all.get("TotalCount").asInt()).isEqualTo(7);
            JsonNode custom = describe.handle(call, json("{\"Type\":\"Custom\"}"));
            assertThat(custom.get("TotalCount").asInt()).isEqualTo(1);
            JsonNode mine = custom.get("ProcedureTemplateSet").get(0);
            assertThat(mine.get("Name").asText()).isEqualTo("Mine");
            assertThat(mine.get("Comment").asText()).isEqualTo("two things");
            assertThat(mine.get("MediaProcessTask").get("TranscodeTaskSet").get(0).get("Definition").asLong()).isEqualTo(100030);
            JsonNode preset = describe.handle(call, json("{\"Names\":[\"TranscodeCover\"]}")).get("ProcedureTemplateSet").get(0);
            assertThat(preset.get("Type").asText()).isEqualTo("Preset");
            assertThat(preset.get("MediaProcessTask").get("TranscodeTaskSet")).hasSize(2);

            byte[] body = "bytes".getBytes(StandardCharsets.UTF_8);
            String fileId = Uploads.uploadSmall(platform, body, b -> b.procedure("Mine")).get("fileId").asText();
            TaskQueue flows = platform.node().flows().flows();
            assertThat(flows.startPending(10)).isEqualTo(1);
            JsonNode upload = JSON.readTree(platform.node().catalog().events(fileId).getFirst().event().body());
            TaskFlow flow = flows.find(upload.get("FileUploadEvent").get("ProcedureTaskId").asText()).orElseThrow();
            assertThat(flow.tasks()).extracting(FlowTask::type)
                    .containsExactly("Transcode", "CoverBySnapshot", "Porn");
            assertThat(JSON.readTree(flow.tasks().get(1).input()).get("PositionType").asText()).isEqualTo("Percent");
            assertThat(JSON.readTree(flow.tasks().get(2).input()).get("Definition").asLong()).isEqualTo(20);

            delete.handle(call, json("{\"Name\":\"Mine\"}"));
            assertThatThrownBy(() -> delete.handle(call, json("{\"Name\":\"Mine\"}")))
                    .isInstanceOfSatisfying(CloudApiException.class, e -> assertThat(e.code()).isEqualTo("ResourceNotFound.TemplateNotExist"));
            assertThatThrownBy(() -> delete.handle(call, json("{\"Name\":\"Review\"}")))
                    .isInstanceOfSatisfying(CloudApiException.class, e -> assertThat(e.code()).isEqualTo("InvalidParameterValue.Name"));
            assertThat(describe.handle(call, json("{\"Type\":\"Custom\"}")).get("TotalCount").asInt()).isZero();
        }
    }
}
