package io.openvod.platform.ugc;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.core.trace.LogContext;
import io.openvod.core.trace.TraceParent;
import io.openvod.platform.PlatformNode;
import io.openvod.platform.flow.FlowSettings;
import io.openvod.platform.flow.StepInput;
import io.openvod.platform.flow.TaskStep;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.Tc3TestClient;
import io.openvod.platform.testing.Uploads;
import io.openvod.testing.TestSecrets;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * One trace per upload, over real HTTP on a real database: which trace Apply takes (a
 * {@code traceparent} header, the signature request named in the signed {@code sourceContext}, or
 * a new one), and that Commit, the task flows it starts and every event of the media stay in it.
 */
class UploadTraceHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] BODY = {7, 8, 9};

    @TempDir
    Path dir;

    /** Passes every review: a stand-in for the Porn step, which this test does not exercise. */
    static final class PassingReview implements TaskStep {
        @Override
        public String type() {
            return "Porn";
        }

        @Override
        public ObjectNode run(StepInput input, ProgressListener progress) {
            ObjectNode out = JSON.createObjectNode();
            out.put("Suggestion", "pass");
            return out;
        }
    }

    private static JsonNode apply(PlatformFixture platform, String signature, Map<String, String> headers) {
        return Uploads.data(platform.ugc("ApplyUploadUGC", Uploads.applyBody(signature, "clip", "mp4", BODY.length), headers));
    }

    private static String sessionTrace(PlatformFixture platform, String fileId) {
        return platform.database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT trace_id FROM upload_sessions WHERE file_id = :fileId AND target_file_id IS NULL")
                .bind("fileId", fileId)
                .mapTo(String.class)
                .one());
    }

    private static String fileIdOf(JsonNode apply) {
        String path = apply.get("video").get("storagePath").asText();
        return path.substring(0, path.lastIndexOf('/')).replaceAll(".*/", "");
    }

    @Test
    void applyShouldTakeTheTraceOfAValidTraceparentHeader() {
        try (PlatformFixture platform = PlatformFixture.start(dir)) {
            TraceParent caller = TraceParent.newTrace();
            String request = UUID.randomUUID().toString();
            JsonNode apply = apply(platform, platform.signature(b -> b.sourceContext("uid=7&req=" + request)),
                    Map.of("traceparent", caller.header()));

            assertThat(sessionTrace(platform, fileIdOf(apply))).as("the header before the sourceContext").isEqualTo(caller.traceId());
        }
    }

    @Test
    void applyShouldTakeTheSignatureRequestNamedInTheSignedSourceContext() {
        try (PlatformFixture platform = PlatformFixture.start(dir)) {
            String request = UUID.randomUUID().toString();
            JsonNode apply = apply(platform, platform.signature(b -> b.sourceContext("uid=alice&req=" + request)),
                    Map.of("traceparent", "00-not-a-valid-traceparent-01"));

            assertThat(sessionTrace(platform, fileIdOf(apply))).as("an invalid header is ignored")
                    .isEqualTo(request.replace("-", ""));
        }
    }

    @Test
    void applyWithoutEitherShouldBeginANewTrace() {
        try (PlatformFixture platform = PlatformFixture.start(dir)) {
            String first = sessionTrace(platform, fileIdOf(apply(platform, platform.signature(), Map.of())));
            String second = sessionTrace(platform, fileIdOf(apply(platform,
                    platform.signature(b -> b.sourceContext("uid=bob&req=not-a-uuid")), Map.of())));

            assertThat(List.of(first, second)).allMatch(TraceParent::isTraceId);
            assertThat(first).isNotEqualTo(second);
        }
    }

    @Test
    void aCommittedUploadsFlowsAndEventsShouldStayInItsTrace() throws Exception {
        FlowSettings fast = new FlowSettings(1, Duration.ofSeconds(3), Duration.ofMillis(100), Duration.ofSeconds(30), 3,
                Duration.ofMillis(50), Duration.ofMillis(50), Path.of(System.getProperty("java.io.tmpdir")));
        try (PlatformFixture platform = PlatformFixture.start(dir, new PlatformNode.TaskFlows(List.of(new PassingReview()), fast))) {
            String request = UUID.randomUUID().toString();
            String trace = request.replace("-", "");
            String fileId = Uploads.uploadSmall(platform, BODY, b -> b.procedure("Review").sourceContext("uid=carol&req=" + request))
                    .get("fileId").asText();
            awaitEvent(platform, fileId, "ProcedureStateChanged");

            List<String> flowTraces = platform.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT trace_id FROM task_flows WHERE file_id = :fileId").bind("fileId", fileId).mapTo(String.class).list());
            assertThat(flowTraces).containsExactly(trace);
            List<TraceParent> events = platform.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT traceparent FROM event_outbox WHERE file_id = :fileId ORDER BY seq").bind("fileId", fileId)
                    .mapTo(String.class).list()).stream().map(t -> TraceParent.parse(t).orElseThrow()).toList();
            assertThat(events).hasSize(2).allSatisfy(e -> assertThat(e.traceId()).isEqualTo(trace));
            assertThat(events.get(0).spanId()).as("NewFileUpload by the Commit step, ProcedureStateChanged by the task's")
                    .isNotEqualTo(events.get(1).spanId());
        }
    }

    private static void awaitEvent(PlatformFixture platform, String fileId, String type) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (platform.node().catalog().events(fileId).stream().noneMatch(e -> e.event().eventType().equals(type))) {
            if (System.nanoTime() > until) {
                throw new AssertionError("no " + type + " event of " + fileId + ": " + platform.node().catalog().events(fileId));
            }
            Thread.sleep(25);
        }
    }

    @Test
    void apiUploadsAndTheFlowsOfApiCallsShouldRunInTheCallersTraceElseTheMediasUploads() {
        try (PlatformFixture platform = PlatformFixture.start(dir)) {
            Tc3TestClient api = new Tc3TestClient(platform.url(), Clock.systemUTC());
            TraceParent caller = TraceParent.newTrace();
            Tc3TestClient.Answer applied = api.call("ApplyUpload", "{\"MediaType\":\"mp4\"}", Map.of("traceparent", caller.header()));
            assertThat(applied.errorCode()).as(applied.body().toString()).isNull();
            TestSecrets.remember(applied.response().get("TempCertificate").get("SecretKey").asText());
            TestSecrets.remember(applied.response().get("TempCertificate").get("Token").asText());
            String mediaPath = applied.response().get("MediaStoragePath").asText();
            assertThat(sessionTrace(platform, mediaPath.substring(0, mediaPath.lastIndexOf('/')).replaceAll(".*/", "")))
                    .isEqualTo(caller.traceId());

            String request = UUID.randomUUID().toString();
            String fileId = Uploads.uploadSmall(platform, BODY, b -> b.sourceContext("req=" + request)).get("fileId").asText();
            String ownTrace = reviewFlowTrace(platform, api, fileId, Map.of());
            TraceParent other = TraceParent.newTrace();
            String callersTrace = reviewFlowTrace(platform, api, fileId, Map.of("traceparent", other.header()));

            assertThat(ownTrace).as("the trace of the media's upload").isEqualTo(request.replace("-", ""));
            assertThat(callersTrace).isEqualTo(other.traceId());
        }
    }

    /** Starts a ReviewAudioVideo task on {@code fileId} and reads the trace its flow was stored with. */
    private static String reviewFlowTrace(PlatformFixture platform, Tc3TestClient api, String fileId, Map<String, String> headers) {
        Tc3TestClient.Answer answer = api.call("ReviewAudioVideo", "{\"FileId\":\"" + fileId + "\"}", headers);
        assertThat(answer.errorCode()).as(answer.body().toString()).isNull();
        String taskId = answer.response().get("TaskId").asText();
        return platform.node().flows().flows().find(taskId).orElseThrow().traceId().orElseThrow();
    }

    @Test
    void aRequestsLogLinesShouldCarryItsRequestId() {
        Logger http = (Logger) LoggerFactory.getLogger("io.openvod.platform.http");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        http.addAppender(lines);
        try (PlatformFixture platform = PlatformFixture.start(dir)) {
            HttpResponse<String> refused = platform.ugcResponse("ApplyUploadUGC",
                    Uploads.applyBody("not-a-signature", "clip", "mp4", 3).toString(), Map.of());
            String requestId = refused.headers().firstValue("X-Request-Id").orElseThrow();

            List<ILoggingEvent> logged;
            synchronized (lines) {
                logged = List.copyOf(lines.list);
            }
            assertThat(logged).filteredOn(e -> e.getFormattedMessage().startsWith("ApplyUploadUGC refused")).singleElement()
                    .satisfies(e -> assertThat(e.getMDCPropertyMap()).containsEntry(LogContext.REQUEST_ID, requestId));
        } finally {
            http.detachAppender(lines);
        }
    }
}
