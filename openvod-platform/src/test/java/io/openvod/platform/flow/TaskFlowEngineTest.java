package io.openvod.platform.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.PlatformNode;
import io.openvod.platform.catalog.Media;
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
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskFlowEngineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] BODY = "not really a video, the fake steps do not read it".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    /** Succeeds with a fixed Output after checking it got a readable source. */
    static final class FixedStep implements TaskStep {
        private final String type;
        final AtomicInteger runs = new AtomicInteger();

        FixedStep(String type) {
            this.type = type;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public ObjectNode run(StepInput input, ProgressListener progress) {
            runs.incrementAndGet();
            assertThat(Files.isReadable(input.source())).isTrue();
            progress.progress(50);
            ObjectNode out = JSON.createObjectNode();
            out.put("Url", input.outputs().url("transcode/" + input.taskInput().path("Definition").asLong() + ".mp4"));
            out.put("Definition", input.taskInput().path("Definition").asLong());
            return out;
        }
    }

    /** Stores a cover image and answers its URL. */
    static final class CoverStep implements TaskStep {
        @Override
        public String type() {
            return "CoverBySnapshot";
        }

        @Override
        public ObjectNode run(StepInput input, ProgressListener progress) {
            try {
                Path jpg = Files.write(input.workDir().resolve("cover.jpg"), new byte[] {1, 2, 3});
                ObjectNode out = JSON.createObjectNode();
                out.put("CoverUrl", input.outputs().store("coverBySnapshot/coverBySnapshot_10_0.jpg", jpg));
                return out;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** Fails {@code failures} times, retryably or not, then succeeds. */
    static final class FailingStep implements TaskStep {
        private final String type;
        private final int failures;
        private final boolean retryable;
        final AtomicInteger runs = new AtomicInteger();

        FailingStep(String type, int failures, boolean retryable) {
            this.type = type;
            this.failures = failures;
            this.retryable = retryable;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public ObjectNode run(StepInput input, ProgressListener progress) throws StepFailure {
            if (runs.incrementAndGet() <= failures) {
                throw new StepFailure(TaskErrors.SOURCE_MALFORMED, "attempt " + runs.get() + " failed", retryable);
            }
            ObjectNode out = JSON.createObjectNode();
            out.put("CoverUrl", "http://covers.example/" + runs.get() + ".jpg");
            return out;
        }
    }

    /** Blocks until interrupted (a hung FFmpeg), then fails. */
    static final class BlockingStep implements TaskStep {
        private final String type;
        final java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        final AtomicInteger runs = new AtomicInteger();

        BlockingStep(String type) {
            this.type = type;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public ObjectNode run(StepInput input, ProgressListener progress) throws StepFailure {
            runs.incrementAndGet();
            started.countDown();
            try {
                Thread.sleep(Long.MAX_VALUE);
                throw new AssertionError("unreachable");
            } catch (InterruptedException e) {
                throw new StepFailure("FailedOperation.Interrupted", "interrupted", true, e);
            }
        }
    }

    private static FlowSettings fast(int workers) {
        return new FlowSettings(workers, Duration.ofSeconds(3), Duration.ofMillis(100), Duration.ofSeconds(30), 3, Duration.ofMillis(50),
                Duration.ofMillis(50), Path.of(System.getProperty("java.io.tmpdir")));
    }

    private PlatformFixture platform(int workers, TaskStep... steps) {
        return PlatformFixture.start(dir, new PlatformNode.TaskFlows(List.of(steps), fast(workers)));
    }

    private static String upload(PlatformFixture platform, UnaryOperator<SignatureParameters.Builder> signature) {
        return Uploads.uploadSmall(platform, BODY, signature).get("fileId").asText();
    }

    private static String taskIdOf(PlatformFixture platform, String fileId) throws Exception {
        JsonNode upload = JSON.readTree(platform.node().catalog().events(fileId).getFirst().event().body());
        return upload.get("FileUploadEvent").get("ProcedureTaskId").asText();
    }

    private static List<JsonNode> procedureEvents(PlatformFixture platform, String fileId) throws Exception {
        List<JsonNode> bodies = new ArrayList<>();
        for (StoredEvent e : platform.node().catalog().events(fileId)) {
            if (e.event().eventType().equals("ProcedureStateChanged")) {
                bodies.add(JSON.readTree(e.event().body()).get("ProcedureStateChangeEvent"));
            }
        }
        return bodies;
    }

    private static TaskFlow awaitFinish(PlatformFixture platform, String taskId) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            var flow = platform.node().flows().flows().find(taskId);
            if (flow.isPresent() && flow.get().status().equals("FINISH")) {
                return flow.get();
            }
            Thread.sleep(25);
        }
        throw new AssertionError("flow " + taskId + " did not finish: " + platform.node().flows().flows().find(taskId));
    }

    @Test
    void aProcedureRunsAndWritesOneFinishEventWithTheResults() throws Exception {
        FixedStep transcode = new FixedStep("Transcode");
        try (PlatformFixture platform = platform(2, transcode, new CoverStep())) {
            String fileId = upload(platform, b -> b.procedure("TranscodeCover").sessionContext("course=7").taskPriority(3));
            String taskId = taskIdOf(platform, fileId);
            TaskFlow flow = awaitFinish(platform, taskId);
            assertThat(flow.tasks()).extracting(FlowTask::status).containsExactly("SUCCESS", "SUCCESS", "SUCCESS");
            assertThat(transcode.runs.get()).isEqualTo(2);

            List<JsonNode> events = procedureEvents(platform, fileId);
            assertThat(events).hasSize(1);
            JsonNode event = events.getFirst();
            assertThat(event.get("TaskId").asText()).isEqualTo(taskId);
            assertThat(event.get("Status").asText()).isEqualTo("FINISH");
            assertThat(event.get("ErrCode").asLong()).isZero();
            assertThat(event.get("FileId").asText()).isEqualTo(fileId);
            assertThat(event.get("FileName").asText()).isEqualTo("small");
            assertThat(event.get("SessionContext").asText()).isEqualTo("course=7");
            assertThat(event.get("TasksPriority").asInt()).isEqualTo(3);
            assertThat(event.get("TasksNotifyMode").asText()).as("the signature named no mode: reported as Tencent does").isEmpty();
            assertThat(event.get("SessionId").asText()).isEmpty();
            assertThat(event.get("AiContentReviewResultSet").isArray()).isTrue();
            assertThat(event.get("AiAnalysisResultSet").isEmpty()).isTrue();
            JsonNode results = event.get("MediaProcessResultSet");
            assertThat(results).hasSize(3);
            JsonNode first = results.get(0);
            assertThat(first.get("Type").asText()).isEqualTo("Transcode");
            JsonNode task = first.get("TranscodeTask");
            assertThat(task.get("Status").asText()).isEqualTo("SUCCESS");
            assertThat(task.get("ErrCodeExt").asText()).isEmpty();
            assertThat(task.get("Message").asText()).isEqualTo("SUCCESS");
            assertThat(task.get("Progress").asInt()).isEqualTo(100);
            assertThat(task.get("BeginProcessTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
            assertThat(task.get("Input").get("Definition").asLong()).isEqualTo(100010);
            assertThat(task.get("Output").get("Url").asText()).endsWith("/" + fileId + "/transcode/100010.mp4");

            ObjectNode detail = new io.openvod.platform.cloudapi.DescribeTaskDetailAction(platform.node().flows().flows(), platform.node().catalog()).handle(
                    new io.openvod.platform.cloudapi.CloudCall(PlatformFixture.APP_ID, PlatformFixture.SECRET_ID, "req-1",
                            (appId, requested) -> platform.keys().resolveSubApp(appId, java.util.Optional.ofNullable(requested))),
                    JSON.createObjectNode().put("TaskId", taskId));
            assertThat(detail.get("TaskType").asText()).isEqualTo("Procedure");
            assertThat(detail.get("Status").asText()).isEqualTo("FINISH");
            assertThat(detail.get("ProcedureTask")).isEqualTo(event);
            assertThat(detail.get("TranscodeTask").isNull()).isTrue();

            String coverUrl = results.get(2).get("CoverBySnapshotTask").get("Output").get("CoverUrl").asText();
            Media media = platform.node().catalog().find(fileId).orElseThrow();
            assertThat(media.coverUrl()).isEqualTo(coverUrl);
            assertThat(media.coverKey()).hasValueSatisfying(key -> {
                assertThat(key).endsWith(fileId + "/coverBySnapshot/coverBySnapshot_10_0.jpg");
                assertThat(platform.store().stat(media.bucket() + "/" + key)).isPresent();
            });
        }
    }

    @Test
    void changeModeWritesAnEventForEachTaskChangeAndNoneWritesNone() throws Exception {
        try (PlatformFixture platform = platform(1, new FixedStep("Transcode"), new CoverStep())) {
            String fileId = upload(platform, b -> b.procedure("TranscodeCover").taskNotifyMode(TaskNotifyMode.Change));
            awaitFinish(platform, taskIdOf(platform, fileId));
            List<JsonNode> events = procedureEvents(platform, fileId);
            // three tasks started, two finished before the last one, then the FINISH snapshot
            assertThat(events).extracting(e -> e.get("Status").asText())
                    .containsExactly("PROCESSING", "PROCESSING", "PROCESSING", "PROCESSING", "PROCESSING", "FINISH");
            assertThat(events.getFirst().get("MediaProcessResultSet").get(0).get("TranscodeTask").has("Output")).isFalse();
            assertThat(events.getFirst().get("TasksNotifyMode").asText()).isEqualTo("Change");

            String quiet = upload(platform, b -> b.procedure("TranscodeCover").taskNotifyMode(TaskNotifyMode.None));
            awaitFinish(platform, taskIdOf(platform, quiet));
            assertThat(procedureEvents(platform, quiet)).isEmpty();
        }
    }

    @Test
    void higherPriorityTasksAreClaimedFirst() throws Exception {
        try (PlatformFixture platform = platform(0)) {
            String low = taskIdOf(platform, upload(platform, b -> b.procedure("Review").taskPriority(-5)));
            String high = taskIdOf(platform, upload(platform, b -> b.procedure("Review").taskPriority(10)));
            String normal = taskIdOf(platform, upload(platform, b -> b.procedure("Review")));
            TaskQueue flows = platform.node().flows().flows();
            assertThat(flows.startPending(10)).isEqualTo(3);
            List<String> order = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                order.add(flows.claim("test", 60_000).orElseThrow().task().taskId());
            }
            assertThat(order).containsExactly(high, normal, low);
            assertThat(flows.claim("test", 60_000)).isEmpty();
        }
    }

    @Test
    void applicationsTakeTurnsSoOnesBacklogDoesNotStarveAnother() throws Exception {
        long other = 1_500_000_002L;
        try (PlatformFixture platform = platform(0)) {
            platform.keys().addApp(PlatformFixture.APP_ID, other, "other");
            List<String> backlog = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                backlog.add(taskIdOf(platform, upload(platform, b -> b.procedure("Review").taskPriority(10))));
            }
            String late = taskIdOf(platform, uploadTo(platform, other, "Review"));
            TaskQueue flows = platform.node().flows().flows();
            assertThat(flows.startPending(10)).isEqualTo(5);
            // one worker: each task is finished before the next one is claimed
            List<String> order = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                FlowTask task = flows.claim("test", 60_000).orElseThrow().task();
                order.add(task.taskId());
                assertThat(flows.succeed(task.id(), "test", JSON.createObjectNode(), MediaChange.NONE)).isTrue();
            }
            assertThat(order).containsExactlyInAnyOrderElementsOf(concat(backlog, late));
            assertThat(order.indexOf(late)).as("the other application's flow waits for one task of the backlog at most")
                    .isLessThanOrEqualTo(1);
            assertThat(order.stream().filter(backlog::contains).toList()).as("oldest first within an application")
                    .containsExactlyElementsOf(backlog);
        }
    }

    private static List<String> concat(List<String> list, String more) {
        List<String> all = new ArrayList<>(list);
        all.add(more);
        return all;
    }

    /** An upload to another application, with a procedure: Apply, PUT Object and Commit all signed for it. */
    private static String uploadTo(PlatformFixture platform, long subAppId, String procedure) {
        JsonNode apply = Uploads.data(platform.ugc("ApplyUploadUGC", Uploads.applyBody(
                platform.signature(b -> b.vodSubAppId(subAppId).procedure(procedure)), "small", "mp4", BODY.length)));
        var cos = io.openvod.platform.testing.CosTestClient.forApply(platform.url(), apply);
        var put = cos.put(io.openvod.platform.testing.CosTestClient.key(apply.get("video").get("storagePath").asText()), BODY,
                java.util.Map.of(), java.util.Map.of());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        return Uploads.data(platform.ugc("CommitUploadUGC", PlatformFixture.json()
                .put("signature", platform.signature(b -> b.vodSubAppId(subAppId).procedure(procedure)))
                .put("vodSessionKey", apply.get("vodSessionKey").asText()))).get("fileId").asText();
    }

    @Test
    void mediaLongerThanTheMaximumDurationFailsAtOnceWithoutRunningTheStep() throws Exception {
        assertAThreeSecondClipIsRefusedAsTooLong(fast(1).withMaxDuration(Duration.ofSeconds(2)));
    }

    @Test
    void anApplicationsOwnMaximumDurationTakesThePlaceOfTheNodes() throws Exception {
        FlowSettings settings = fast(1).withMaxDuration(Duration.ofHours(1))
                .withMaxDurationByApp(java.util.Map.of(PlatformFixture.APP_ID, Duration.ofSeconds(2)));
        assertThat(settings.maxDurationFor(1_500_000_001L)).as("other applications keep the node's").isEqualTo(Duration.ofHours(1));
        assertAThreeSecondClipIsRefusedAsTooLong(settings);
    }

    /** Uploads a 3 s clip of the fixture's application under {@code settings}, whose longest media for it is 2 s. */
    private void assertAThreeSecondClipIsRefusedAsTooLong(FlowSettings settings) throws Exception {
        FixedStep transcode = new FixedStep("Transcode");
        try (PlatformFixture platform = PlatformFixture.start(dir, new PlatformNode.TaskFlows(List.of(transcode, new CoverStep()),
                settings))) {
            byte[] clip = Files.readAllBytes(io.openvod.platform.media.TestClips.mp4(dir.resolve("clip.mp4"), Duration.ofSeconds(3),
                    64, 48));
            String fileId = Uploads.uploadSmall(platform, clip, b -> b.procedure("TranscodeCover")).get("fileId").asText();
            TaskFlow flow = awaitFinish(platform, taskIdOf(platform, fileId));

            assertThat(transcode.runs.get()).isZero();
            assertThat(flow.tasks()).allSatisfy(task -> {
                assertThat(task.status()).isEqualTo("FAIL");
                assertThat(task.attempts()).isEqualTo(1);
                assertThat(task.errCodeExt()).isEqualTo("SourceFileError.ContentUnsupported");
                assertThat(task.message()).contains("longer than the 2 s this platform processes (platform.flows.maxDuration");
            });
            JsonNode event = procedureEvents(platform, fileId).getFirst();
            JsonNode refused = event.get("MediaProcessResultSet").get(0).get("TranscodeTask");
            assertThat(refused.get("ErrCodeExt").asText()).isEqualTo("SourceFileError.ContentUnsupported");
            assertThat(refused.get("ErrCode").asLong()).isEqualTo(60000);
        }
    }

    @Test
    void aStorageOutageIsRetriedWithBackoffUntilTheStoreRecovers() throws Exception {
        OutageStore[] outage = new OutageStore[1];
        try (PlatformFixture platform = PlatformFixture.start(dir, new PlatformNode.TaskFlows(List.of(new FixedStep("Transcode"),
                new CoverStep()), fast(1)), real -> outage[0] = new OutageStore(real, "/coverBySnapshot/", 5))) {
            String fileId = upload(platform, b -> b.procedure("TranscodeCover"));
            TaskFlow flow = awaitFinish(platform, taskIdOf(platform, fileId));

            FlowTask cover = flow.tasks().get(2);
            assertThat(cover.type()).isEqualTo("CoverBySnapshot");
            assertThat(cover.status()).as("the cover task after the outage").isEqualTo("SUCCESS");
            assertThat(cover.attempts()).as("more attempts than maxAttempts (3)").isEqualTo(6);
            assertThat(outage[0].refused.get()).isEqualTo(5);
            assertThat(platform.node().catalog().find(fileId).orElseThrow().coverUrl()).contains("coverBySnapshot");
        }
    }

    @Test
    void aTransientFailureIsGivenUpOnceTheRetryTimeIsSpent() throws Exception {
        FlowSettings settings = fast(1).withRetry(new io.openvod.core.retry.RetryPolicy(Duration.ofMillis(50), 2, Duration.ofMillis(100),
                Integer.MAX_VALUE, Duration.ofMillis(400), 0));
        try (PlatformFixture platform = PlatformFixture.start(dir, new PlatformNode.TaskFlows(List.of(new FixedStep("Transcode"),
                new CoverStep()), settings), real -> new OutageStore(real, "/coverBySnapshot/", Integer.MAX_VALUE))) {
            TaskFlow flow = awaitFinish(platform, taskIdOf(platform, upload(platform, b -> b.procedure("TranscodeCover"))));

            FlowTask cover = flow.tasks().get(2);
            assertThat(cover.status()).isEqualTo("FAIL");
            // waits of 50, 100, 100, 100 ms; a fifth would end past 400 ms
            assertThat(cover.attempts()).isEqualTo(5);
            assertThat(cover.errCodeExt()).isEqualTo("InternalError");
            assertThat(cover.message()).contains("the object store is unavailable");
        }
    }

    @Test
    void aPermanentFailureFailsAtOnceWhateverTheRetryPolicy() throws Exception {
        FailingStep cover = new FailingStep("CoverBySnapshot", 10, false);
        FlowSettings settings = fast(1).withRetry(FlowSettings.defaultRetry(Duration.ofMillis(10)));
        try (PlatformFixture platform = PlatformFixture.start(dir, new PlatformNode.TaskFlows(List.of(new FixedStep("Transcode"), cover),
                settings))) {
            TaskFlow flow = awaitFinish(platform, taskIdOf(platform, upload(platform, b -> b.procedure("TranscodeCover"))));

            assertThat(flow.tasks().get(2).status()).isEqualTo("FAIL");
            assertThat(flow.tasks().get(2).attempts()).isEqualTo(1);
            assertThat(flow.tasks().get(2).errCodeExt()).isEqualTo(TaskErrors.SOURCE_MALFORMED);
            assertThat(cover.runs.get()).isEqualTo(1);
        }
    }

    @Test
    void aStartingNodeRemovesTheWorkDirectoriesAKilledOneLeftBehind() throws Exception {
        Path root = dir.resolve("tmp");
        Path leftover = Files.createDirectories(root.resolve("openvod-task-123456"));
        Files.write(leftover.resolve("transcode-100010.mp4"), new byte[1024]);
        Path other = Files.writeString(root.resolve("not-a-task.txt"), "kept");
        FlowSettings settings = fast(1);
        settings = new FlowSettings(settings.workers(), settings.lease(), settings.heartbeat(), settings.timeout(), settings.maxAttempts(),
                settings.backoff(), settings.poll(), root, settings.maxDuration(), settings.retry());
        FixedStep transcode = new FixedStep("Transcode");
        try (PlatformFixture platform = PlatformFixture.start(dir, new PlatformNode.TaskFlows(List.of(transcode, new CoverStep()),
                settings))) {
            assertThat(leftover).doesNotExist();
            assertThat(other).exists();
            awaitFinish(platform, taskIdOf(platform, upload(platform, b -> b.procedure("TranscodeCover"))));
            assertThat(transcode.runs.get()).isEqualTo(2);
            try (var left = Files.list(root)) {
                assertThat(left).as("a finished task leaves nothing").containsExactly(other);
            }
        }
    }

    @Test
    void aTaskWhoseWorkerDiedIsRunAgainWhenItsLeaseRunsOut() throws Exception {
        FixedStep transcode = new FixedStep("Transcode");
        try (PlatformFixture platform = platform(0)) {
            String taskId = taskIdOf(platform, upload(platform, b -> b.procedure("TranscodeCover")));
            TaskQueue flows = platform.node().flows().flows();
            flows.startPending(10);
            // a worker claims the first task with a short lease and dies without a heartbeat
            FlowTask claimed = flows.claim("dead-worker", 1).orElseThrow().task();
            Thread.sleep(20);
            try (FlowEngine other = new FlowEngine(flows, platform.node().catalog(), platform.store(),
                    new io.openvod.platform.ugc.StorageLayout(platform.url()), List.of(transcode, new CoverStep()), fast(2),
                    java.time.Clock.systemUTC(), io.openvod.core.trace.Tracing.local("openvod-platform"))) {
                other.start();
                TaskFlow flow = awaitFinish(platform, taskId);
                FlowTask again = flow.tasks().stream().filter(t -> t.id().equals(claimed.id())).findFirst().orElseThrow();
                assertThat(again.status()).isEqualTo("SUCCESS");
                assertThat(again.attempts()).isEqualTo(2);
                assertThat(flows.heartbeat(claimed.id(), "dead-worker", 10, 1000)).as("the dead worker's lease is gone").isFalse();
            }
        }
    }

    @Test
    void aRetryableFailureIsRetriedUntilItSucceeds() throws Exception {
        FailingStep cover = new FailingStep("CoverBySnapshot", 2, true);
        try (PlatformFixture platform = platform(2, new FixedStep("Transcode"), cover)) {
            String fileId = upload(platform, b -> b.procedure("TranscodeCover"));
            TaskFlow flow = awaitFinish(platform, taskIdOf(platform, fileId));
            FlowTask task = flow.tasks().get(2);
            assertThat(task.status()).isEqualTo("SUCCESS");
            assertThat(task.attempts()).isEqualTo(3);
            assertThat(cover.runs.get()).isEqualTo(3);
            assertThat(platform.node().catalog().find(fileId).orElseThrow().coverUrl()).isEqualTo("http://covers.example/3.jpg");
        }
    }

    @Test
    void aPermanentFailureIsReportedAndTheFlowStillFinishesAndCanBeRunAgain() throws Exception {
        FailingStep cover = new FailingStep("CoverBySnapshot", 1, false);
        try (PlatformFixture platform = platform(2, new FixedStep("Transcode"), cover)) {
            String fileId = upload(platform, b -> b.procedure("ReviewTranscodeCover"));
            String taskId = taskIdOf(platform, fileId);
            TaskFlow flow = awaitFinish(platform, taskId);
            assertThat(cover.runs.get()).isEqualTo(1);
            List<JsonNode> events = procedureEvents(platform, fileId);
            assertThat(events).hasSize(1);
            JsonNode event = events.getFirst();
            assertThat(event.get("Status").asText()).isEqualTo("FINISH");
            JsonNode failed = event.get("MediaProcessResultSet").get(2).get("CoverBySnapshotTask");
            assertThat(failed.get("Status").asText()).isEqualTo("FAIL");
            assertThat(failed.get("ErrCodeExt").asText()).isEqualTo("SourceFileError.ContentMalformed");
            assertThat(failed.get("ErrCode").asLong()).isEqualTo(60000);
            assertThat(failed.get("Message").asText()).isEqualTo("attempt 1 failed");
            assertThat(failed.has("Output")).isFalse();
            // review types without a step fail clearly, in AiContentReviewResultSet
            JsonNode review = event.get("AiContentReviewResultSet");
            assertThat(review).hasSize(1);
            assertThat(review.get(0).get("Type").asText()).isEqualTo("Porn");
            assertThat(review.get(0).get("PornTask").get("ErrCodeExt").asText()).isEqualTo("InvalidInput.ConfigurationUnsupported");
            assertThat(review.get(0).get("PornTask").get("ErrCode").asLong()).isEqualTo(40000);

            assertThat(platform.node().flows().flows().rerunFailed(taskId)).isEqualTo(2);
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (procedureEvents(platform, fileId).size() < 2 && System.nanoTime() < until) {
                Thread.sleep(25);
            }
            flow = awaitFinish(platform, taskId);
            assertThat(flow.tasks().get(2).status()).isEqualTo("SUCCESS");
            assertThat(procedureEvents(platform, fileId)).hasSize(2);
        }
    }

    @Test
    void anAttemptThatRunsPastTheTimeoutIsInterruptedAndCountsAsFailed() throws Exception {
        BlockingStep hung = new BlockingStep("CoverBySnapshot");
        FlowSettings settings = new FlowSettings(2, Duration.ofSeconds(3), Duration.ofMillis(50), Duration.ofMillis(300), 2,
                Duration.ofMillis(20), Duration.ofMillis(50), Path.of(System.getProperty("java.io.tmpdir")));
        try (PlatformFixture platform = PlatformFixture.start(dir, new PlatformNode.TaskFlows(List.of(new FixedStep("Transcode"), hung),
                settings))) {
            String fileId = upload(platform, b -> b.procedure("TranscodeCover"));
            TaskFlow flow = awaitFinish(platform, taskIdOf(platform, fileId));
            FlowTask cover = flow.tasks().get(2);
            assertThat(cover.status()).isEqualTo("FAIL");
            assertThat(cover.errCodeExt()).isEqualTo(FlowEngine.TIMEOUT);
            assertThat(cover.attempts()).isEqualTo(2);
            assertThat(hung.runs.get()).isEqualTo(2);
        }
    }

    @Test
    void stoppingTheNodeGivesARunningTaskBackToTheQueue() throws Exception {
        BlockingStep hung = new BlockingStep("Transcode");
        String taskId;
        try (PlatformFixture platform = platform(1, hung)) {
            taskId = taskIdOf(platform, upload(platform, b -> b.procedure("TranscodeCover")));
            assertThat(hung.started.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
        try (PlatformFixture platform = platform(2, new FixedStep("Transcode"), new CoverStep())) {
            TaskFlow flow = awaitFinish(platform, taskId);
            assertThat(flow.tasks()).extracting(FlowTask::status).containsExactly("SUCCESS", "SUCCESS", "SUCCESS");
            assertThat(flow.tasks().getFirst().attempts()).as("the interrupted attempt is not counted").isEqualTo(1);
        }
    }
}
