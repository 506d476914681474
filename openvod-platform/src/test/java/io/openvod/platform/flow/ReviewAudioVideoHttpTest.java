package io.openvod.platform.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.vod.v20180717.VodClient;
import com.tencentcloudapi.vod.v20180717.models.ConfirmEventsRequest;
import com.tencentcloudapi.vod.v20180717.models.DescribeTaskDetailRequest;
import com.tencentcloudapi.vod.v20180717.models.DescribeTaskDetailResponse;
import com.tencentcloudapi.vod.v20180717.models.EventContent;
import com.tencentcloudapi.vod.v20180717.models.PullEventsRequest;
import com.tencentcloudapi.vod.v20180717.models.ReviewAudioVideoRequest;
import com.tencentcloudapi.vod.v20180717.models.ReviewAudioVideoSegmentItem;
import com.tencentcloudapi.vod.v20180717.models.ReviewAudioVideoTask;
import io.openvod.platform.PlatformNode;
import io.openvod.platform.catalog.Media;
import io.openvod.platform.catalog.StoredEvent;
import io.openvod.platform.config.EventsConfig;
import io.openvod.platform.events.EventConfig;
import io.openvod.platform.flow.steps.CoverBySnapshotStep;
import io.openvod.platform.flow.steps.PornReviewStep;
import io.openvod.platform.flow.steps.ReviewAudioVideoStep;
import io.openvod.platform.flow.steps.TranscodeStep;
import io.openvod.platform.media.FfmpegTools;
import io.openvod.platform.media.TestClips;
import io.openvod.platform.review.ContentReviewer;
import io.openvod.platform.review.FrameScores;
import io.openvod.platform.review.NsfwjsSidecar;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.Tc3TestClient;
import io.openvod.platform.testing.Uploads;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ReviewAudioVideo end to end over HTTP: the built-in templates {@code ReviewAudioVideo} and
 * {@code ReviewAudioVideoTranscodeCover} named at upload, the {@code ReviewAudioVideo} action,
 * the {@code ReviewAudioVideoComplete} event by push (to a loopback receiver) and by PullEvents,
 * DescribeTaskDetail, and Tencent's Java SDK parsing them. Frames are classified by the real
 * nsfwjs model; its review threshold is set low (0.01) so that the model's small real scores of
 * ordinary footage show up as {@code review} segments with their confidences. A second platform
 * with a scripted classifier shows a {@code block} verdict and an unavailable engine.
 */
class ReviewAudioVideoHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SIDECAR = Path.of("src/main/node/review");
    private static final long APP = PlatformFixture.APP_ID;
    private static final PornReviewStep.Thresholds LOW = new PornReviewStep.Thresholds(0.01, 100);

    @TempDir
    static Path dir;
    static NsfwjsSidecar sidecar;
    static PlatformFixture platform;
    static Tc3TestClient api;
    static VodClient vod;
    static byte[] clip;
    static HttpServer receiver;
    static final LinkedBlockingQueue<String> pushed = new LinkedBlockingQueue<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        assertThat(SIDECAR.resolve("node_modules"))
                .withFailMessage("the review sidecar is not installed: run 'npm ci --ignore-scripts --no-audit --no-fund' in " + SIDECAR.toAbsolutePath())
                .isDirectory();
        clip = Files.readAllBytes(TestClips.mp4(dir.resolve("clip.mp4"), Duration.ofSeconds(3), 320, 240));
        sidecar = new NsfwjsSidecar(SIDECAR, System.getProperty(NsfwjsSidecar.NODE_PROPERTY, "node"));
        FfmpegTools ffmpeg = FfmpegTools.bundled();
        platform = PlatformFixture.start(dir.resolve("platform"), new PlatformNode.TaskFlows(List.of(new TranscodeStep(ffmpeg),
                new CoverBySnapshotStep(ffmpeg), new ReviewAudioVideoStep(ffmpeg, sidecar, LOW)), settings(dir)), loopbackPush());
        api = new Tc3TestClient(platform.url(), Clock.systemUTC());
        HttpProfile profile = new HttpProfile();
        profile.setEndpoint("127.0.0.1:" + platform.node().port());
        profile.setProtocol(HttpProfile.REQ_HTTP);
        ClientProfile client = new ClientProfile();
        client.setHttpProfile(profile);
        vod = new VodClient(new Credential(PlatformFixture.SECRET_ID, PlatformFixture.SECRET_KEY), "ap-guangzhou", client);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                pushed.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        receiver.stop(0);
        platform.close();
        sidecar.close();
    }

    static FlowSettings settings(Path dir) {
        return new FlowSettings(2, Duration.ofSeconds(10), Duration.ofMillis(200), Duration.ofSeconds(60), 2, Duration.ofMillis(100),
                Duration.ofMillis(100), dir).withRetry(new io.openvod.core.retry.RetryPolicy(Duration.ofMillis(50), 2,
                Duration.ofMillis(100), Integer.MAX_VALUE, Duration.ofSeconds(30), 0));
    }

    static EventsConfig loopbackPush() {
        EventsConfig d = EventsConfig.defaults();
        EventsConfig.Push p = d.push();
        return new EventsConfig("PUSH", "", "ON", "ON", new EventsConfig.Push(p.timeout(), Duration.ofMillis(200), p.retryWindow(),
                p.maxAttempts(), p.concurrency(), false, true, false), d.pull());
    }

    @Test
    void anUploadNamingTheReviewTemplateStartsAReviewTaskReportedByPush() throws Exception {
        platform.node().eventConfigs().put(new EventConfig(APP, "PUSH", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/cb",
                "ON", "ON", "OFF"));
        String fileId = Uploads.uploadSmall(platform, clip, b -> b.procedure("ReviewAudioVideo").sessionContext("uid=42"))
                .get("fileId").asText();

        JsonNode upload = events(fileId, "NewFileUpload").getFirst().get("FileUploadEvent");
        String taskId = upload.get("ReviewAudioVideoTaskId").asText();
        assertThat(taskId).matches(APP + "-ReviewAudioVideo-[0-9a-f]{32}t");
        assertThat(upload.get("ProcedureTaskId").asText()).as("the template holds nothing else").isEmpty();

        JsonNode body = awaitPushed(taskId);
        assertThat(body.get("EventType").asText()).isEqualTo("ReviewAudioVideoComplete");
        JsonNode event = body.get("ReviewAudioVideoCompleteEvent");
        assertThat(event.get("Status").asText()).isEqualTo("FINISH");
        assertThat(event.has("ErrCode")).as("ReviewAudioVideoTask has no numeric ErrCode (spec §7.1)").isFalse();
        assertThat(event.get("ErrCodeExt").asText()).isEmpty();
        assertThat(event.get("Message").asText()).isEqualTo("SUCCESS");
        assertThat(event.get("Input")).isEqualTo(JSON.readTree("{\"FileId\":\"" + fileId + "\",\"Definition\":10,\"ReviewContents\":[\"Media\"]}"));
        assertThat(event.get("SessionContext").asText()).isEqualTo("uid=42");
        assertThat(event.get("SessionId").asText()).isEmpty();
        JsonNode output = event.get("Output");
        assertThat(output.get("Suggestion").asText()).isEqualTo("review");
        assertThat(output.get("Label").asText()).isEqualTo("Porn");
        assertThat(output.get("Form").asText()).isEqualTo("Image");
        assertThat(output.get("SegmentSet").size()).isBetween(1, 10);
        for (JsonNode segment : output.get("SegmentSet")) {
            assertThat(segment.get("Confidence").asDouble()).as("the model's real score of ordinary footage").isBetween(0.01, 59.99);
            assertThat(segment.get("Suggestion").asText()).isEqualTo("review");
            assertThat(segment.get("Label").asText()).isEqualTo("Porn");
            assertThat(segment.get("SubLabel").asText()).isIn("porn", "sexy");
            assertThat(segment.get("Form").asText()).isEqualTo("Image");
            assertThat(segment.get("EndTimeOffset").asDouble()).isGreaterThan(segment.get("StartTimeOffset").asDouble());
            assertThat(segment.get("AreaCoordSet").isArray()).isTrue();
            assertThat(segment.get("KeywordSet").isArray()).isTrue();
            assertThat(get(segment.get("Url").asText()).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> list = get(output.get("SegmentSetFileUrl").asText());
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(list.body()).size()).isGreaterThanOrEqualTo(output.get("SegmentSet").size());
        assertThat(platform.node().catalog().find(fileId).orElseThrow().status()).isEqualTo(Media.NORMAL);
        assertThat(events(fileId, "ProcedureStateChanged")).as("no procedure ran").isEmpty();
        assertThat(events(fileId, "ReviewAudioVideoComplete")).hasSize(1);

        JsonNode detail = api.call("DescribeTaskDetail", "{\"TaskId\":\"" + taskId + "\"}").response();
        assertThat(detail.get("TaskType").asText()).isEqualTo("ReviewAudioVideo");
        assertThat(detail.get("Status").asText()).isEqualTo("FINISH");
        assertThat(detail.get("ProcedureTask").isNull()).isTrue();
        assertThat(detail.get("ReviewAudioVideoTask")).isEqualTo(event);
    }

    @Test
    void theTranscodeCoverTemplateStartsAProcedureAndAReviewTaskApart() throws Exception {
        String fileId = Uploads.uploadSmall(platform, clip, b -> b.procedure("ReviewAudioVideoTranscodeCover")).get("fileId").asText();
        JsonNode upload = events(fileId, "NewFileUpload").getFirst().get("FileUploadEvent");
        String procedure = upload.get("ProcedureTaskId").asText();
        String review = upload.get("ReviewAudioVideoTaskId").asText();
        assertThat(procedure).matches(APP + "-procedurev2-[0-9a-f]{32}t0");
        assertThat(review).matches(APP + "-ReviewAudioVideo-[0-9a-f]{32}t");

        JsonNode done = await(fileId, "ReviewAudioVideoComplete", "ReviewAudioVideoCompleteEvent", review);
        assertThat(done.get("Output").get("Suggestion").asText()).isEqualTo("review");
        JsonNode flow = await(fileId, "ProcedureStateChanged", "ProcedureStateChangeEvent", procedure);
        assertThat(flow.get("MediaProcessResultSet")).extracting(r -> r.get("Type").asText())
                .containsExactly("Transcode", "Transcode", "CoverBySnapshot");
        assertThat(flow.get("AiContentReviewResultSet")).isEmpty();
        assertThat(api.call("DescribeTaskDetail", "{\"TaskId\":\"" + procedure + "\"}").response().get("TaskType").asText())
                .isEqualTo("Procedure");

        JsonNode presets = api.call("DescribeProcedureTemplates", "{\"Names\":[\"ReviewAudioVideoTranscodeCover\"]}").response();
        JsonNode template = presets.get("ProcedureTemplateSet").get(0);
        assertThat(template.get("ReviewAudioVideoTask")).isEqualTo(JSON.readTree("{\"Definition\":10,\"ReviewContents\":[\"Media\"]}"));
        assertThat(template.get("MediaProcessTask").get("TranscodeTaskSet")).hasSize(2);
    }

    @Test
    void theReviewAudioVideoActionIsPulledAndDescribedInTheSdksModels() throws Exception {
        platform.node().eventConfigs().put(new EventConfig(APP, "PULL", "", "ON", "ON", "OFF"));
        String fileId = Uploads.uploadSmall(platform, clip, b -> b).get("fileId").asText();
        ReviewAudioVideoRequest request = new ReviewAudioVideoRequest();
        request.setFileId(fileId);
        request.setSessionContext("lesson=3");
        request.setSessionId("review-" + fileId);
        request.setTasksPriority(5L);
        String taskId = vod.ReviewAudioVideo(request).getTaskId();
        assertThat(taskId).matches(APP + "-ReviewAudioVideo-[0-9a-f]{32}t");

        ReviewAudioVideoTask task = pullReview(taskId);
        assertThat(task.getStatus()).isEqualTo("FINISH");
        assertThat(task.getErrCodeExt()).isEmpty();
        assertThat(task.getMessage()).isEqualTo("SUCCESS");
        assertThat(task.getInput().getFileId()).isEqualTo(fileId);
        assertThat(task.getInput().getDefinition()).isEqualTo(10L);
        assertThat(task.getSessionContext()).isEqualTo("lesson=3");
        assertThat(task.getSessionId()).isEqualTo("review-" + fileId);
        assertThat(task.getOutput().getSuggestion()).isEqualTo("review");
        assertThat(task.getOutput().getLabel()).isEqualTo("Porn");
        assertThat(task.getOutput().getForm()).isEqualTo("Image");
        assertThat(task.getOutput().getSegmentSetFileUrl()).startsWith("http");
        ReviewAudioVideoSegmentItem first = task.getOutput().getSegmentSet()[0];
        assertThat(first.getConfidence()).isBetween(0.01f, 59.99f);
        assertThat(first.getSubLabel()).isIn("porn", "sexy");
        assertThat(first.getEndTimeOffset()).isGreaterThan(first.getStartTimeOffset());
        assertThat(first.getUrl()).startsWith("http");

        DescribeTaskDetailRequest describe = new DescribeTaskDetailRequest();
        describe.setTaskId(taskId);
        DescribeTaskDetailResponse detail = vod.DescribeTaskDetail(describe);
        assertThat(detail.getTaskType()).isEqualTo("ReviewAudioVideo");
        assertThat(detail.getStatus()).isEqualTo("FINISH");
        assertThat(detail.getProcedureTask()).isNull();
        assertThat(detail.getReviewAudioVideoTask().getTaskId()).isEqualTo(taskId);
        assertThat(detail.getReviewAudioVideoTask().getOutput().getSegmentSet()[0].getConfidence()).isEqualTo(first.getConfidence());

        assertThatThrownBy(() -> vod.ReviewAudioVideo(request)).isInstanceOfSatisfying(TencentCloudSDKException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo("FailedOperation.DuplicateSessionId"));
    }

    @Test
    void processMediaByProcedureAndAnApplicationsOwnTemplateStartTheReviewApart() throws Exception {
        String fileId = Uploads.uploadSmall(platform, clip, b -> b).get("fileId").asText();
        Tc3TestClient.Answer created = api.call("CreateProcedureTemplate", """
                {"Name":"coverAndReview","MediaProcessTask":{"CoverBySnapshotTaskSet":[{"Definition":10}]},
                 "ReviewAudioVideoTask":{"Definition":10}}""");
        assertThat(created.errorCode()).as(created.body().toString()).isNull();
        assertThat(api.call("CreateProcedureTemplate", "{\"Name\":\"badReview\",\"ReviewAudioVideoTask\":{\"Definition\":30}}")
                .errorCode()).isEqualTo("InvalidParameterValue.Definition");
        assertThat(api.call("CreateProcedureTemplate",
                "{\"Name\":\"coverReview\",\"ReviewAudioVideoTask\":{\"ReviewContents\":[\"Media\",\"Cover\"]}}").errorCode())
                .isEqualTo("InvalidParameterValue.ReviewContents");
        JsonNode mine = api.call("DescribeProcedureTemplates", "{\"Names\":[\"coverAndReview\"]}").response()
                .get("ProcedureTemplateSet").get(0);
        assertThat(mine.get("ReviewAudioVideoTask")).isEqualTo(JSON.readTree("{\"Definition\":10,\"ReviewContents\":[\"Media\"]}"));

        JsonNode reviewOnly = api.call("ProcessMediaByProcedure", """
                {"FileId":"%s","ProcedureName":"ReviewAudioVideo","SessionId":"only-%s","SessionContext":"by=procedure"}"""
                .formatted(fileId, fileId)).response();
        assertThat(reviewOnly.get("TaskId").asText()).as("the template holds nothing else").isEmpty();
        String reviewTask = reviewOnly.get("ReviewAudioVideoTaskId").asText();
        assertThat(reviewTask).matches(APP + "-ReviewAudioVideo-[0-9a-f]{32}t");
        JsonNode reviewed = await(fileId, "ReviewAudioVideoComplete", "ReviewAudioVideoCompleteEvent", reviewTask);
        assertThat(reviewed.get("SessionId").asText()).isEqualTo("only-" + fileId);
        assertThat(reviewed.get("SessionContext").asText()).isEqualTo("by=procedure");
        assertThat(api.call("ProcessMediaByProcedure", """
                {"FileId":"%s","ProcedureName":"ReviewAudioVideo","SessionId":"only-%s"}""".formatted(fileId, fileId)).errorCode())
                .isEqualTo("FailedOperation.DuplicateSessionId");

        JsonNode both = api.call("ProcessMediaByProcedure", """
                {"FileId":"%s","ProcedureName":"coverAndReview","SessionId":"both-%s"}""".formatted(fileId, fileId)).response();
        String procedure = both.get("TaskId").asText();
        String review = both.get("ReviewAudioVideoTaskId").asText();
        assertThat(procedure).matches(APP + "-procedurev2-[0-9a-f]{32}t0");
        assertThat(review).matches(APP + "-ReviewAudioVideo-[0-9a-f]{32}t");
        assertThat(await(fileId, "ProcedureStateChanged", "ProcedureStateChangeEvent", procedure).get("MediaProcessResultSet"))
                .extracting(r -> r.get("Type").asText()).containsExactly("CoverBySnapshot");
        assertThat(await(fileId, "ReviewAudioVideoComplete", "ReviewAudioVideoCompleteEvent", review).get("SessionId").asText())
                .isEqualTo("both-" + fileId);

        String uploaded = Uploads.uploadSmall(platform, clip, b -> b.procedure("coverAndReview")).get("fileId").asText();
        JsonNode upload = events(uploaded, "NewFileUpload").getFirst().get("FileUploadEvent");
        assertThat(upload.get("ProcedureTaskId").asText()).isNotEmpty();
        assertThat(await(uploaded, "ReviewAudioVideoComplete", "ReviewAudioVideoCompleteEvent",
                upload.get("ReviewAudioVideoTaskId").asText()).get("Status").asText()).isEqualTo("FINISH");
    }

    @Test
    void theReviewAudioVideoActionRefusesWhatThePlatformCannotReview() throws Exception {
        String fileId = Uploads.uploadSmall(platform, clip, b -> b).get("fileId").asText();
        assertThat(api.call("ReviewAudioVideo", "{\"FileId\":\"" + fileId + "\",\"Definition\":20}").errorCode())
                .isEqualTo("InvalidParameterValue.Definition");
        assertThat(api.call("ReviewAudioVideo", "{\"FileId\":\"" + fileId + "\",\"ReviewContents\":[\"Cover\"]}").errorCode())
                .isEqualTo("InvalidParameterValue.ReviewContents");
        assertThat(api.call("ReviewAudioVideo", "{\"FileId\":\"" + fileId + "\",\"ReviewContents\":\"Media\"}").errorCode())
                .isEqualTo("InvalidParameter");
        assertThat(api.call("ReviewAudioVideo", "{\"FileId\":\"" + fileId + "\",\"ReviewContents\":[1]}").errorCode())
                .isEqualTo("InvalidParameter");
        assertThat(api.call("ReviewAudioVideo", "{\"FileId\":\"" + fileId + "\",\"Definition\":\"ten\"}").errorCode())
                .isEqualTo("InvalidParameter");
        assertThat(api.call("ReviewAudioVideo", "{\"FileId\":\"" + fileId + "\",\"SessionContext\":\"" + "x".repeat(1001) + "\"}")
                .errorCode()).isEqualTo("InvalidParameterValue.SessionContext");
        assertThat(api.call("ReviewAudioVideo", "{\"FileId\":\"" + fileId + "\",\"TasksPriority\":11}").errorCode())
                .isEqualTo("InvalidParameterValue.TasksPriority");
        assertThat(api.call("ReviewAudioVideo", "{\"FileId\":\"1234\"}").errorCode()).isEqualTo("ResourceNotFound.FileNotExist");
        assertThat(api.call("ReviewAudioVideo", "{}").errorCode()).isEqualTo("MissingParameter");
        Tc3TestClient.Answer ok = api.call("ReviewAudioVideo", "{\"FileId\":\"" + fileId + "\",\"Definition\":10,\"ReviewContents\":[\"Media\"]}");
        assertThat(ok.errorCode()).as(ok.body().toString()).isNull();
    }

    @Test
    void aBlockVerdictForbidsTheMediaAndAnUnavailableEngineIsRetriedNeverPassed() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        ContentReviewer flaky = jpegs -> {
            if (calls.incrementAndGet() <= 2) {
                throw new StepFailure(ContentReviewer.UNAVAILABLE, "the model is not running", true);
            }
            return jpegs.stream().map(j -> new FrameScores(Map.of(FrameScores.PORN, 0.97, FrameScores.NEUTRAL, 0.03))).toList();
        };
        FfmpegTools ffmpeg = FfmpegTools.bundled();
        try (PlatformFixture other = PlatformFixture.start(dir.resolve("blocking"), new PlatformNode.TaskFlows(
                List.of(new ReviewAudioVideoStep(ffmpeg, flaky)), settings(dir)))) {
            String fileId = Uploads.uploadSmall(other, clip, b -> b.procedure("ReviewAudioVideo")).get("fileId").asText();
            String taskId = JSON.readTree(other.node().catalog().events(fileId).getFirst().event().body()).get("FileUploadEvent")
                    .get("ReviewAudioVideoTaskId").asText();
            JsonNode event = await(other, fileId, "ReviewAudioVideoComplete", "ReviewAudioVideoCompleteEvent", taskId);
            assertThat(event.get("Output").get("Suggestion").asText()).isEqualTo("block");
            assertThat(event.get("Output").get("SegmentSet").get(0).get("Confidence").asDouble()).isEqualTo(97.0);
            assertThat(event.get("Output").get("SegmentSet").get(0).get("Suggestion").asText()).isEqualTo("block");
            assertThat(other.node().catalog().find(fileId).orElseThrow().status()).isEqualTo(Media.FORBIDDEN);
            TaskFlow flow = other.node().flows().flows().find(taskId).orElseThrow();
            assertThat(flow.tasks().getFirst().attempts()).as("two attempts found the engine unavailable").isEqualTo(3);
        }
    }

    private static ReviewAudioVideoTask pullReview(String taskId) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < until) {
            for (EventContent event : vod.PullEvents(new PullEventsRequest()).getEventSet()) {
                ConfirmEventsRequest confirm = new ConfirmEventsRequest();
                confirm.setEventHandles(new String[] {event.getEventHandle()});
                vod.ConfirmEvents(confirm);
                if (event.getEventType().equals("ReviewAudioVideoComplete")
                        && event.getReviewAudioVideoCompleteEvent().getTaskId().equals(taskId)) {
                    return event.getReviewAudioVideoCompleteEvent();
                }
            }
        }
        throw new AssertionError("no ReviewAudioVideoComplete of " + taskId + " was pulled");
    }

    private static JsonNode awaitPushed(String taskId) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < until) {
            String body = pushed.poll(100, TimeUnit.MILLISECONDS);
            if (body != null) {
                JsonNode json = JSON.readTree(body);
                if (json.path("ReviewAudioVideoCompleteEvent").path("TaskId").asText().equals(taskId)) {
                    return json;
                }
            }
        }
        throw new AssertionError("no ReviewAudioVideoComplete of " + taskId + " was pushed");
    }

    private static List<JsonNode> events(String fileId, String type) throws Exception {
        return events(platform, fileId, type);
    }

    private static List<JsonNode> events(PlatformFixture on, String fileId, String type) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        for (StoredEvent e : on.node().catalog().events(fileId)) {
            if (e.event().eventType().equals(type)) {
                found.add(JSON.readTree(e.event().body()));
            }
        }
        return found;
    }

    private static JsonNode await(String fileId, String type, String field, String taskId) throws Exception {
        return await(platform, fileId, type, field, taskId);
    }

    private static JsonNode await(PlatformFixture on, String fileId, String type, String field, String taskId) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < until) {
            Optional<JsonNode> done = events(on, fileId, type).stream().map(b -> b.get(field))
                    .filter(e -> e.get("TaskId").asText().equals(taskId) && e.get("Status").asText().equals("FINISH")).findFirst();
            if (done.isPresent()) {
                return done.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no finished " + type + " of " + taskId);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
