package io.openvod.platform.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.platform.PlatformNode;
import io.openvod.platform.catalog.StoredEvent;
import io.openvod.platform.flow.steps.CoverBySnapshotStep;
import io.openvod.platform.flow.steps.PornReviewStep;
import io.openvod.platform.flow.steps.TranscodeStep;
import io.openvod.platform.ugc.StorageLayout;
import io.openvod.platform.media.FfmpegTools;
import io.openvod.platform.media.TestClips;
import io.openvod.platform.review.ContentReviewer;
import io.openvod.platform.review.FrameScores;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.Tc3TestClient;
import io.openvod.platform.testing.Uploads;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ProcessMedia, ProcessMediaByProcedure and ForbidMediaDistribution over API 3.0, with the real
 * FFmpeg cover step and the real review step. The review's classifier is a stand-in that scores
 * every frame as explicit (the nsfwjs model is exercised by the review tests), so the platform's
 * handling of a {@code block} result — the media becomes {@code Forbidden} and is no longer
 * served — can be shown on ordinary footage.
 */
class ProcessMediaHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger CLASSIFIED = new AtomicInteger();
    /** Every frame 97% Porn. */
    private static final ContentReviewer EXPLICIT = jpegs -> {
        CLASSIFIED.addAndGet(jpegs.size());
        return jpegs.stream().map(j -> new FrameScores(Map.of(FrameScores.PORN, 0.97, FrameScores.NEUTRAL, 0.03))).toList();
    };

    @TempDir
    static Path dir;
    static PlatformFixture platform;
    static Tc3TestClient api;
    static byte[] clip;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        clip = Files.readAllBytes(TestClips.mp4(dir.resolve("clip.mp4"), Duration.ofSeconds(3), 320, 240));
        FfmpegTools ffmpeg = FfmpegTools.bundled();
        FlowSettings settings = new FlowSettings(2, Duration.ofSeconds(10), Duration.ofMillis(200), Duration.ofSeconds(60), 2,
                Duration.ofMillis(100), Duration.ofMillis(100), dir);
        platform = PlatformFixture.start(dir.resolve("platform"), new PlatformNode.TaskFlows(
                List.of(new CoverBySnapshotStep(ffmpeg), new TranscodeStep(ffmpeg), new PornReviewStep(ffmpeg, EXPLICIT)), settings));
        api = new Tc3TestClient(platform.url(), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private static String upload() {
        return Uploads.uploadSmall(platform, clip, b -> b).get("fileId").asText();
    }

    @Test
    void processMediaRunsAdHocTasksAndEchoesTheSessionFields() throws Exception {
        String fileId = upload();
        Tc3TestClient.Answer answer = api.call("ProcessMedia", """
                {"FileId":"%s","MediaProcessTask":{"CoverBySnapshotTaskSet":[{"Definition":10,"PositionType":"Time","PositionValue":1}]},
                 "TasksPriority":4,"TasksNotifyMode":"Finish","SessionContext":"lesson=7","SessionId":"lesson-7-cover"}""".formatted(fileId));
        assertThat(answer.errorCode()).as(answer.body().toString()).isNull();
        String taskId = answer.response().get("TaskId").asText();
        assertThat(taskId).matches("[0-9]+-procedurev2-[0-9a-f]{32}t0");

        JsonNode detail = api.call("DescribeTaskDetail", "{\"TaskId\":\"" + taskId + "\"}").response();
        assertThat(detail.get("TaskType").asText()).as("known at once, before any worker took it").isEqualTo("Procedure");

        JsonNode event = awaitProcedureEvent(fileId, taskId);
        assertThat(event.get("Status").asText()).isEqualTo("FINISH");
        assertThat(event.get("SessionContext").asText()).isEqualTo("lesson=7");
        assertThat(event.get("SessionId").asText()).isEqualTo("lesson-7-cover");
        assertThat(event.get("TasksPriority").asInt()).isEqualTo(4);
        JsonNode cover = event.get("MediaProcessResultSet").get(0);
        assertThat(cover.get("Type").asText()).isEqualTo("CoverBySnapshot");
        assertThat(cover.get("CoverBySnapshotTask").get("Status").asText()).isEqualTo("SUCCESS");
        String coverUrl = cover.get("CoverBySnapshotTask").get("Output").get("CoverUrl").asText();
        assertThat(get(coverUrl).statusCode()).isEqualTo(200);
        assertThat(platform.node().catalog().find(fileId).orElseThrow().coverUrl()).isEqualTo(coverUrl);

        Tc3TestClient.Answer again = api.call("ProcessMedia", """
                {"FileId":"%s","MediaProcessTask":{"CoverBySnapshotTaskSet":[{"Definition":10}]},"SessionId":"lesson-7-cover"}"""
                .formatted(fileId));
        assertThat(again.errorCode()).isEqualTo("FailedOperation.DuplicateSessionId");
    }

    @Test
    void processMediaByProcedureRunsATemplateOfTheApplication() throws Exception {
        String fileId = upload();
        assertThat(api.call("CreateProcedureTemplate", """
                {"Name":"coverOnly","MediaProcessTask":{"CoverBySnapshotTaskSet":[{"Definition":10,"PositionType":"Percent","PositionValue":50}]}}""")
                .errorCode()).isNull();
        Tc3TestClient.Answer answer = api.call("ProcessMediaByProcedure", """
                {"FileId":"%s","ProcedureName":"coverOnly","TasksNotifyMode":"Change"}""".formatted(fileId));
        assertThat(answer.errorCode()).as(answer.body().toString()).isNull();
        assertThat(answer.response().get("ReviewAudioVideoTaskId").asText()).isEmpty();
        String taskId = answer.response().get("TaskId").asText();
        JsonNode event = awaitProcedureEvent(fileId, taskId);
        assertThat(event.get("MediaProcessResultSet").get(0).get("CoverBySnapshotTask").get("Status").asText()).isEqualTo("SUCCESS");
        assertThat(procedureEvents(fileId, taskId)).as("Change mode: a PROCESSING event before the FINISH one")
                .extracting(e -> e.get("Status").asText()).contains("PROCESSING").endsWith("FINISH");

        assertThat(api.call("ProcessMediaByProcedure", """
                {"FileId":"%s","ProcedureName":"noSuchTemplate"}""".formatted(fileId)).errorCode())
                .isEqualTo("InvalidParameterValue.ProcedureName");
    }

    @Test
    void transcodesAreListedOnTheMediaAndDeletedWithItsParts() throws Exception {
        String fileId = upload();
        String taskId = api.call("ProcessMedia", """
                {"FileId":"%s","MediaProcessTask":{"TranscodeTaskSet":[{"Definition":100010}],
                 "CoverBySnapshotTaskSet":[{"Definition":10,"PositionType":"Time","PositionValue":0}]}}""".formatted(fileId))
                .response().get("TaskId").asText();
        awaitProcedureEvent(fileId, taskId);
        JsonNode transcodes = describe(fileId).get("TranscodeInfo").get("TranscodeSet");
        assertThat(transcodes).hasSize(1);
        assertThat(transcodes.get(0).get("Definition").asLong()).isEqualTo(100010);
        String transcodeUrl = transcodes.get(0).get("Url").asText();
        assertThat(get(transcodeUrl).statusCode()).isEqualTo(200);
        JsonNode onlyTranscodes = api.call("DescribeMediaInfos", "{\"FileIds\":[\"" + fileId + "\"],\"Filters\":[\"transcodeInfo\"]}")
                .response().get("MediaInfoSet").get(0);
        assertThat(onlyTranscodes.get("BasicInfo").isNull()).isTrue();
        assertThat(onlyTranscodes.get("TranscodeInfo").get("TranscodeSet")).hasSize(1);

        assertThat(api.call("DeleteMedia", "{\"FileId\":\"" + fileId + "\",\"DeleteParts\":[{\"Type\":\"TranscodeFiles\",\"Definition\":100010}]}")
                .errorCode()).isNull();
        assertThat(describe(fileId).get("TranscodeInfo").isNull()).isTrue();
        assertThat(get(transcodeUrl).statusCode()).isEqualTo(404);
        JsonNode partDeleted = JSON.readTree(platform.node().catalog().events(fileId).getLast().event().body());
        assertThat(partDeleted.get("FileDeleteEvent").get("FileDeleteResultInfo").get(0).get("DeleteParts").get(0).get("Type").asText())
                .isEqualTo("TranscodeFiles");
        assertThat(platform.node().catalog().find(fileId)).as("the media itself stays").isPresent();

        String bucket = platform.node().catalog().find(fileId).orElseThrow().bucket();
        String prefix = StorageLayout.storeKey(bucket, platform.node().catalog().find(fileId).orElseThrow().subAppId() + "/" + fileId + "/");
        assertThat(platform.store().list(prefix)).as("original and cover").hasSizeGreaterThanOrEqualTo(2);
        assertThat(api.call("DeleteMedia", "{\"FileId\":\"" + fileId + "\"}").errorCode()).isNull();
        assertThat(platform.store().list(prefix)).as("every file of the media is gone").isEmpty();
    }

    @Test
    void badRequestsGetTheirErrorCodes() {
        String fileId = upload();
        assertThat(api.call("ProcessMedia", "{\"FileId\":\"" + fileId + "\"}").errorCode()).isEqualTo("InvalidParameter");
        assertThat(api.call("ProcessMedia", "{\"FileId\":\"5285890800000000000\",\"AiContentReviewTask\":{\"Definition\":10}}")
                .errorCode()).isEqualTo("ResourceNotFound.FileNotExist");
        assertThat(api.call("ProcessMedia", "{\"AiContentReviewTask\":{\"Definition\":10}}").errorCode()).isEqualTo("MissingParameter");
        assertThat(api.call("ProcessMedia", "{\"FileId\":\"" + fileId + "\",\"AiAnalysisTask\":{\"Definition\":10}}").errorCode())
                .isEqualTo("InvalidParameter");
        assertThat(api.call("ProcessMedia", "{\"FileId\":\"" + fileId + "\",\"MediaProcessTask\":{\"NoSuchTaskSet\":[]}}").errorCode())
                .isEqualTo("InvalidParameter");
        assertThat(api.call("ProcessMedia", "{\"FileId\":\"" + fileId + "\",\"AiContentReviewTask\":{},\"TasksPriority\":11}")
                .errorCode()).isEqualTo("InvalidParameterValue.TasksPriority");
        assertThat(api.call("ProcessMedia", "{\"FileId\":\"" + fileId + "\",\"AiContentReviewTask\":{},\"TasksNotifyMode\":\"Sometimes\"}")
                .errorCode()).isEqualTo("InvalidParameterValue.TasksNotifyMode");
        assertThat(api.call("ProcessMedia", "{\"FileId\":\"" + fileId + "\",\"AiContentReviewTask\":{},\"SessionId\":\"" + "x".repeat(51)
                + "\"}").errorCode()).isEqualTo("InvalidParameterValue.SessionId");
        assertThat(api.call("ForbidMediaDistribution", "{\"FileIds\":[\"" + fileId + "\"],\"Operation\":\"hide\"}").errorCode())
                .isEqualTo("InvalidParameterValue.Operation");
        assertThat(api.call("ForbidMediaDistribution", "{\"FileIds\":[],\"Operation\":\"forbid\"}").errorCode())
                .isEqualTo("InvalidParameterValue.FileIds");
    }

    @Test
    void aReviewThatBlocksForbidsTheMediaUntilItIsRecovered() throws Exception {
        String fileId = upload();
        String mediaUrl = platform.node().catalog().find(fileId).orElseThrow().mediaUrl();
        assertThat(get(mediaUrl).statusCode()).isEqualTo(200);
        int before = CLASSIFIED.get();

        String taskId = api.call("ProcessMedia", "{\"FileId\":\"" + fileId + "\",\"AiContentReviewTask\":{\"Definition\":10}}")
                .response().get("TaskId").asText();
        JsonNode review = awaitProcedureEvent(fileId, taskId).get("AiContentReviewResultSet").get(0);
        assertThat(review.get("Type").asText()).isEqualTo("Porn");
        JsonNode output = review.get("PornTask").get("Output");
        assertThat(output.get("Suggestion").asText()).isEqualTo("block");
        assertThat(output.get("Confidence").asDouble()).isEqualTo(97.0);
        assertThat(CLASSIFIED.get() - before).as("frames classified").isGreaterThanOrEqualTo(2);

        JsonNode info = describe(fileId);
        assertThat(info.get("BasicInfo").get("Status").asText()).isEqualTo("Forbidden");
        HttpResponse<String> refused = get(mediaUrl);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("<Code>AccessDenied</Code>");
        String frameUrl = output.get("SegmentSet").get(0).get("Url").asText();
        assertThat(get(frameUrl).statusCode()).as("the blocked frames are the media's files too").isEqualTo(403);

        JsonNode recovered = api.call("ForbidMediaDistribution", """
                {"FileIds":["%s","5285890800000000000"],"Operation":"recover"}""".formatted(fileId)).response();
        assertThat(recovered.get("NotExistFileIdSet")).extracting(JsonNode::asText).containsExactly("5285890800000000000");
        assertThat(describe(fileId).get("BasicInfo").get("Status").asText()).isEqualTo("Normal");
        assertThat(get(mediaUrl).statusCode()).isEqualTo(200);

        api.call("ForbidMediaDistribution", "{\"FileIds\":[\"" + fileId + "\"],\"Operation\":\"forbid\"}");
        assertThat(get(mediaUrl).statusCode()).isEqualTo(403);
    }

    @Test
    void withServeForbiddenABlockedMediaIsMarkedButStillServed() throws Exception {
        FfmpegTools ffmpeg = FfmpegTools.bundled();
        FlowSettings settings = new FlowSettings(1, Duration.ofSeconds(10), Duration.ofMillis(200), Duration.ofSeconds(60), 2,
                Duration.ofMillis(100), Duration.ofMillis(100), dir);
        try (PlatformFixture serving = PlatformFixture.start(dir.resolve("serving"), new PlatformNode.TaskFlows(
                List.of(new PornReviewStep(ffmpeg, EXPLICIT)), settings), true)) {
            Tc3TestClient servingApi = new Tc3TestClient(serving.url(), Clock.systemUTC());
            String fileId = Uploads.uploadSmall(serving, clip, b -> b.procedure("Review")).get("fileId").asText();
            String mediaUrl = serving.node().catalog().find(fileId).orElseThrow().mediaUrl();
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!serving.node().catalog().find(fileId).orElseThrow().status().equals("Forbidden") && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            assertThat(servingApi.call("DescribeMediaInfos", "{\"FileIds\":[\"" + fileId + "\"]}").response().get("MediaInfoSet")
                    .get(0).get("BasicInfo").get("Status").asText()).isEqualTo("Forbidden");
            assertThat(get(mediaUrl).statusCode()).isEqualTo(200);
        }
    }

    private JsonNode describe(String fileId) {
        return api.call("DescribeMediaInfos", "{\"FileIds\":[\"" + fileId + "\"]}").response().get("MediaInfoSet").get(0);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<JsonNode> procedureEvents(String fileId, String taskId) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (StoredEvent e : platform.node().catalog().events(fileId)) {
            if (e.event().eventType().equals("ProcedureStateChanged")) {
                JsonNode body = JSON.readTree(e.event().body()).get("ProcedureStateChangeEvent");
                if (body.get("TaskId").asText().equals(taskId)) {
                    events.add(body);
                }
            }
        }
        return events;
    }

    private static JsonNode awaitProcedureEvent(String fileId, String taskId) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            List<JsonNode> events = procedureEvents(fileId, taskId);
            if (!events.isEmpty() && events.getLast().get("Status").asText().equals("FINISH")) {
                return events.getLast();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no FINISH event of " + taskId + ": " + procedureEvents(fileId, taskId));
    }
}
