package io.openvod.platform.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.platform.PlatformNode;
import io.openvod.platform.catalog.StoredEvent;
import io.openvod.platform.events.EventTimes;
import io.openvod.platform.flow.steps.AdaptiveDynamicStreamingStep;
import io.openvod.platform.flow.steps.CoverBySnapshotStep;
import io.openvod.platform.flow.steps.PornReviewStep;
import io.openvod.platform.flow.steps.ReviewAudioVideoStep;
import io.openvod.platform.flow.steps.SampleSnapshotStep;
import io.openvod.platform.flow.steps.SnapshotByTimeOffsetStep;
import io.openvod.platform.flow.steps.TranscodeStep;
import io.openvod.platform.media.FfmpegTools;
import io.openvod.platform.media.TestClips;
import io.openvod.platform.review.ContentReviewer;
import io.openvod.platform.review.FrameScores;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.Tc3TestClient;
import io.openvod.platform.testing.Uploads;
import io.openvod.signature.TaskNotifyMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The task-flow events the platform writes, checked against the shared event spec's models
 * ({@link EventSpecModel}): {@code ProcedureStateChanged} with a result of every task type the
 * platform runs, in Finish and Change mode, for readable, unreadable and empty uploads, and
 * {@code ReviewAudioVideoComplete}. Real FFmpeg steps; the classifier is a stand-in that scores
 * every frame 70% {@code sexy}, so that reviews have segments without blocking the media.
 */
class FlowEventsSpecTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ContentReviewer SUGGESTIVE = jpegs -> jpegs.stream()
            .map(j -> new FrameScores(Map.of(FrameScores.SEXY, 0.70, FrameScores.NEUTRAL, 0.30))).toList();

    @TempDir
    static Path dir;
    static PlatformFixture platform;
    static Tc3TestClient api;
    static byte[] clip;
    static byte[] junk;

    @BeforeAll
    static void start() throws Exception {
        clip = Files.readAllBytes(TestClips.mp4(dir.resolve("clip.mp4"), Duration.ofSeconds(3), 320, 240));
        junk = Files.readAllBytes(TestClips.bytes(dir.resolve("junk.mp4"), 64 * 1024, 11));
        FfmpegTools ffmpeg = FfmpegTools.bundled();
        FlowSettings settings = new FlowSettings(2, Duration.ofSeconds(10), Duration.ofMillis(200), Duration.ofSeconds(90), 2,
                Duration.ofMillis(100), Duration.ofMillis(100), dir);
        platform = PlatformFixture.start(dir.resolve("platform"), new PlatformNode.TaskFlows(List.of(new TranscodeStep(ffmpeg),
                new SnapshotByTimeOffsetStep(ffmpeg), new SampleSnapshotStep(ffmpeg), new CoverBySnapshotStep(ffmpeg),
                new AdaptiveDynamicStreamingStep(ffmpeg), new PornReviewStep(ffmpeg, SUGGESTIVE),
                new ReviewAudioVideoStep(ffmpeg, SUGGESTIVE)), settings));
        api = new Tc3TestClient(platform.url(), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void aFlowWithEveryTaskTypeIsReportedAsTheSpecModelsIt() throws Exception {
        String fileId = Uploads.uploadSmall(platform, clip, b -> b).get("fileId").asText();
        Tc3TestClient.Answer answer = api.call("ProcessMedia", """
                {"FileId":"%s","MediaProcessTask":{
                   "TranscodeTaskSet":[{"Definition":100010,"WatermarkSet":[]}],
                   "SnapshotByTimeOffsetTaskSet":[{"Definition":10,"ExtTimeOffsetSet":["1s"]}],
                   "SampleSnapshotTaskSet":[{"Definition":10}],
                   "CoverBySnapshotTaskSet":[{"Definition":10,"PositionType":"Time","PositionValue":0,"WatermarkSet":[]}],
                   "AdaptiveDynamicStreamingTaskSet":[{"Definition":10}]},
                 "AiContentReviewTask":{"Definition":10}}""".formatted(fileId));
        assertThat(answer.errorCode()).as(answer.body().toString()).isNull();
        JsonNode event = awaitFinish(fileId, answer.response().get("TaskId").asText());

        assertThat(EventSpecModel.procedureTaskViolations(event)).as(event.toPrettyString()).isEmpty();
        assertThat(event.get("MediaProcessResultSet")).extracting(r -> r.get("Type").asText())
                .containsExactly("Transcode", "SnapshotByTimeOffset", "SampleSnapshot", "CoverBySnapshot", "AdaptiveDynamicStreaming");
        assertThat(event.get("AiContentReviewResultSet")).extracting(r -> r.get("Type").asText()).containsExactly("Porn");
        assertThat(event.has("MetaData")).as("the media's metadata").isTrue();
        assertThat(event.get("TasksNotifyMode").asText()).as("no TasksNotifyMode in the request: Tencent sends \"\"").isEmpty();
        for (JsonNode task : subTasks(event)) {
            assertThat(task.get("Status").asText()).as(task.toString()).isEqualTo("SUCCESS");
            assertThat(task.get("ErrCode").asLong()).isZero();
            assertThat(task.get("ErrCodeExt").asText()).isEmpty();
            assertThat(task.has("Output")).isTrue();
        }
        JsonNode cover = event.get("MediaProcessResultSet").get(3).get("CoverBySnapshotTask");
        assertThat(cover.get("BeginProcessTime").asText()).as("§6.2: every media-processing task has the times")
                .matches(EventSpecModel.TIME).isNotEqualTo(ProcedureEvents.NO_TIME);
        assertThat(cover.get("FinishTime").asText()).matches(EventSpecModel.TIME).isNotEqualTo(ProcedureEvents.NO_TIME);
        JsonNode porn = event.get("AiContentReviewResultSet").get(0).get("PornTask");
        assertThat(porn.has("BeginProcessTime") || porn.has("FinishTime")).as("§6.3: a review task has no times").isFalse();
        JsonNode output = porn.get("Output");
        assertThat(output.get("Suggestion").asText()).isEqualTo("review");
        assertThat(output.get("SegmentSet")).isNotEmpty();
        assertThat(output.get("SegmentSetFileUrl").asText()).startsWith("http");
        assertThat(output.get("SegmentSetFileUrlExpireTime").asText()).as("stored files never expire").isEqualTo(EventTimes.NEVER);
        assertThat(output.get("SegmentSet").get(0).get("PicUrlExpireTime").asText()).isEqualTo(EventTimes.NEVER);
        assertThat(output.get("SegmentSet").get(0).get("PicUrlExpireTimeStamp").asLong()).isEqualTo(EventTimes.NEVER_SECONDS);

        JsonNode detail = api.call("DescribeTaskDetail", "{\"TaskId\":\"" + event.get("TaskId").asText() + "\"}").response();
        assertThat(detail.get("ProcedureTask")).as("DescribeTaskDetail's ProcedureTask is the event's").isEqualTo(event);
    }

    @Test
    void changeModeSnapshotsAndANamedModeAreReportedAsTheSpecModelsThem() throws Exception {
        JsonNode commit = Uploads.uploadSmall(platform, clip, b -> b.procedure("TranscodeCover").taskNotifyMode(TaskNotifyMode.Change));
        String fileId = commit.get("fileId").asText();
        JsonNode finished = awaitFinish(fileId, procedureTaskId(fileId));
        List<JsonNode> events = procedureEvents(fileId, finished.get("TaskId").asText());
        assertThat(events).extracting(e -> e.get("Status").asText()).contains("PROCESSING").endsWith("FINISH");
        for (JsonNode event : events) {
            assertThat(EventSpecModel.procedureTaskViolations(event)).as(event.toPrettyString()).isEmpty();
            assertThat(event.get("TasksNotifyMode").asText()).isEqualTo("Change");
            for (JsonNode task : subTasks(event)) {
                assertThat(task.has("Output")).as("an Output only once the task succeeded: " + task)
                        .isEqualTo(task.get("Status").asText().equals("SUCCESS"));
            }
        }

        String other = Uploads.uploadSmall(platform, clip, b -> b).get("fileId").asText();
        String taskId = api.call("ProcessMedia", """
                {"FileId":"%s","MediaProcessTask":{"CoverBySnapshotTaskSet":[{"Definition":10}]},"TasksNotifyMode":"Finish"}"""
                .formatted(other)).response().get("TaskId").asText();
        assertThat(awaitFinish(other, taskId).get("TasksNotifyMode").asText()).as("a named mode is reported").isEqualTo("Finish");
    }

    @Test
    void unreadableInputFailsWithSourceFileErrorContentMalformedAndNoMetaData() throws Exception {
        String fileId = Uploads.uploadSmall(platform, junk, b -> b.procedure("ReviewTranscodeCover")).get("fileId").asText();
        JsonNode event = awaitFinish(fileId, procedureTaskId(fileId));

        assertThat(EventSpecModel.procedureTaskViolations(event)).as(event.toPrettyString()).isEmpty();
        assertThat(event.has("MetaData")).as("unknown metadata is left out, not null").isFalse();
        assertThat(event.get("TasksNotifyMode").asText()).as("the signature named no mode").isEmpty();
        assertThat(event.get("ErrCode").asLong()).as("the flow's own ErrCode (§6.1)").isZero();
        List<JsonNode> tasks = subTasks(event);
        assertThat(tasks).hasSize(4);
        for (JsonNode task : tasks) {
            assertThat(task.get("Status").asText()).as(task.toString()).isEqualTo("FAIL");
            assertThat(task.get("ErrCodeExt").asText()).isEqualTo("SourceFileError.ContentMalformed");
            assertThat(task.get("ErrCode").asLong()).as("60000: source file error").isEqualTo(60000);
            assertThat(task.get("Message").asText()).matches("ffprobe cannot read \\S+: .+");
            assertThat(task.has("Output")).isFalse();
        }
    }

    @Test
    void anEmptyFileNeverReachesATaskFlow() {
        // Apply refuses an empty file (10001) and Commit an empty object (UploadRejectionsHttpTest), so
        // no flow is asked to read one; the flow's own empty-input report (SourceFileError.ContentMalformed,
        // "is empty (0 bytes)") stays for an object lost in storage.
        JsonNode refused = platform.ugc("ApplyUploadUGC", Uploads.applyBody(platform.signature(b -> b.procedure("TranscodeCover")),
                "empty", "mp4", 0));
        assertThat(refused.get("code").asInt()).as(refused.toString()).isEqualTo(10001);
        assertThat(refused.get("message").asText()).contains("videoSize is 0");
    }

    @Test
    void reviewAudioVideoCompleteIsReportedAsTheSpecModelsIt() throws Exception {
        String fileId = Uploads.uploadSmall(platform, clip, b -> b.procedure("ReviewAudioVideo")).get("fileId").asText();
        JsonNode done = awaitReview(fileId);
        assertThat(EventSpecModel.violations(done, EventSpecModel.REVIEW_AUDIO_VIDEO_TASK, "ReviewAudioVideoTask"))
                .as(done.toPrettyString()).isEmpty();
        assertThat(done.has("ErrCode")).as("§7.1: the model has no numeric ErrCode").isFalse();
        assertThat(done.get("ErrCodeExt").asText()).isEmpty();
        assertThat(done.get("Output").get("SegmentSetFileUrlExpireTime").asText()).isEqualTo(EventTimes.NEVER);
        assertThat(done.get("Output").get("SegmentSet").get(0).get("PicUrlExpireTime").asText()).isEqualTo(EventTimes.NEVER);

        String unreadable = Uploads.uploadSmall(platform, junk, b -> b.procedure("ReviewAudioVideo")).get("fileId").asText();
        JsonNode failed = awaitReview(unreadable);
        assertThat(EventSpecModel.violations(failed, EventSpecModel.REVIEW_AUDIO_VIDEO_TASK, "ReviewAudioVideoTask"))
                .as(failed.toPrettyString()).isEmpty();
        assertThat(failed.get("ErrCodeExt").asText()).isEqualTo("SourceFileError.ContentMalformed");
        assertThat(failed.has("Output")).isFalse();
    }

    @Test
    void everyErrCodeExtSentIsOnTencentsVideoProcessingErrorList() {
        List<String> codes = List.of(TaskErrors.SOURCE_MALFORMED, TaskErrors.SOURCE_UNSUPPORTED, TaskErrors.NO_VIDEO,
                TaskErrors.SOURCE_GONE, TaskErrors.DEFINITION_NOT_EXIST, TaskErrors.CONFIGURATION_UNSUPPORTED, TaskErrors.INTERNAL,
                TaskErrors.REVIEW_UNAVAILABLE, TaskErrors.TIMEOUT, FlowEngine.UNSUPPORTED_TYPE, FlowEngine.MEDIA_GONE, FlowEngine.TOO_LONG,
                ContentReviewer.UNAVAILABLE, ContentReviewer.INVALID_INPUT);
        for (String code : codes) {
            assertThat(TaskErrors.errCodeExt(code)).as(code).isIn(EventSpecModel.VIDEO_PROCESSING_ERROR_CODES);
        }
        assertThat(TaskErrors.errCodeExt(TaskErrors.REVIEW_UNAVAILABLE)).isEqualTo("InternalError");
        assertThat(TaskErrors.errCodeExt(TaskErrors.TIMEOUT)).isEqualTo("InternalError");
        assertThat(TaskErrors.errCode(TaskErrors.SOURCE_MALFORMED)).isEqualTo(60000);
        assertThat(TaskErrors.errCode(TaskErrors.DEFINITION_NOT_EXIST)).isEqualTo(40000);
        assertThat(TaskErrors.errCode(TaskErrors.REVIEW_UNAVAILABLE)).isEqualTo(70000);
        assertThat(TaskErrors.errCodeExt("FailedOperation.InvalidInput")).as("a task stored before").isEqualTo(TaskErrors.SOURCE_MALFORMED);
        assertThat(TaskErrors.errCode("FailedOperation.InvalidInput")).isEqualTo(60000);
        assertThat(TaskErrors.errCodeExt("InvalidParameterValue.Definition")).isEqualTo(TaskErrors.DEFINITION_NOT_EXIST);
        assertThat(TaskErrors.errCode("")).isZero();
        assertThat(TaskErrors.errCodeExt("")).isEmpty();
    }

    /** The check itself: the shape the platform sent before (nulls, times on a review, "" times, -1) does not pass. */
    @Test
    void theCheckRefusesWhatDepartsFromTheSpec() throws Exception {
        JsonNode old = JSON.readTree("""
                {"TaskId":"t","Status":"FINISH","ErrCode":0,"Message":"SUCCESS","FileId":"1","FileName":"n","FileUrl":"u",
                 "MetaData":null,
                 "MediaProcessResultSet":[{"Type":"CoverBySnapshot","CoverBySnapshotTask":{"Status":"FAIL","ErrCode":-1,
                   "ErrCodeExt":"FailedOperation.InvalidInput","Message":"m","Progress":0,"BeginProcessTime":"2024-03-18T02:15:45Z",
                   "FinishTime":"2024-03-18T02:15:46Z","Input":{"Definition":10},"Output":null}}],
                 "AiContentReviewResultSet":[{"Type":"Porn","PornTask":{"Status":"SUCCESS","ErrCode":0,"ErrCodeExt":"",
                   "Message":"SUCCESS","Progress":100,"BeginProcessTime":"2024-03-18T02:15:45Z","FinishTime":"2024-03-18T02:15:46Z",
                   "Input":{"Definition":10},"Output":{"Confidence":70,"Suggestion":"review","Label":"sexy","SegmentSet":[],
                   "SegmentSetFileUrl":"","SegmentSetFileUrlExpireTime":""}}}],
                 "AiAnalysisResultSet":[],"AiRecognitionResultSet":[],"TasksPriority":"0","TasksNotifyMode":"Finish",
                 "SessionContext":"","SessionId":"","Extra":1}""");
        assertThat(EventSpecModel.procedureTaskViolations(old)).containsExactlyInAnyOrder(
                "ProcedureTask.MetaData: null is sent (absent values are left out)",
                "ProcedureTask.TasksPriority: a INTEGER in the spec, not \"0\"",
                "ProcedureTask.Extra: not a field of ProcedureTask",
                "MediaProcessResultSet[0].CoverBySnapshotTask.ErrCode: -1 is not one of " + EventSpecModel.ERR_CODE,
                "MediaProcessResultSet[0].CoverBySnapshotTask.ErrCodeExt: \"FailedOperation.InvalidInput\" is not one of "
                        + EventSpecModel.ERR_CODE_EXT,
                "MediaProcessResultSet[0].CoverBySnapshotTask.Output: null is sent (absent values are left out)",
                "AiContentReviewResultSet[0].PornTask.BeginProcessTime: not a field of PornTask",
                "AiContentReviewResultSet[0].PornTask.FinishTime: not a field of PornTask",
                "AiContentReviewResultSet[0].PornTask.Output.SegmentSetFileUrlExpireTime: a TIME in the spec, not \"\"");
        JsonNode review = JSON.readTree("""
                {"TaskId":"t","Status":"FINISH","ErrCode":-1,"ErrCodeExt":"InternalError","Message":"m",
                 "Input":{"FileId":"1","Definition":10,"ReviewContents":["Media"]},"SessionId":"","SessionContext":""}""");
        assertThat(EventSpecModel.violations(review, EventSpecModel.REVIEW_AUDIO_VIDEO_TASK, "ReviewAudioVideoTask"))
                .containsExactly("ReviewAudioVideoTask.ErrCode: not a field of ReviewAudioVideoTask");
    }

    private static List<JsonNode> subTasks(JsonNode event) {
        List<JsonNode> tasks = new ArrayList<>();
        for (String set : List.of("MediaProcessResultSet", "AiContentReviewResultSet")) {
            for (JsonNode result : event.get(set)) {
                tasks.add(result.get(ProcedureEvents.resultField(result.get("Type").asText())));
            }
        }
        return tasks;
    }

    private static String procedureTaskId(String fileId) throws Exception {
        for (StoredEvent e : platform.node().catalog().events(fileId)) {
            if (e.event().eventType().equals("NewFileUpload")) {
                return JSON.readTree(e.event().body()).get("FileUploadEvent").get("ProcedureTaskId").asText();
            }
        }
        throw new AssertionError("no NewFileUpload for " + fileId);
    }

    private static List<JsonNode> procedureEvents(String fileId, String taskId) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (StoredEvent e : platform.node().catalog().events(fileId)) {
            if (e.event().eventType().equals(ProcedureEvents.PROCEDURE_STATE_CHANGED)) {
                JsonNode body = JSON.readTree(e.event().body()).get("ProcedureStateChangeEvent");
                if (body.get("TaskId").asText().equals(taskId)) {
                    events.add(body);
                }
            }
        }
        return events;
    }

    private static JsonNode awaitFinish(String fileId, String taskId) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < until) {
            Optional<JsonNode> done = procedureEvents(fileId, taskId).stream()
                    .filter(e -> e.get("Status").asText().equals("FINISH")).findFirst();
            if (done.isPresent()) {
                return done.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("flow " + taskId + " did not finish");
    }

    private static JsonNode awaitReview(String fileId) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < until) {
            for (StoredEvent e : platform.node().catalog().events(fileId)) {
                if (e.event().eventType().equals(ReviewAudioVideoEvents.REVIEW_AUDIO_VIDEO_COMPLETE)) {
                    return JSON.readTree(e.event().body()).get("ReviewAudioVideoCompleteEvent");
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no ReviewAudioVideoComplete for " + fileId);
    }
}
