package io.openvod.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.openvod.platform.PlatformNode;
import io.openvod.platform.config.EventsConfig;
import io.openvod.platform.events.DeliveryRecord;
import io.openvod.platform.events.EventConfig;
import io.openvod.platform.flow.FlowSettings;
import io.openvod.platform.flow.steps.CoverBySnapshotStep;
import io.openvod.platform.flow.steps.PornReviewStep;
import io.openvod.platform.media.FfmpegTools;
import io.openvod.platform.media.TestClips;
import io.openvod.platform.review.ContentReviewer;
import io.openvod.platform.review.FrameScores;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.Tc3TestClient;
import io.openvod.platform.testing.Uploads;
import io.openvod.testing.PrometheusText;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a whole flow — an upload of N bytes, a cover and a content review, every event pushed to a
 * receiver — {@code GET /metrics} over real HTTP shows the counts that flow implies.
 */
class PlatformMetricsHttpTest {
    private static final long APP = PlatformFixture.APP_ID;
    private static final AtomicInteger CLASSIFIED = new AtomicInteger();
    /** Every frame 2% Porn: the review passes. */
    private static final ContentReviewer HARMLESS = jpegs -> {
        CLASSIFIED.addAndGet(jpegs.size());
        return jpegs.stream().map(j -> new FrameScores(Map.of(FrameScores.PORN, 0.02, FrameScores.NEUTRAL, 0.98))).toList();
    };

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newHttpClient();

    private static EventsConfig pushToLoopback() {
        EventsConfig d = EventsConfig.defaults();
        return new EventsConfig(d.mode(), d.notificationUrl(), d.uploadSwitch(), d.deleteSwitch(),
                new EventsConfig.Push(Duration.ofSeconds(2), Duration.ofMillis(50), Duration.ofSeconds(30), 20, 4, false, true, false),
                d.pull());
    }

    private PrometheusText scrape(String url) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url + "/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return PrometheusText.parse(answer.body());
    }

    @Test
    void aWholeFlowIsCountedOnce() throws Exception {
        AtomicInteger pushed = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            pushed.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        byte[] clip = Files.readAllBytes(TestClips.mp4(dir.resolve("clip.mp4"), Duration.ofSeconds(3), 320, 240));
        FfmpegTools ffmpeg = FfmpegTools.bundled();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        FlowSettings settings = new FlowSettings(2, Duration.ofSeconds(10), Duration.ofMillis(200), Duration.ofSeconds(60), 2,
                Duration.ofMillis(100), Duration.ofMillis(100), dir);
        try (PlatformFixture platform = PlatformFixture.start(dir.resolve("platform"), new PlatformNode.TaskFlows(List.of(
                new CoverBySnapshotStep(ffmpeg), new PornReviewStep(ffmpeg, HARMLESS, PornReviewStep.Thresholds.DEFAULT, registry)),
                settings), pushToLoopback(), registry)) {
            platform.node().eventConfigs().put(new EventConfig(APP, "PUSH",
                    "http://127.0.0.1:" + receiver.getAddress().getPort() + "/events", "ON", "ON", "OFF"));
            String fileId = Uploads.uploadSmall(platform, clip, b -> b).get("fileId").asText();
            Tc3TestClient.Answer process = new Tc3TestClient(platform.url(), Clock.systemUTC()).call("ProcessMedia", """
                    {"FileId":"%s","MediaProcessTask":{"CoverBySnapshotTaskSet":[{"Definition":10,"PositionType":"Time","PositionValue":1}]},
                     "AiContentReviewTask":{"Definition":10}}""".formatted(fileId));
            assertThat(process.errorCode()).as(process.body().toString()).isNull();

            PrometheusText text = awaitAllDelivered(platform);
            List<DeliveryRecord> delivered = pushDeliveries(platform, "DELIVERED");
            assertThat(delivered).as("NewFileUpload and ProcedureStateChanged").hasSizeGreaterThanOrEqualTo(2);
            assertThat(pushed.get()).isEqualTo(delivered.size());

            assertThat(text.sum("openvod_upload_bytes_total", "operation", "PutObject")).contains((double) clip.length);
            assertThat(text.sum("openvod_upload_bytes_total", "operation", "UploadPart")).isEmpty();
            assertThat(text.sum("openvod_upload_parts_total", "operation", "PutObject")).contains(1.0);
            assertThat(text.sum("openvod_upload_sessions_committed_total")).contains(1.0);
            assertThat(text.sum("openvod_upload_sessions_open")).contains(0.0);
            for (String type : List.of("CoverBySnapshot", "Porn")) {
                assertThat(text.sum("openvod_task_duration_seconds_count", "type", type, "outcome", "succeeded")).as(type).contains(1.0);
                assertThat(text.sum("openvod_task_duration_seconds_count", "type", type)).as(type).contains(1.0);
                assertThat(text.sum("openvod_task_duration_seconds_sum", "type", type).orElseThrow()).as(type).isGreaterThan(0);
                assertThat(text.sum("openvod_task_queue_depth", "type", type)).as(type).contains(0.0);
            }
            assertThat(text.sum("openvod_task_failures_total")).isEmpty();
            assertThat(text.sum("openvod_review_frames_total", "task_type", "Porn")).contains((double) CLASSIFIED.get());
            assertThat(CLASSIFIED.get()).isPositive();
            assertThat(text.sum("openvod_review_verdicts_total", "task_type", "Porn", "suggestion", "pass")).contains(1.0);
            assertThat(text.sum("openvod_push_deliveries_total", "outcome", "delivered")).contains((double) delivered.size());
            assertThat(text.sum("openvod_push_deliveries_total", "outcome", "dead")).contains(0.0);
            assertThat(text.sum("openvod_push_delivery_lag_seconds_count")).contains((double) delivered.size());
            assertThat(text.sum("openvod_pull_queue_depth")).contains(0.0);
            assertThat(text.sum("openvod_http_server_requests_seconds_count", "route", "ugc", "method", "POST", "outcome", "2xx"))
                    .as("ApplyUploadUGC and CommitUploadUGC").contains(2.0);
            assertThat(text.sum("openvod_http_server_requests_seconds_count", "route", "cos", "method", "PUT", "outcome", "2xx"))
                    .contains(1.0);
            assertThat(text.sum("openvod_http_server_requests_seconds_count", "route", "cloud_api", "outcome", "2xx")).contains(1.0);
            assertThat(text.samples()).as("no FileId in a label")
                    .allSatisfy(s -> assertThat(s.labels().values()).noneMatch(v -> v.contains(fileId)));
            assertThat(text.samples()).extracting(PrometheusText.Sample::name).allMatch(n -> n.matches("[a-z][a-z0-9_]*"));
        } finally {
            receiver.stop(0);
        }
    }

    private static List<DeliveryRecord> pushDeliveries(PlatformFixture platform, String state) {
        return platform.node().push().deliveries().list(Optional.of(state), Optional.empty(), 100).stream()
                .filter(d -> d.channel().equals("PUSH")).toList();
    }

    /** Scrapes until the flow's two tasks are done and every PUSH delivery is delivered and counted (at most 60 s). */
    private PrometheusText awaitAllDelivered(PlatformFixture platform) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            PrometheusText text = scrape(platform.url());
            int delivered = pushDeliveries(platform, "DELIVERED").size();
            boolean tasksDone = text.sum("openvod_task_duration_seconds_count").orElse(0.0) >= 2
                    && text.sum("openvod_task_queue_depth").orElse(1.0) == 0; // the gauge is read at most every 5 s
            if (tasksDone && delivered >= 2 && pushDeliveries(platform, "PENDING").isEmpty()
                    && text.sum("openvod_push_deliveries_total", "outcome", "delivered").orElse(0.0) == delivered) {
                return text;
            }
            if (System.nanoTime() > until) {
                throw new AssertionError("the flow did not finish within 60 s; deliveries " + delivered);
            }
            Thread.sleep(100);
        }
    }
}
