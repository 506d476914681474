package io.openvod.server.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvod.platform.media.TestClips;
import io.openvod.platform.review.FrameScores;
import io.openvod.platform.review.NsfwjsSidecar;
import io.openvod.signature.TaskNotifyMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import io.openvod.server.testing.ReviewSidecar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Content review through the server's wiring with the real model: an FFmpeg test pattern uploaded
 * with the {@code Review} procedure passes with the confidence the nsfwjs sidecar gives its frames,
 * in the ProcedureStateChanged event and in DescribeTaskDetail alike; with
 * {@code TasksNotifyMode Change} every task change of {@code ReviewTranscodeCover} is reported.
 */
class ReviewFlowEndToEndTest {
    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    void ordinaryFootagePassesReviewWithTheModelsOwnConfidence() throws Exception {
        Path clip = TestClips.mp4(dir.resolve("clip.mp4"), Duration.ofSeconds(3), 640, 360);
        try (InProcessPlatform platform = InProcessPlatform.start(dir)) {
            String fileId = platform.upload(clip, "pattern", "mp4", b -> b.procedure("Review")).get("fileId").asText();
            String taskId = platform.taskIdOf(fileId);
            JsonNode event = platform.awaitFinish(fileId, FLOW_TIMEOUT);

            assertThat(event.get("TaskId").asText()).isEqualTo(taskId);
            assertThat(event.get("ErrCode").asInt()).isZero();
            assertThat(event.get("MediaProcessResultSet")).isEmpty();
            JsonNode reviews = event.get("AiContentReviewResultSet");
            assertThat(reviews).hasSize(1);
            assertThat(reviews.get(0).get("Type").asText()).isEqualTo("Porn");
            JsonNode porn = reviews.get(0).get("PornTask");
            assertThat(porn.get("Status").asText()).as(porn.toString()).isEqualTo("SUCCESS");
            assertThat(porn.get("ErrCode").asInt()).isZero();
            assertThat(porn.get("Progress").asInt()).isEqualTo(100);
            assertThat(porn.get("Input").get("Definition").asInt()).isEqualTo(10);
            JsonNode output = porn.get("Output");
            assertThat(output.get("Suggestion").asText()).isEqualTo("pass");
            assertThat(output.get("Label").asText()).isEmpty();
            assertThat(output.get("SegmentSet")).isEmpty();
            assertThat(output.has("SegmentSetFileUrl")).as("no segments, no segment file: left out").isFalse();
            assertThat(output.has("SegmentSetFileUrlExpireTime")).isFalse();
            assertThat(porn.has("BeginProcessTime")).as("a review task's model has no process times").isFalse();
            assertThat(output.get("Confidence").isNumber()).as(output.toString()).isTrue();
            double confidence = output.get("Confidence").asDouble();
            assertThat(confidence).isGreaterThanOrEqualTo(0).isLessThan(60);

            // The same frames, taken as the step takes them and classified by a sidecar of our own.
            List<FrameScores> scores = classifySampledFrames(clip);
            assertThat(scores).as("one frame every 2 s of a 3 s clip").hasSize(2);
            for (FrameScores frame : scores) {
                double sum = frame.probabilities().values().stream().mapToDouble(Double::doubleValue).sum();
                assertThat(sum).as("the model's probabilities of a frame").isCloseTo(1, within(0.01));
            }
            double expected = scores.stream().mapToDouble(f -> Math.round(Math.max(f.porn(), f.sexy()) * 10000) / 100.0).max()
                    .orElseThrow();
            assertThat(confidence).as("the highest-scoring frame's confidence").isCloseTo(expected, within(0.011));
            System.out.printf("review of a test pattern: Confidence %.2f, frames %s%n", confidence, scores);

            JsonNode detail = platform.describeTaskDetail(taskId);
            assertThat(detail.get("TaskType").asText()).isEqualTo("Procedure");
            assertThat(detail.get("Status").asText()).isEqualTo("FINISH");
            assertThat(detail.get("ProcedureTask").get("AiContentReviewResultSet")).isEqualTo(reviews);
            assertThat(detail.get("ProcedureTask")).isEqualTo(event);
        }
    }

    @Test
    void changeModeReportsEachTaskOfReviewTranscodeCover() throws Exception {
        Path clip = TestClips.mp4(dir.resolve("clip.mp4"), Duration.ofSeconds(3), 640, 360);
        try (InProcessPlatform platform = InProcessPlatform.start(dir)) {
            String fileId = platform.upload(clip, "pattern", "mp4",
                    b -> b.procedure("ReviewTranscodeCover").taskNotifyMode(TaskNotifyMode.Change)).get("fileId").asText();
            String taskId = platform.taskIdOf(fileId);
            JsonNode finish = platform.awaitFinish(fileId, FLOW_TIMEOUT);
            List<JsonNode> events = platform.procedureEvents(fileId);

            // four tasks: each start and each finish is reported, the last finish as the flow's FINISH
            assertThat(events).extracting(e -> e.get("Status").asText()).containsExactly("PROCESSING", "PROCESSING", "PROCESSING",
                    "PROCESSING", "PROCESSING", "PROCESSING", "PROCESSING", "FINISH");
            assertThat(events).allSatisfy(e -> {
                assertThat(e.get("TaskId").asText()).isEqualTo(taskId);
                assertThat(e.get("TasksNotifyMode").asText()).isEqualTo("Change");
            });
            List<Long> done = new ArrayList<>();
            for (JsonNode e : events) {
                done.add(subTasks(e).stream().filter(t -> t.get("Status").asText().equals("SUCCESS")).count());
            }
            assertThat(done).as("tasks done, event by event").isSorted().endsWith(4L);
            assertThat(done.getFirst()).isZero();
            assertThat(subTasks(finish)).extracting(t -> t.get("Status").asText()).containsOnly("SUCCESS");
            assertThat(finish.get("AiContentReviewResultSet").get(0).get("PornTask").get("Output").get("Suggestion").asText())
                    .isEqualTo("pass");
            assertThat(finish.get("MediaProcessResultSet")).extracting(r -> r.get("Type").asText())
                    .containsExactly("Transcode", "Transcode", "CoverBySnapshot");
            assertThat(platform.describeTaskDetail(taskId).get("ProcedureTask")).isEqualTo(finish);
        }
    }

    @Test
    void theReviewAudioVideoTemplateRunsAsItsOwnTaskWithTheServersSteps() throws Exception {
        Path clip = TestClips.mp4(dir.resolve("clip.mp4"), Duration.ofSeconds(3), 640, 360);
        try (InProcessPlatform platform = InProcessPlatform.start(dir)) {
            String fileId = platform.upload(clip, "pattern", "mp4", b -> b.procedure("ReviewAudioVideo")).get("fileId").asText();
            JsonNode upload = InProcessPlatform.JSON.readTree(platform.events(fileId).getFirst().event().body()).get("FileUploadEvent");
            assertThat(upload.get("ProcedureTaskId").asText()).isEmpty();
            String taskId = upload.get("ReviewAudioVideoTaskId").asText();
            assertThat(taskId).contains("-ReviewAudioVideo-");

            JsonNode event = null;
            long deadline = System.nanoTime() + FLOW_TIMEOUT.toNanos();
            while (event == null && System.nanoTime() < deadline) {
                for (var stored : platform.events(fileId)) {
                    if (stored.event().eventType().equals("ReviewAudioVideoComplete")) {
                        event = InProcessPlatform.JSON.readTree(stored.event().body()).get("ReviewAudioVideoCompleteEvent");
                    }
                }
                Thread.sleep(100);
            }
            assertThat(event).as("a ReviewAudioVideoComplete event; the task: %s", platform.flow(taskId)).isNotNull();
            assertThat(event.get("TaskId").asText()).isEqualTo(taskId);
            assertThat(event.get("ErrCodeExt").asText()).as(event.toString()).isEmpty();
            assertThat(event.get("Output").get("Suggestion").asText()).as("ordinary footage, default thresholds").isEqualTo("pass");
            assertThat(event.get("Output").get("SegmentSet")).isEmpty();
            assertThat(platform.procedureEvents(fileId)).isEmpty();
            JsonNode detail = platform.describeTaskDetail(taskId);
            assertThat(detail.get("TaskType").asText()).isEqualTo("ReviewAudioVideo");
            assertThat(detail.get("ReviewAudioVideoTask")).isEqualTo(event);
        }
    }

    private static List<JsonNode> subTasks(JsonNode event) {
        List<JsonNode> tasks = new ArrayList<>();
        for (String set : List.of("MediaProcessResultSet", "AiContentReviewResultSet")) {
            event.get(set).forEach(r -> tasks.add(r.get(r.get("Type").asText() + "Task")));
        }
        return tasks;
    }

    /** Frames every 2 s from the start as PornReviewStep samples them, classified by a new sidecar. */
    private List<FrameScores> classifySampledFrames(Path clip) throws Exception {
        Path frames = Files.createDirectories(dir.resolve("frames"));
        TestClips.ffmpeg(frames.resolve("0.jpg"), List.of("-nostdin", "-v", "error", "-y", "-i", clip.toAbsolutePath().toString(),
                "-map", "0:v:0", "-vf", "select='isnan(prev_selected_t)+gte(t-prev_selected_t,1.999)'", "-fps_mode", "vfr",
                "-q:v", "3", "-start_number", "0", "-f", "image2", frames.resolve("%d.jpg").toString()));
        List<Path> jpegs = new ArrayList<>();
        for (int n = 0; Files.isRegularFile(frames.resolve(n + ".jpg")); n++) {
            jpegs.add(frames.resolve(n + ".jpg"));
        }
        try (NsfwjsSidecar sidecar = new NsfwjsSidecar(ReviewSidecar.directory(), "node")) {
            return sidecar.classify(jpegs);
        }
    }
}
