package io.openvod.server.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvod.platform.flow.FlowTask;
import io.openvod.platform.flow.TaskFlow;
import io.openvod.platform.media.TestClips;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random bytes named {@code .mp4} with the {@code TranscodeCover} procedure, through the server's
 * wiring with the real FFmpeg steps: the upload commits, every task fails once with
 * Tencent's {@code SourceFileError.ContentMalformed} ({@code ErrCode} 60000) and a message, without
 * being tried again, and the event (without MetaData or Output, which are unknown) and
 * DescribeTaskDetail report it.
 */
class CorruptUploadFlowTest {
    @TempDir
    Path dir;

    @Test
    void aCorruptUploadCommitsAndItsTasksFailOnceWithContentMalformed() throws Exception {
        Path junk = TestClips.bytes(dir.resolve("junk.mp4"), 256 * 1024, 7);
        try (InProcessPlatform platform = InProcessPlatform.start(dir)) {
            JsonNode commit = platform.upload(junk, "junk", "mp4", b -> b.procedure("TranscodeCover"));
            String fileId = commit.get("fileId").asText();
            assertThat(platform.platform().node().catalog().find(fileId)).as("the upload is committed").isPresent();
            String taskId = platform.taskIdOf(fileId);
            JsonNode event = platform.awaitFinish(fileId, Duration.ofSeconds(60));

            assertThat(event.get("TaskId").asText()).isEqualTo(taskId);
            JsonNode results = event.get("MediaProcessResultSet");
            assertThat(results).extracting(r -> r.get("Type").asText()).containsExactly("Transcode", "Transcode", "CoverBySnapshot");
            for (JsonNode result : results) {
                JsonNode task = result.get(result.get("Type").asText() + "Task");
                assertThat(task.get("Status").asText()).as(task.toString()).isEqualTo("FAIL");
                assertThat(task.get("ErrCode").asInt()).isEqualTo(60000);
                assertThat(task.get("ErrCodeExt").asText()).isEqualTo("SourceFileError.ContentMalformed");
                assertThat(task.get("Message").asText()).as("what could not be read, and why")
                        .matches("ffprobe cannot read \\S+\\.mp4: .*moov atom not found.*");
                assertThat(task.has("Output")).isFalse();
            }
            assertThat(event.has("MetaData")).as("unknown, so left out").isFalse();

            TaskFlow flow = platform.flow(taskId);
            assertThat(flow.tasks()).extracting(FlowTask::attempts).as("not retried").containsOnly(1);
            Thread.sleep(1500);
            assertThat(platform.flow(taskId).tasks()).extracting(FlowTask::attempts).as("still not retried").containsOnly(1);
            List<JsonNode> events = platform.procedureEvents(fileId);
            assertThat(events).as("one report of the flow (Finish mode)").hasSize(1);

            JsonNode detail = platform.describeTaskDetail(taskId);
            assertThat(detail.get("Status").asText()).isEqualTo("FINISH");
            assertThat(detail.get("ProcedureTask")).isEqualTo(event);
        }
    }
}
