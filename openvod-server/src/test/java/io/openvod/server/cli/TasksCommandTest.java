package io.openvod.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.PlatformNode;
import io.openvod.platform.flow.FlowSettings;
import io.openvod.platform.flow.StepFailure;
import io.openvod.platform.flow.StepInput;
import io.openvod.platform.flow.TaskStep;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.Uploads;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code openvod tasks list|show|rerun} on a platform database with a flow whose task failed and one not started. */
class TasksCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.onPlatformDatabase(dir, args);
    }

    /** Every Transcode fails for good. */
    static final class BrokenTranscode implements TaskStep {
        @Override
        public String type() {
            return "Transcode";
        }

        @Override
        public ObjectNode run(StepInput input, ProgressListener progress) throws StepFailure {
            throw new StepFailure("FailedOperation.InvalidInput", "cannot decode", false);
        }
    }

    @Test
    void recentFlowsAreListedWithTheirStatusAndFilteredByFileAndStatus() throws Exception {
        String failing;
        String failingFile;
        String waiting;
        String waitingFile;
        try (PlatformFixture platform = PlatformFixture.start(dir, new PlatformNode.TaskFlows(List.of(new BrokenTranscode()),
                FlowSettings.defaults().withWorkers(0)))) {
            failingFile = Uploads.uploadSmall(platform, new byte[] {1}, b -> b.procedure("TranscodeCover")).get("fileId").asText();
            failing = procedureTaskId(platform, failingFile);
            var flows = platform.node().flows().flows();
            flows.startPending(10);
            var claim = flows.claim("cli-test", Duration.ofMinutes(1).toMillis()).orElseThrow();
            flows.fail(claim.task().id(), "cli-test", "FailedOperation.InvalidInput", "cannot decode");
            waitingFile = Uploads.uploadSmall(platform, new byte[] {2}, b -> b.procedure("TranscodeCover")).get("fileId").asText();
            waiting = procedureTaskId(platform, waitingFile);
        }

        CliRun list = run("tasks", "list");
        assertThat(list.status()).as(list.err()).isZero();
        assertThat(list.out()).contains("TASK ID", "FILE ID", "PROCEDURE", "STATUS", "CREATED", "FINISHED")
                .containsPattern(waiting + "\\s+" + waitingFile + "\\s+TranscodeCover\\s+WAITING\\s+0\\s")
                .containsPattern(failing + "\\s+" + failingFile + "\\s+TranscodeCover\\s+PROCESSING\\s+3 \\(1 failed\\)\\s+\\S+Z\\s+-");
        assertThat(list.out().indexOf(waiting)).as("newest first").isLessThan(list.out().indexOf(failing));
        assertThat(run("tasks", "list", "--file", failingFile).out()).contains(failing).doesNotContain(waiting);
        assertThat(run("tasks", "list", "--status", "waiting", "--limit", "5").out()).contains(waiting).doesNotContain(failing);
        assertThat(run("tasks", "list", "--limit", "1").out()).contains(waiting).doesNotContain(failing);
        assertThat(run("tasks", "list", "--status", "FINISH").out()).contains("(no task flow;");
        assertThat(run("tasks", "list", "--status", "DONE").status()).isEqualTo(2);
        assertThat(run("tasks", "list", "--limit", "0").status()).isEqualTo(2);
    }

    @Test
    void theColumnsHoldTheLongestTaskIdsAReviewFlowHas() throws Exception {
        String fileId;
        try (PlatformFixture platform = PlatformFixture.start(dir, new PlatformNode.TaskFlows(List.of(),
                FlowSettings.defaults().withWorkers(0)))) {
            fileId = Uploads.uploadSmall(platform, new byte[] {3}, b -> b.procedure("ReviewAudioVideoTranscodeCover"))
                    .get("fileId").asText();
        }

        List<String> lines = run("tasks", "list").out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1) + lines.get(2)).contains("-ReviewAudioVideo-", "-procedurev2-");
        int fileColumn = lines.getFirst().indexOf("FILE ID");
        for (String row : lines.subList(1, 3)) {
            assertThat(row.indexOf(fileId)).as("FILE ID under its header in: " + row).isEqualTo(fileColumn);
        }
        String reviewFlow = lines.stream().filter(l -> l.contains("-ReviewAudioVideo-")).findFirst().orElseThrow().split(" ")[0];
        CliRun show = run("tasks", "show", reviewFlow);
        assertThat(show.out()).as(show.err()).isNotEmpty();
        assertThat(show.out().lines().findFirst().orElseThrow())
                .isEqualTo(reviewFlow + " WAITING FileId " + fileId + " procedure - priority 0 notify Finish");
        assertThat(show.out()).containsPattern("\\s0 ReviewAudioVideo\\s+WAITING\\s+0\\s+0\\s");
    }

    private static String procedureTaskId(PlatformFixture platform, String fileId) throws Exception {
        return JSON.readTree(platform.node().catalog().events(fileId).getFirst().event().body())
                .get("FileUploadEvent").get("ProcedureTaskId").asText();
    }

    @Test
    void aFailedTaskIsShownAndQueuedAgain() throws Exception {
        String taskId;
        try (PlatformFixture platform = PlatformFixture.start(dir, new PlatformNode.TaskFlows(List.of(new BrokenTranscode()),
                FlowSettings.defaults().withWorkers(0)))) {
            String fileId = Uploads.uploadSmall(platform, new byte[] {1}, b -> b.procedure("TranscodeCover")).get("fileId").asText();
            taskId = JSON.readTree(platform.node().catalog().events(fileId).getFirst().event().body())
                    .get("FileUploadEvent").get("ProcedureTaskId").asText();
            var flows = platform.node().flows().flows();
            flows.startPending(10);
            var claim = flows.claim("cli-test", Duration.ofMinutes(1).toMillis()).orElseThrow();
            flows.fail(claim.task().id(), "cli-test", "FailedOperation.InvalidInput", "cannot decode");
        }

        CliRun show = run("tasks", "show", taskId);
        assertThat(show.status()).as(show.err()).isZero();
        assertThat(show.out()).contains(taskId + " PROCESSING")
                .containsPattern("0 Transcode\\s+FAIL\\s+0\\s+1\\s+FailedOperation.InvalidInput\\s+cannot decode")
                .containsPattern("1 Transcode\\s+WAITING");
        CliRun rerun = run("tasks", "rerun", taskId);
        assertThat(rerun.out()).contains("queued 1 failed task of " + taskId);
        assertThat(run("tasks", "show", taskId).out()).containsPattern("0 Transcode\\s+WAITING\\s+0\\s+0\\s+-");
        CliRun again = run("tasks", "rerun", taskId);
        assertThat(again.status()).isZero();
        assertThat(again.out()).contains("nothing to run again: " + taskId + " has no failed task");
        assertThat(run("tasks", "show", "no-such-task").status()).isEqualTo(4);
        assertThat(run("tasks", "rerun", "no-such-task").status()).isEqualTo(4);
    }
}
