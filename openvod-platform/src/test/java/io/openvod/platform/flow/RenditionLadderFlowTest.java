package io.openvod.platform.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.PlatformNode;
import io.openvod.platform.catalog.Media;
import io.openvod.platform.catalog.StoredEvent;
import io.openvod.platform.cloudapi.CloudCall;
import io.openvod.platform.cloudapi.DescribeTaskDetailAction;
import io.openvod.platform.flow.steps.AdaptiveDynamicStreamingStep;
import io.openvod.platform.flow.steps.CoverBySnapshotStep;
import io.openvod.platform.flow.steps.RenditionLadder;
import io.openvod.platform.flow.steps.TranscodeStep;
import io.openvod.platform.media.FfmpegTools;
import io.openvod.platform.media.TestClips;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.Uploads;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A flow's rendition ladder with the real FFmpeg, through the platform: a template of Transcode
 * 100010 and 100020, AdaptiveDynamicStreaming 10 and a cover, on one platform with the
 * {@link RenditionLadder} and on one without it. Each task is reported to the application as
 * without the ladder, and a rendition whose file the store refused once is retried alone.
 */
class RenditionLadderFlowTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROCEDURE = "LadderAndCover";
    /** What differs between two platforms and two encodings: ids, times, and the bytes x264 wrote. */
    private static final Set<String> DIFFERENT = Set.of("TaskId", "FileId", "FileUrl", "BeginProcessTime", "FinishTime", "Md5",
            "Size", "Bitrate");

    @TempDir
    Path dir;

    private static FlowSettings settings() {
        return new FlowSettings(2, Duration.ofSeconds(30), Duration.ofMillis(200), Duration.ofMinutes(5), 3, Duration.ofMillis(50),
                Duration.ofMillis(50), Path.of(System.getProperty("java.io.tmpdir")));
    }

    private static List<TaskStep> steps() {
        FfmpegTools tools = FfmpegTools.bundled();
        return List.of(new TranscodeStep(tools), new AdaptiveDynamicStreamingStep(tools), new CoverBySnapshotStep(tools));
    }

    /** The finished flow and its ProcedureStateChanged event, on a platform that runs {@code taskFlows} on {@code wrap}'s store. */
    private record Run(TaskFlow flow, JsonNode event, JsonNode detail) {
    }

    private Run run(String name, byte[] clip, PlatformNode.TaskFlows taskFlows, UnaryOperator<io.openvod.platform.storage.ObjectStore> wrap)
            throws Exception {
        try (PlatformFixture platform = PlatformFixture.start(dir.resolve(name), taskFlows, wrap)) {
            ObjectNode media = JSON.createObjectNode();
            media.putArray("TranscodeTaskSet").add(JSON.createObjectNode().put("Definition", 100010))
                    .add(JSON.createObjectNode().put("Definition", 100020));
            media.putArray("AdaptiveDynamicStreamingTaskSet").addObject().put("Definition", 10);
            media.putArray("CoverBySnapshotTaskSet").addObject().put("Definition", 10);
            assertThat(platform.stores().procedures().create(PlatformFixture.APP_ID, PROCEDURE, "", Optional.of(media), Optional.empty(),
                    Optional.empty())).isEmpty();
            String fileId = Uploads.uploadSmall(platform, clip, b -> b.procedure(PROCEDURE)).get("fileId").asText();
            JsonNode upload = JSON.readTree(platform.node().catalog().events(fileId).getFirst().event().body());
            String taskId = upload.get("FileUploadEvent").get("ProcedureTaskId").asText();

            TaskFlow flow = awaitFinish(platform, taskId);
            List<JsonNode> events = new ArrayList<>();
            for (StoredEvent e : platform.node().catalog().events(fileId)) {
                if (e.event().eventType().equals(ProcedureEvents.PROCEDURE_STATE_CHANGED)) {
                    events.add(JSON.readTree(e.event().body()).get("ProcedureStateChangeEvent"));
                }
            }
            assertThat(events).hasSize(1);
            ObjectNode detail = new DescribeTaskDetailAction(platform.node().flows().flows(), platform.node().catalog()).handle(
                    new CloudCall(PlatformFixture.APP_ID, PlatformFixture.SECRET_ID, "req-1",
                            (appId, requested) -> platform.keys().resolveSubApp(appId, Optional.ofNullable(requested))),
                    JSON.createObjectNode().put("TaskId", taskId));
            assertStored(platform, flow);
            return new Run(flow, events.getFirst(), detail.get("ProcedureTask"));
        }
    }

    @Test
    void everyTaskIsReportedAsWithoutTheLadderAndARefusedRenditionIsRetriedAlone() throws Exception {
        byte[] clip = Files.readAllBytes(TestClips.mp4(dir.resolve("clip.mp4"), Duration.ofSeconds(4), 640, 360));
        OutageStore[] outage = new OutageStore[1];

        Run joint = run("joint", clip, new PlatformNode.TaskFlows(steps(), List.of(new RenditionLadder(FfmpegTools.bundled())), settings()),
                real -> outage[0] = new OutageStore(real, "/transcode/100020.mp4", 1));
        Run alone = run("alone", clip, new PlatformNode.TaskFlows(steps(), settings()), UnaryOperator.identity());

        List<FlowTask> tasks = joint.flow().tasks();
        assertThat(tasks).extracting(FlowTask::type).containsExactly("Transcode", "Transcode", "CoverBySnapshot", "AdaptiveDynamicStreaming");
        assertThat(tasks).extracting(FlowTask::status).containsOnly("SUCCESS");
        assertThat(outage[0].refused.get()).isEqualTo(1);
        assertThat(tasks).extracting(FlowTask::attempts).as("100020's MP4 was refused once: retried alone").containsExactly(1, 2, 1, 1);
        assertThat(List.of(tasks.get(1).beginTime(), tasks.get(3).beginTime())).as("the renditions were claimed together")
                .containsOnly(tasks.get(0).beginTime());
        assertThat(alone.flow().tasks()).extracting(FlowTask::attempts).containsOnly(1);

        assertThat(joint.detail()).as("DescribeTaskDetail reports what the event reports").isEqualTo(joint.event());
        assertSameReport(joint.event(), alone.event(), "ProcedureStateChangeEvent");
        JsonNode streaming = joint.event().get("MediaProcessResultSet").get(3).get("AdaptiveDynamicStreamingTask").get("Output");
        assertThat(streaming.get("SubStreamSet").findValuesAsText("Width")).containsExactly("640");
    }

    /** The same fields everywhere and the same values but for ids, times and measured bytes; URLs the same below the FileId. */
    private static void assertSameReport(JsonNode joint, JsonNode alone, String where) {
        if (joint.isObject()) {
            List<String> names = new ArrayList<>();
            joint.fieldNames().forEachRemaining(names::add);
            List<String> theirs = new ArrayList<>();
            alone.fieldNames().forEachRemaining(theirs::add);
            assertThat(names).as(where).isEqualTo(theirs);
            for (String name : names) {
                JsonNode mine = joint.get(name);
                JsonNode other = alone.get(name);
                if (DIFFERENT.contains(name)) {
                    assertThat(mine.getNodeType()).as(where + "." + name).isEqualTo(other.getNodeType());
                } else if (name.equals("Duration")) {
                    assertThat(mine.asDouble()).as(where + ".Duration").isCloseTo(other.asDouble(), within(0.04));
                } else if (name.equals("Url") || name.equals("CoverUrl")) {
                    assertThat(belowFileId(mine.asText())).as(where + "." + name).isEqualTo(belowFileId(other.asText()));
                } else {
                    assertSameReport(mine, other, where + "." + name);
                }
            }
        } else if (joint.isArray()) {
            assertThat(joint.size()).as(where).isEqualTo(alone.size());
            Iterator<JsonNode> theirs = alone.elements();
            for (int i = 0; i < joint.size(); i++) {
                assertSameReport(joint.get(i), theirs.next(), where + "[" + i + "]");
            }
        } else {
            assertThat(joint).as(where).isEqualTo(alone);
        }
    }

    /** {@code transcode/100010.mp4} of {@code http://…/<bucket>/<SubAppId>/<FileId>/transcode/100010.mp4}. */
    private static String belowFileId(String url) {
        String[] parts = url.split("/");
        return String.join("/", List.of(parts).subList(parts.length - (url.contains("/hls/") ? 3 : 2), parts.length));
    }

    /** Each Transcode's stored MP4 is the size and MD5 its Output says; each stream's master playlist is stored. */
    private static void assertStored(PlatformFixture platform, TaskFlow flow) throws Exception {
        Media media = platform.node().catalog().find(flow.fileId()).orElseThrow();
        for (FlowTask task : flow.tasks()) {
            JsonNode output = JSON.readTree(task.output().orElseThrow());
            String url = output.has("Url") ? output.get("Url").asText() : output.get("CoverUrl").asText();
            String key = media.bucket() + "/" + url.substring(url.indexOf(media.subAppId() + "/" + flow.fileId() + "/"));
            assertThat(platform.store().stat(key)).as("%s stored", key).isPresent();
            if (task.type().equals("Transcode")) {
                long size = platform.store().stat(key).orElseThrow().size();
                assertThat(output.get("Size").asLong()).isEqualTo(size);
                try (InputStream in = platform.store().read(key, 0, size)) {
                    assertThat(output.get("Md5").asText()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                            .digest(in.readAllBytes())));
                }
            }
        }
    }

    private static TaskFlow awaitFinish(PlatformFixture platform, String taskId) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < until) {
            Optional<TaskFlow> flow = platform.node().flows().flows().find(taskId);
            if (flow.isPresent() && flow.get().status().equals("FINISH")) {
                return flow.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("flow " + taskId + " did not finish: " + platform.node().flows().flows().find(taskId));
    }
}
