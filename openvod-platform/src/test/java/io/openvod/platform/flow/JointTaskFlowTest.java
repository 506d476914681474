package io.openvod.platform.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.PlatformNode;
import io.openvod.platform.catalog.StoredEvent;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.Uploads;
import io.openvod.signature.SignatureParameters;
import io.openvod.signature.TaskNotifyMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tasks of a flow that a {@link JointStep} joins run together and are recorded one by one as if
 * each had run alone; what a joint run gives back, fails or crashes on runs (again) alone.
 */
class JointTaskFlowTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] BODY = "not really a video, the fake steps do not read it".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    /** Joins Transcode tasks; records the Definitions of each run; answers with {@link #answer} or throws {@link #failure}. */
    static final class FakeLadder implements JointStep {
        final List<List<Long>> runs = new CopyOnWriteArrayList<>();
        volatile Function<List<Task>, List<Result>> answer = tasks -> tasks.stream().<Result>map(t -> new Result.Done(output(t.input())))
                .toList();
        volatile StepFailure failure;

        @Override
        public boolean joins(String type, ObjectNode input) {
            return type.equals("Transcode");
        }

        @Override
        public List<Result> run(List<Task> tasks, TaskStep.ProgressListener progress) throws StepFailure {
            runs.add(tasks.stream().map(t -> t.input().taskInput().path("Definition").asLong()).toList());
            assertThat(tasks).extracting(Task::type).containsOnly("Transcode");
            assertThat(tasks).extracting(t -> t.input().source()).as("one source, read once").containsOnly(tasks.getFirst().input().source());
            assertThat(Files.isReadable(tasks.getFirst().input().source())).isTrue();
            assertThat(new HashSet<>(tasks.stream().map(t -> t.input().workDir()).toList())).as("a work directory each").hasSize(tasks.size());
            progress.progress(50);
            if (failure != null) {
                throw failure;
            }
            return answer.apply(tasks);
        }

        static ObjectNode output(StepInput input) {
            long definition = input.taskInput().path("Definition").asLong();
            ObjectNode out = JSON.createObjectNode();
            out.put("Url", input.outputs().url("transcode/" + definition + ".mp4"));
            out.put("Definition", definition);
            out.put("Joint", true);
            return out;
        }
    }

    private static FlowSettings fast(int workers) {
        return new FlowSettings(workers, Duration.ofSeconds(3), Duration.ofMillis(100), Duration.ofSeconds(30), 3, Duration.ofMillis(50),
                Duration.ofMillis(50), Path.of(System.getProperty("java.io.tmpdir")));
    }

    private PlatformFixture platform(int workers, FakeLadder ladder, TaskStep... steps) {
        return PlatformFixture.start(dir, new PlatformNode.TaskFlows(List.of(steps), List.of(ladder), fast(workers)));
    }

    private static String upload(PlatformFixture platform, UnaryOperator<SignatureParameters.Builder> signature) throws Exception {
        String fileId = Uploads.uploadSmall(platform, BODY, signature).get("fileId").asText();
        JsonNode event = JSON.readTree(platform.node().catalog().events(fileId).getFirst().event().body());
        return event.get("FileUploadEvent").get("ProcedureTaskId").asText();
    }

    private static TaskFlow awaitFinish(PlatformFixture platform, String taskId) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            Optional<TaskFlow> flow = platform.node().flows().flows().find(taskId);
            if (flow.isPresent() && flow.get().status().equals("FINISH")) {
                return flow.get();
            }
            Thread.sleep(25);
        }
        throw new AssertionError("flow " + taskId + " did not finish: " + platform.node().flows().flows().find(taskId));
    }

    private static List<JsonNode> procedureEvents(PlatformFixture platform, TaskFlow flow) throws Exception {
        List<JsonNode> bodies = new ArrayList<>();
        for (StoredEvent e : platform.node().catalog().events(flow.fileId())) {
            if (e.event().eventType().equals("ProcedureStateChanged")) {
                bodies.add(JSON.readTree(e.event().body()).get("ProcedureStateChangeEvent"));
            }
        }
        return bodies;
    }

    private static List<FlowTask> transcodes(TaskFlow flow) {
        return flow.tasks().stream().filter(t -> t.type().equals("Transcode")).toList();
    }

    @Test
    void theTranscodesOfAFlowRunTogetherAndEachIsReportedAsItsOwnTask() throws Exception {
        FakeLadder ladder = new FakeLadder();
        TaskFlowEngineTest.FixedStep transcode = new TaskFlowEngineTest.FixedStep("Transcode");
        try (PlatformFixture platform = platform(2, ladder, transcode, new TaskFlowEngineTest.CoverStep())) {
            TaskFlow flow = awaitFinish(platform, upload(platform, b -> b.procedure("LongVideoPreset")));

            assertThat(ladder.runs).containsExactly(List.of(100010L, 100020L, 100030L));
            assertThat(transcode.runs.get()).as("no transcode ran alone").isZero();
            assertThat(flow.tasks()).extracting(FlowTask::status).containsOnly("SUCCESS");
            assertThat(flow.tasks()).extracting(FlowTask::attempts).containsOnly(1);
            assertThat(transcodes(flow)).extracting(FlowTask::beginTime).as("claimed together").containsOnly(
                    transcodes(flow).getFirst().beginTime());

            List<JsonNode> events = procedureEvents(platform, flow);
            assertThat(events).singleElement().satisfies(event -> {
                JsonNode results = event.get("MediaProcessResultSet");
                assertThat(results).hasSize(4);
                for (int i = 0; i < 3; i++) {
                    JsonNode task = results.get(i).get("TranscodeTask");
                    long definition = 100010L + 10 * i;
                    assertThat(task.get("Status").asText()).isEqualTo("SUCCESS");
                    assertThat(task.get("Progress").asInt()).isEqualTo(100);
                    assertThat(task.get("Input").get("Definition").asLong()).isEqualTo(definition);
                    assertThat(task.get("Output").get("Definition").asLong()).isEqualTo(definition);
                    assertThat(task.get("Output").get("Url").asText()).endsWith("/" + flow.fileId() + "/transcode/" + definition + ".mp4");
                    assertThat(task.get("Output").get("Joint").asBoolean()).isTrue();
                }
                assertThat(results.get(3).get("CoverBySnapshotTask").get("Status").asText()).isEqualTo("SUCCESS");
            });
        }
    }

    @Test
    void changeModeStillReportsEachTasksStartAndEnd() throws Exception {
        FakeLadder ladder = new FakeLadder();
        try (PlatformFixture platform = platform(1, ladder, new TaskFlowEngineTest.FixedStep("Transcode"),
                new TaskFlowEngineTest.CoverStep())) {
            TaskFlow flow = awaitFinish(platform, upload(platform, b -> b.procedure("TranscodeCover").taskNotifyMode(TaskNotifyMode.Change)));

            assertThat(ladder.runs).hasSize(1);
            // as alone: three tasks started, three ended, the last of them the FINISH snapshot
            assertThat(procedureEvents(platform, flow)).extracting(e -> e.get("Status").asText())
                    .containsExactly("PROCESSING", "PROCESSING", "PROCESSING", "PROCESSING", "PROCESSING", "FINISH");
        }
    }

    @Test
    void aFlowWithOneTaskTheLadderJoinsRunsItAlone() throws Exception {
        FakeLadder ladder = new FakeLadder();
        TaskFlowEngineTest.FixedStep transcode = new TaskFlowEngineTest.FixedStep("Transcode");
        try (PlatformFixture platform = platform(2, ladder, transcode, new TaskFlowEngineTest.CoverStep())) {
            ObjectNode media = JSON.createObjectNode();
            media.putArray("TranscodeTaskSet").addObject().put("Definition", 100030);
            media.putArray("CoverBySnapshotTaskSet").addObject().put("Definition", 10);
            assertThat(platform.stores().procedures().create(PlatformFixture.APP_ID, "OneTranscode", "", Optional.of(media),
                    Optional.empty(), Optional.empty())).isEmpty();

            TaskFlow flow = awaitFinish(platform, upload(platform, b -> b.procedure("OneTranscode")));

            assertThat(ladder.runs).isEmpty();
            assertThat(transcode.runs.get()).isEqualTo(1);
            assertThat(flow.tasks()).extracting(FlowTask::status).containsExactly("SUCCESS", "SUCCESS");
        }
    }

    @Test
    void aTaskTheLadderGivesBackRunsAloneInTheSameAttempt() throws Exception {
        FakeLadder ladder = new FakeLadder();
        ladder.answer = tasks -> List.of(new JointStep.Result.Alone(), new JointStep.Result.Done(FakeLadder.output(tasks.get(1).input())));
        TaskFlowEngineTest.FixedStep transcode = new TaskFlowEngineTest.FixedStep("Transcode");
        try (PlatformFixture platform = platform(2, ladder, transcode, new TaskFlowEngineTest.CoverStep())) {
            TaskFlow flow = awaitFinish(platform, upload(platform, b -> b.procedure("TranscodeCover")));

            assertThat(ladder.runs).hasSize(1);
            assertThat(transcode.runs.get()).isEqualTo(1);
            assertThat(transcodes(flow)).extracting(FlowTask::status).containsOnly("SUCCESS");
            assertThat(transcodes(flow)).extracting(FlowTask::attempts).containsOnly(1);
            assertThat(transcodes(flow)).extracting(t -> FlowJson.object(t.output().orElseThrow()).path("Joint").asBoolean())
                    .containsExactly(false, true);
        }
    }

    @Test
    void aTaskWhoseFilesCouldNotBeStoredIsRetriedAloneWhileTheOthersSucceed() throws Exception {
        FakeLadder ladder = new FakeLadder();
        ladder.answer = tasks -> List.of(new JointStep.Result.Done(FakeLadder.output(tasks.get(0).input())),
                new JointStep.Result.Failed(new java.io.UncheckedIOException(new java.io.IOException("disk full"))));
        TaskFlowEngineTest.FixedStep transcode = new TaskFlowEngineTest.FixedStep("Transcode");
        try (PlatformFixture platform = platform(2, ladder, transcode, new TaskFlowEngineTest.CoverStep())) {
            TaskFlow flow = awaitFinish(platform, upload(platform, b -> b.procedure("TranscodeCover")));

            assertThat(ladder.runs).hasSize(1);
            assertThat(transcode.runs.get()).as("the failed one, retried alone").isEqualTo(1);
            assertThat(transcodes(flow)).extracting(FlowTask::status).containsOnly("SUCCESS");
            assertThat(transcodes(flow)).extracting(FlowTask::attempts).containsExactly(1, 2);
        }
    }

    @Test
    void aJointRunThatCrashedIsRetriedTaskByTaskAlone() throws Exception {
        FakeLadder ladder = new FakeLadder();
        ladder.failure = new StepFailure(TaskErrors.INTERNAL, "ffmpeg crashed (signal 9)", true);
        TaskFlowEngineTest.FixedStep transcode = new TaskFlowEngineTest.FixedStep("Transcode");
        try (PlatformFixture platform = platform(2, ladder, transcode, new TaskFlowEngineTest.CoverStep())) {
            TaskFlow flow = awaitFinish(platform, upload(platform, b -> b.procedure("LongVideoPreset")));

            assertThat(ladder.runs).as("a retried task is never joined again").hasSize(1);
            assertThat(transcode.runs.get()).isEqualTo(3);
            assertThat(transcodes(flow)).extracting(FlowTask::status).containsOnly("SUCCESS");
            assertThat(transcodes(flow)).extracting(FlowTask::attempts).containsOnly(2);
        }
    }

    @Test
    void aJointRunThatFailedForGoodFailsEachTaskAsItsStepWould() throws Exception {
        FakeLadder ladder = new FakeLadder();
        ladder.failure = new StepFailure(TaskErrors.SOURCE_MALFORMED, "ffprobe cannot read small", false);
        TaskFlowEngineTest.FixedStep transcode = new TaskFlowEngineTest.FixedStep("Transcode");
        try (PlatformFixture platform = platform(2, ladder, transcode, new TaskFlowEngineTest.CoverStep())) {
            TaskFlow flow = awaitFinish(platform, upload(platform, b -> b.procedure("TranscodeCover")));

            assertThat(transcode.runs.get()).isZero();
            assertThat(transcodes(flow)).allSatisfy(task -> {
                assertThat(task.status()).isEqualTo("FAIL");
                assertThat(task.attempts()).isEqualTo(1);
                assertThat(task.errCodeExt()).isEqualTo(TaskErrors.SOURCE_MALFORMED);
                assertThat(task.message()).isEqualTo("ffprobe cannot read small");
            });
            assertThat(flow.tasks().get(2).status()).isEqualTo("SUCCESS");
        }
    }
}
