package io.openvod.platform.cloudapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.platform.PlatformNode;
import io.openvod.platform.flow.FlowSettings;
import io.openvod.platform.flow.ProcedureEvents;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.Tc3TestClient;
import io.openvod.platform.testing.Uploads;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DescribeTasks through the platform's API 3.0 front door: the application's task flows newest
 * first (here three uploads' flows, which no worker runs, so they wait), by FileId, by Status,
 * in pages with ScrollToken.
 */
class DescribeTasksActionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static PlatformFixture platform;
    static Tc3TestClient api;
    /** FileId and TaskId of each upload, oldest first (each upload takes milliseconds, so their flows' times differ). */
    static final List<String[]> uploads = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        platform = PlatformFixture.start(dir.resolve("platform"), new PlatformNode.TaskFlows(List.of(),
                FlowSettings.defaults().withWorkers(0)));
        api = new Tc3TestClient(platform.url(), Clock.systemUTC());
        for (int i = 0; i < 3; i++) {
            String fileId = Uploads.uploadSmall(platform, ("media " + i).getBytes(), b -> b.procedure("TranscodeCover"))
                    .get("fileId").asText();
            String taskId = JSON.readTree(platform.node().catalog().events(fileId).getFirst().event().body())
                    .get("FileUploadEvent").get("ProcedureTaskId").asText();
            uploads.add(new String[] {fileId, taskId});
        }
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void listsTheApplicationsFlowsNewestFirstWithTheirStatus() {
        JsonNode all = describe("{}");

        assertThat(taskIds(all)).containsExactly(uploads.get(2)[1], uploads.get(1)[1], uploads.get(0)[1]);
        assertThat(all.get("ScrollToken").asText()).isEmpty();
        JsonNode first = all.get("TaskSet").get(2);
        assertThat(first.get("FileId").asText()).isEqualTo(uploads.get(0)[0]);
        assertThat(first.get("Status").asText()).as("no worker began a task").isEqualTo("WAITING");
        assertThat(first.get("TaskType").asText()).isEqualTo("Procedure");
        assertThat(first.get("CreateTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(first.get("BeginProcessTime").asText()).isEqualTo(ProcedureEvents.NO_TIME);
        assertThat(first.get("FinishTime").asText()).isEqualTo(ProcedureEvents.NO_TIME);
        assertThat(first.has("SessionId")).isTrue();
        assertThat(first.has("SessionContext")).isTrue();
    }

    @Test
    void filtersByFileIdAndStatusAndPagesWithTheScrollToken() {
        assertThat(taskIds(describe("{\"FileId\":\"" + uploads.get(1)[0] + "\"}"))).containsExactly(uploads.get(1)[1]);
        assertThat(taskIds(describe("{\"Status\":\"WAITING\"}"))).hasSize(3);
        assertThat(taskIds(describe("{\"Status\":\"FINISH\"}"))).isEmpty();

        JsonNode firstPage = describe("{\"Limit\":2,\"Sort\":{\"Field\":\"CreateTime\",\"Order\":\"Desc\"}}");
        assertThat(taskIds(firstPage)).containsExactly(uploads.get(2)[1], uploads.get(1)[1]);
        String token = firstPage.get("ScrollToken").asText();
        assertThat(token).as("the next flow's TaskId").isEqualTo(uploads.get(0)[1]);
        JsonNode secondPage = describe("{\"Limit\":2,\"ScrollToken\":\"" + token + "\"}");
        assertThat(taskIds(secondPage)).containsExactly(uploads.get(0)[1]);
        assertThat(secondPage.get("ScrollToken").asText()).isEmpty();
    }

    @Test
    void refusesWhatItCannotAnswer() {
        assertThat(api.call("DescribeTasks", "{\"Limit\":0}").errorCode()).isEqualTo("InvalidParameterValue.Limit");
        assertThat(api.call("DescribeTasks", "{\"Limit\":101}").errorCode()).isEqualTo("InvalidParameterValue.Limit");
        assertThat(api.call("DescribeTasks", "{\"Status\":\"DONE\"}").errorCode()).isEqualTo("InvalidParameterValue.Status");
        assertThat(api.call("DescribeTasks", "{\"CreateTime\":{\"After\":\"2030-01-01T00:00:00Z\"}}").errorCode())
                .isEqualTo("UnsupportedOperation");
        assertThat(api.call("DescribeTasks", "{\"Sort\":{\"Field\":\"FinishTime\"}}").errorCode()).isEqualTo("UnsupportedOperation");
    }

    private static JsonNode describe(String body) {
        Tc3TestClient.Answer answer = api.call("DescribeTasks", body);
        assertThat(answer.errorCode()).as(answer.body().toString()).isNull();
        return answer.response();
    }

    private static List<String> taskIds(JsonNode response) {
        List<String> ids = new ArrayList<>();
        response.get("TaskSet").forEach(task -> ids.add(task.get("TaskId").asText()));
        return ids;
    }
}
