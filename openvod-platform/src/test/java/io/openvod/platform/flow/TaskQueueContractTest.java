package io.openvod.platform.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.core.trace.TraceParent;
import io.openvod.platform.catalog.FlowRequest;
import io.openvod.platform.catalog.Media;
import io.openvod.platform.testing.TestClock;
import io.openvod.platform.testing.TestSessions;
import io.openvod.platform.ugc.SqlUploadSessions;
import io.openvod.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What every {@link TaskQueue} adapter must do, on SQLite and on PostgreSQL. */
class TaskQueueContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long APP = 1_400_000_001L;
    private static final long OTHER_APP = 1_400_000_002L;
    private static final long LEASE = 60_000;
    private static final Duration SESSION_VALIDITY = Duration.ofHours(1);

    @TempDir
    Path dir;

    private final TestClock clock = TestClock.atNow();

    private QueueNode node(TestDatabase engine) {
        return new QueueNode(engine.newUrl(dir), clock);
    }

    /** Submits a flow of {@code procedure} and moves the clock on, so that flows are ordered by age. */
    private String submit(QueueNode node, long app, String procedure, int priority) {
        String taskId = node.submit(app, "file-" + System.nanoTime(), procedure, priority, "Finish");
        clock.advance(Duration.ofMillis(1));
        return taskId;
    }

    private static FlowTask task(TaskQueue queue, String taskId, int position) {
        return queue.find(taskId).orElseThrow().tasks().get(position);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void startPendingShouldStartEachRequestedFlowOnceWithItsTemplatesTasks(TestDatabase engine) {
        try (QueueNode node = node(engine); QueueNode other = new QueueNode(node.database.jdbcUrl(), clock)) {
            String cover = node.request(APP, "file-1", "TranscodeCover", 0, "Finish");
            String unknown = node.request(APP, "file-2", "NoSuchTemplate", 0, "Finish");
            TaskFlow asked = other.queue.find(cover).orElseThrow();
            assertThat(asked.status()).as("asked for, not started").isEqualTo("WAITING");
            assertThat(asked.tasks()).isEmpty();
            assertThat(asked.fileId()).isEqualTo("file-1");
            assertThat(asked.procedure()).isEqualTo("TranscodeCover");
            assertThat(asked.notifyMode()).isEqualTo("Finish");

            assertThat(node.queue.startPending(10)).isEqualTo(2);
            assertThat(other.queue.startPending(10)).as("another node finds nothing left to start").isZero();

            TaskFlow flow = other.queue.find(cover).orElseThrow();
            assertThat(flow.status()).isEqualTo("PROCESSING");
            assertThat(flow.tasks()).extracting(FlowTask::type).containsExactly("Transcode", "Transcode", "CoverBySnapshot");
            assertThat(flow.tasks()).extracting(FlowTask::status).containsOnly("WAITING");
            TaskFlow empty = node.queue.find(unknown).orElseThrow();
            assertThat(empty.status()).as("a flow without tasks finishes at once").isEqualTo("FINISH");
            assertThat(node.eventTypes("file-2")).containsExactly(ProcedureEvents.PROCEDURE_STATE_CHANGED);
            assertThat(node.queue.find("no-such-flow")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aFlowAnUploadAskedForShouldRunInTheUploadsTrace(TestDatabase engine) {
        try (QueueNode node = node(engine); QueueNode other = new QueueNode(node.database.jdbcUrl(), clock)) {
            String trace = TraceParent.newTrace().traceId();
            java.time.Instant now = java.time.Instant.ofEpochMilli(clock.millis());
            new SqlUploadSessions(node.database.jdbi()).create(TestSessions.media("hash-traced", "file-traced", APP, now, SESSION_VALIDITY)
                    .withTrace(trace), TestSessions.credential("hash-traced", now.plus(SESSION_VALIDITY)));
            String traced = node.request(APP, "file-traced", "Review", 0, "Finish");
            String plain = node.request(APP, "file-plain", "NoSuchTemplate", 0, "Finish");

            assertThat(other.queue.startPending(10)).isEqualTo(2);

            assertThat(node.queue.find(traced).orElseThrow().traceId()).hasValue(trace);
            assertThat(node.queue.claim("worker", LEASE).orElseThrow().traceId()).hasValue(trace);
            assertThat(node.queue.find(plain).orElseThrow().traceId()).as("no upload session, no trace").isEmpty();
            assertThat(node.catalog.events("file-plain")).singleElement().extracting(e -> e.event().traceparent())
                    .as("the event of a flow without tasks or trace").isEqualTo(Optional.empty());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void eventsShouldCarryTheStepThatWroteThemElseTheRootOfTheFlowsTrace(TestDatabase engine) {
        try (QueueNode node = node(engine); QueueNode other = new QueueNode(node.database.jdbcUrl(), clock)) {
            String trace = TraceParent.newTrace().traceId();
            Optional<TraceParent> root = io.openvod.platform.trace.UploadTrace.rootOf(Optional.of(trace));
            FlowRequest changes = QueueNode.flow(APP, "file-change", "Review", 0, "Change").withTrace(trace);
            FlowRequest failing = QueueNode.flow(APP, "file-fail", "Review", 0, "Finish").withTrace(trace);
            FlowRequest quiet = QueueNode.flow(APP, "file-quiet", "Review", 0, "Finish").withTrace(trace);
            for (FlowRequest request : List.of(changes, failing, quiet)) {
                assertThat(node.queue.submit(List.of(request), Duration.ZERO)).isTrue();
                assertThat(other.queue.find(request.taskId()).orElseThrow().traceId()).hasValue(trace);
                clock.advance(Duration.ofMillis(1));
            }

            TraceParent succeeded = TraceParent.inTrace(trace);
            TaskQueue.Claim first = other.queue.claim("worker", LEASE).orElseThrow();
            assertThat(first.task().taskId()).isEqualTo(changes.taskId());
            assertThat(first.traceId()).hasValue(trace);
            assertThat(other.queue.succeed(first.task().id(), "worker", JSON.createObjectNode(), MediaChange.NONE,
                    Optional.of(succeeded))).isTrue();
            TraceParent failed = TraceParent.inTrace(trace);
            TaskQueue.Claim second = other.queue.claim("worker", LEASE).orElseThrow();
            assertThat(other.queue.fail(second.task().id(), "worker", TaskErrors.SOURCE_MALFORMED, "bad", Optional.of(failed))).isTrue();
            TaskQueue.Claim third = other.queue.claim("worker", LEASE).orElseThrow();
            assertThat(other.queue.succeed(third.task().id(), "worker", JSON.createObjectNode(), MediaChange.NONE)).isTrue();

            assertThat(traceparents(node, "file-change")).as("the claim's PROCESSING event, then the step's FINISH")
                    .containsExactly(root, Optional.of(succeeded));
            assertThat(traceparents(node, "file-fail")).containsExactly(Optional.of(failed));
            assertThat(traceparents(node, "file-quiet")).as("written outside a step").containsExactly(root);
        }
    }

    private static List<Optional<TraceParent>> traceparents(QueueNode node, String fileId) {
        return node.catalog.events(fileId).stream().map(e -> e.event().traceparent()).toList();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void depthByTypeShouldCountTheWaitingTasksOfEachTypeAndTheirOldest(TestDatabase engine) {
        try (QueueNode node = node(engine); QueueNode other = new QueueNode(node.database.jdbcUrl(), clock)) {
            assertThat(node.queue.depthByType()).isEmpty();
            java.time.Instant started = java.time.Instant.ofEpochMilli(clock.millis());
            node.request(APP, "file-1", "TranscodeCover", 0, "Finish");
            node.queue.startPending(10);
            clock.advance(Duration.ofSeconds(5));
            submit(node, APP, "Review", 0);

            java.util.Map<String, TaskQueue.Waiting> depth = other.queue.depthByType();
            assertThat(depth).as("the Review procedure is one Porn task").containsOnlyKeys("Transcode", "CoverBySnapshot", "Porn");
            assertThat(depth.get("Transcode")).isEqualTo(new TaskQueue.Waiting(2, started));
            assertThat(depth.get("CoverBySnapshot")).isEqualTo(new TaskQueue.Waiting(1, started));
            assertThat(depth.get("Porn")).isEqualTo(new TaskQueue.Waiting(1, started.plusSeconds(5)));

            String claimed = node.queue.claim("worker", LEASE).orElseThrow().task().type();
            long left = depth.get(claimed).tasks() - 1;
            assertThat(other.queue.depthByType().getOrDefault(claimed, new TaskQueue.Waiting(0, started)).tasks())
                    .as("a claimed task no longer waits").isEqualTo(left);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void submitShouldRefuseASessionIdUsedWithinTheWindow(TestDatabase engine) {
        try (QueueNode node = node(engine)) {
            var first = new io.openvod.platform.catalog.FlowRequest(io.openvod.platform.catalog.FlowRequest.newTaskId(APP), "file-1",
                    APP, APP, "Review", 0, "Finish", "", Optional.empty(), Optional.of("session-1"));
            var again = new io.openvod.platform.catalog.FlowRequest(io.openvod.platform.catalog.FlowRequest.newTaskId(APP), "file-1",
                    APP, APP, "Review", 0, "Finish", "", Optional.empty(), Optional.of("session-1"));

            assertThat(node.queue.submit(List.of(first), Duration.ofDays(7))).isTrue();
            assertThat(node.queue.submit(List.of(again), Duration.ofDays(7))).isFalse();
            assertThat(node.queue.submit(List.of(), Duration.ofDays(7))).isFalse();

            assertThat(node.queue.find(first.taskId())).isPresent();
            assertThat(node.queue.find(again.taskId())).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void claimShouldTakeTheHighestPriorityFirstThenTheOldest(TestDatabase engine) {
        try (QueueNode node = node(engine)) {
            String low = submit(node, APP, "Review", -5);
            String older = submit(node, APP, "Review", 0);
            String high = submit(node, APP, "Review", 10);
            String newer = submit(node, APP, "Review", 0);

            List<String> order = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                order.add(node.queue.claim("worker", LEASE).orElseThrow().task().taskId());
            }

            assertThat(order).containsExactly(high, older, newer, low);
            assertThat(node.queue.claim("worker", LEASE)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void claimShouldLetApplicationsTakeTurns(TestDatabase engine) {
        try (QueueNode node = node(engine)) {
            List<String> backlog = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                backlog.add(submit(node, APP, "Review", 10));
            }
            String late = submit(node, OTHER_APP, "Review", 0);

            TaskQueue.Claim first = node.queue.claim("worker", LEASE).orElseThrow();
            TaskQueue.Claim second = node.queue.claim("worker", LEASE).orElseThrow();

            assertThat(first.task().taskId()).as("the oldest flow goes first").isEqualTo(backlog.getFirst());
            assertThat(second.task().taskId()).as("the application with fewer tasks running goes next").isEqualTo(late);
            assertThat(second.subAppId()).isEqualTo(OTHER_APP);
            assertThat(node.queue.succeed(first.task().id(), "worker", JSON.createObjectNode(), MediaChange.NONE)).isTrue();
            assertThat(node.queue.succeed(second.task().id(), "worker", JSON.createObjectNode(), MediaChange.NONE)).isTrue();
            List<String> rest = new ArrayList<>();
            for (Optional<TaskQueue.Claim> c = node.queue.claim("worker", LEASE); c.isPresent(); c = node.queue.claim("worker", LEASE)) {
                rest.add(c.get().task().taskId());
            }
            assertThat(rest).as("oldest first within an application").containsExactlyElementsOf(backlog.subList(1, 4));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void applicationsServedEquallyShouldAlternate(TestDatabase engine) {
        try (QueueNode node = node(engine)) {
            List<String> mine = List.of(submit(node, APP, "Review", 0), submit(node, APP, "Review", 0), submit(node, APP, "Review", 0));
            List<String> theirs = List.of(submit(node, OTHER_APP, "Review", 0), submit(node, OTHER_APP, "Review", 0));

            List<Long> apps = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                TaskQueue.Claim claim = node.queue.claim("worker", LEASE).orElseThrow();
                apps.add(claim.subAppId());
                clock.advance(Duration.ofMillis(1));
                assertThat(node.queue.succeed(claim.task().id(), "worker", JSON.createObjectNode(), MediaChange.NONE)).isTrue();
            }

            assertThat(apps).as("the application served longest ago goes next").containsExactly(APP, OTHER_APP, APP, OTHER_APP, APP);
            assertThat(mine).allSatisfy(id -> assertThat(node.queue.find(id).orElseThrow().status()).isEqualTo("FINISH"));
            assertThat(theirs).allSatisfy(id -> assertThat(node.queue.find(id).orElseThrow().status()).isEqualTo("FINISH"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aTaskWhoseLeaseRanOutShouldBeTakenOverByAnotherOwner(TestDatabase engine) {
        try (QueueNode node = node(engine); QueueNode survivor = new QueueNode(node.database.jdbcUrl(), clock)) {
            String taskId = submit(node, APP, "Review", 0);
            TaskQueue.Claim dead = node.queue.claim("dead-node", 1_000).orElseThrow();
            assertThat(dead.abandoned()).isFalse();
            assertThat(survivor.queue.claim("survivor", LEASE)).as("the lease still runs").isEmpty();

            clock.advance(Duration.ofMillis(1_001));
            TaskQueue.Claim taken = survivor.queue.claim("survivor", LEASE).orElseThrow();

            assertThat(taken.task().id()).isEqualTo(dead.task().id());
            assertThat(taken.abandoned()).isTrue();
            assertThat(taken.task().attempts()).isEqualTo(2);
            String id = dead.task().id();
            assertThat(node.queue.heartbeat(id, "dead-node", 50, LEASE)).isFalse();
            assertThat(node.queue.succeed(id, "dead-node", JSON.createObjectNode(), MediaChange.NONE)).isFalse();
            assertThat(node.queue.fail(id, "dead-node", "InternalError", "late")).isFalse();
            assertThat(node.queue.retryLater(id, "dead-node", "InternalError", "late", clock.instant())).isFalse();
            assertThat(node.queue.release(id, "dead-node")).isFalse();
            assertThat(task(node.queue, taskId, 0).status()).as("the dead node changed nothing").isEqualTo("PROCESSING");
            assertThat(survivor.queue.succeed(id, "survivor", JSON.createObjectNode(), MediaChange.NONE)).isTrue();
            assertThat(node.queue.find(taskId).orElseThrow().status()).isEqualTo("FINISH");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void heartbeatShouldRenewTheOwnersLeaseOnlyAndRecordProgress(TestDatabase engine) {
        try (QueueNode node = node(engine)) {
            String taskId = submit(node, APP, "Review", 0);
            String id = node.queue.claim("owner", 1_000).orElseThrow().task().id();

            assertThat(node.queue.heartbeat(id, "someone-else", 90, LEASE)).isFalse();
            assertThat(node.queue.heartbeat(id, "owner", 140, 5_000)).isTrue();
            assertThat(task(node.queue, taskId, 0).progress()).as("progress is kept within 0–100").isEqualTo(100);
            assertThat(node.queue.heartbeat(id, "owner", 40, 5_000)).isTrue();
            clock.advance(Duration.ofMillis(4_000));
            assertThat(node.queue.claim("other", LEASE)).as("the renewed lease outlasts the first").isEmpty();
            clock.advance(Duration.ofMillis(1_001));
            assertThat(node.queue.claim("other", LEASE)).isPresent();

            assertThat(task(node.queue, taskId, 0).progress()).isEqualTo(40);
            assertThat(node.queue.heartbeat("no-such-task", "owner", 10, LEASE)).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void succeedShouldRecordTheOutputFinishTheFlowAndChangeItsMedia(TestDatabase engine) {
        try (QueueNode node = node(engine)) {
            node.addMedia("file-1", APP, "bucket-1");
            String taskId = node.submit(APP, "file-1", "Review", 0, "Finish");
            TaskQueue.Claim claim = node.queue.claim("worker", LEASE).orElseThrow();
            assertThat(claim.fileId()).isEqualTo("file-1");
            assertThat(claim.subAppId()).isEqualTo(APP);
            ObjectNode output = JSON.createObjectNode().put("Suggestion", "block");
            MediaChange change = new MediaChange(Optional.of(new MediaChange.Cover("http://media/bucket-1/c.jpg", Optional.of("c.jpg"))), true);

            assertThat(node.queue.succeed(claim.task().id(), "worker", output, change)).isTrue();

            TaskFlow flow = node.queue.find(taskId).orElseThrow();
            assertThat(flow.status()).isEqualTo("FINISH");
            assertThat(flow.finishedAt()).isPresent();
            FlowTask done = flow.tasks().getFirst();
            assertThat(done.status()).isEqualTo("SUCCESS");
            assertThat(done.progress()).isEqualTo(100);
            assertThat(done.finishTime()).isPresent();
            assertThat(node.queue.outputs("file-1")).singleElement().satisfies(o -> {
                assertThat(o.type()).isEqualTo("Porn");
                assertThat(o.output()).isEqualTo(output);
            });
            Media media = node.catalog.find("file-1").orElseThrow();
            assertThat(media.coverUrl()).isEqualTo("http://media/bucket-1/c.jpg");
            assertThat(media.coverKey()).contains("c.jpg");
            assertThat(media.status()).isEqualTo(Media.FORBIDDEN);
            assertThat(node.eventTypes("file-1")).containsExactly(ProcedureEvents.PROCEDURE_STATE_CHANGED);
            assertThat(node.queue.succeed(claim.task().id(), "worker", output, change)).as("a task succeeds once").isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aFlowShouldFinishWhenItsLastTaskIsDone(TestDatabase engine) {
        try (QueueNode node = node(engine)) {
            node.addMedia("file-1", APP, "bucket-1");
            String taskId = node.submit(APP, "file-1", "TranscodeCover", 0, "Change");
            List<TaskQueue.Claim> claims = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                claims.add(node.queue.claim("worker", LEASE).orElseThrow());
            }
            assertThat(node.eventTypes("file-1")).as("Change mode reports each task that starts").hasSize(3);

            assertThat(node.queue.succeed(claims.get(0).task().id(), "worker", JSON.createObjectNode(), MediaChange.NONE)).isTrue();
            assertThat(node.queue.fail(claims.get(1).task().id(), "worker", TaskErrors.SOURCE_MALFORMED, "bad input")).isTrue();
            assertThat(node.queue.find(taskId).orElseThrow().status()).isEqualTo("PROCESSING");
            assertThat(node.queue.succeed(claims.get(2).task().id(), "worker", JSON.createObjectNode(), MediaChange.NONE)).isTrue();

            TaskFlow flow = node.queue.find(taskId).orElseThrow();
            assertThat(flow.status()).isEqualTo("FINISH");
            assertThat(flow.tasks()).extracting(FlowTask::status).containsExactly("SUCCESS", "FAIL", "SUCCESS");
            assertThat(flow.tasks().get(1).errCodeExt()).isEqualTo(TaskErrors.SOURCE_MALFORMED);
            assertThat(flow.tasks().get(1).message()).isEqualTo("bad input");
            assertThat(node.eventTypes("file-1")).as("and each that ends").hasSize(6);
            assertThat(node.catalog.find("file-1").orElseThrow().status()).as("no change asked, none made").isEqualTo(Media.NORMAL);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void retryLaterShouldKeepTheTaskWaitingUntilItsTime(TestDatabase engine) {
        try (QueueNode node = node(engine)) {
            String taskId = submit(node, APP, "Review", 0);
            String id = node.queue.claim("worker", LEASE).orElseThrow().task().id();

            assertThat(node.queue.retryLater(id, "worker", "InternalError", "crashed", clock.instant().plusSeconds(5))).isTrue();

            FlowTask waiting = task(node.queue, taskId, 0);
            assertThat(waiting.status()).isEqualTo("WAITING");
            assertThat(waiting.errCodeExt()).isEqualTo("InternalError");
            assertThat(node.queue.find(taskId).orElseThrow().status()).isEqualTo("PROCESSING");
            assertThat(node.queue.claim("worker", LEASE)).isEmpty();
            clock.advance(Duration.ofSeconds(5));
            TaskQueue.Claim again = node.queue.claim("worker", LEASE).orElseThrow();
            assertThat(again.task().id()).isEqualTo(id);
            assertThat(again.task().attempts()).isEqualTo(2);
            assertThat(again.abandoned()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rerunFailedShouldQueueTheFailedTasksAgainFromAFirstAttempt(TestDatabase engine) {
        try (QueueNode node = node(engine)) {
            node.addMedia("file-1", APP, "bucket-1");
            String taskId = node.submit(APP, "file-1", "Review", 0, "Finish");
            String id = node.queue.claim("worker", LEASE).orElseThrow().task().id();
            assertThat(node.queue.fail(id, "worker", TaskErrors.SOURCE_MALFORMED, "bad input")).isTrue();
            assertThat(node.queue.find(taskId).orElseThrow().status()).isEqualTo("FINISH");

            assertThat(node.queue.rerunFailed(taskId)).isEqualTo(1);
            assertThat(node.queue.rerunFailed("no-such-flow")).isZero();

            TaskFlow flow = node.queue.find(taskId).orElseThrow();
            assertThat(flow.status()).isEqualTo("PROCESSING");
            assertThat(flow.tasks().getFirst().status()).isEqualTo("WAITING");
            assertThat(flow.tasks().getFirst().errCodeExt()).isEmpty();
            TaskQueue.Claim again = node.queue.claim("worker", LEASE).orElseThrow();
            assertThat(again.task().attempts()).isEqualTo(1);
            assertThat(node.queue.succeed(again.task().id(), "worker", JSON.createObjectNode(), MediaChange.NONE)).isTrue();
            assertThat(node.eventTypes("file-1")).as("the flow is reported again when it finishes again")
                    .containsExactly(ProcedureEvents.PROCEDURE_STATE_CHANGED, ProcedureEvents.PROCEDURE_STATE_CHANGED);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void releaseShouldGiveTheTaskBackWithoutCountingTheAttempt(TestDatabase engine) {
        try (QueueNode node = node(engine)) {
            String taskId = submit(node, APP, "Review", 0);
            String id = node.queue.claim("stopping-node", LEASE).orElseThrow().task().id();

            assertThat(node.queue.release(id, "another-node")).isFalse();
            assertThat(node.queue.release(id, "stopping-node")).isTrue();

            assertThat(task(node.queue, taskId, 0).attempts()).isZero();
            TaskQueue.Claim again = node.queue.claim("next-node", LEASE).orElseThrow();
            assertThat(again.task().attempts()).isEqualTo(1);
            assertThat(again.abandoned()).isFalse();
        }
    }

    /** Nodes claiming at once, each with its own connection pool: every task is claimed by exactly one of them. */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void oneSessionIdSubmittedToSeveralNodesAtOnceShouldStartOneFlow(TestDatabase engine) throws Exception {
        int nodes = 4;
        try (QueueNode first = node(engine)) {
            List<QueueNode> others = new ArrayList<>();
            ExecutorService threads = Executors.newFixedThreadPool(nodes);
            try {
                for (int i = 0; i < nodes; i++) {
                    others.add(new QueueNode(first.database.jdbcUrl(), clock));
                }
                for (int round = 0; round < 5; round++) {
                    String session = "session-race-" + round;
                    CountDownLatch go = new CountDownLatch(1);
                    List<Future<Boolean>> accepted = new ArrayList<>();
                    for (QueueNode other : others) {
                        var request = new io.openvod.platform.catalog.FlowRequest(io.openvod.platform.catalog.FlowRequest.newTaskId(APP),
                                "file-race", APP, APP, "Review", 0, "Finish", "", Optional.empty(), Optional.of(session));
                        accepted.add(threads.submit(() -> {
                            go.await();
                            return other.queue.submit(List.of(request), Duration.ofDays(3));
                        }));
                    }
                    go.countDown();
                    int starts = 0;
                    for (Future<Boolean> a : accepted) {
                        starts += a.get() ? 1 : 0;
                    }
                    assertThat(starts).as("flows started for " + session).isEqualTo(1);
                }
            } finally {
                threads.shutdownNow();
                for (QueueNode other : others) {
                    other.close();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void nodesClaimingAtOnceShouldClaimEveryTaskExactlyOnce(TestDatabase engine) throws Exception {
        claimAtOnce(engine, TaskQueue.Companions.NONE);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void nodesClaimingWithCompanionsAtOnceShouldClaimEveryTaskExactlyOnce(TestDatabase engine) throws Exception {
        claimAtOnce(engine, (claimed, flow) -> flow.tasks());
    }

    /** Four nodes claim the tasks of 20 flows at once, each claim with {@code companions}, and finish each task they claimed. */
    private void claimAtOnce(TestDatabase engine, TaskQueue.Companions companions) throws Exception {
        int nodes = 4;
        try (QueueNode first = node(engine)) {
            List<String> flows = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                flows.add(submit(first, i % 2 == 0 ? APP : OTHER_APP, "TranscodeCover", i % 3));
            }
            int tasks = flows.size() * 3;
            List<QueueNode> others = new ArrayList<>();
            ExecutorService threads = Executors.newFixedThreadPool(nodes);
            try {
                for (int i = 0; i < nodes; i++) {
                    others.add(new QueueNode(first.database.jdbcUrl(), clock));
                }
                Set<String> claimed = ConcurrentHashMap.newKeySet();
                List<String> twice = new java.util.concurrent.CopyOnWriteArrayList<>();
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Integer>> counts = new ArrayList<>();
                for (int i = 0; i < nodes; i++) {
                    TaskQueue queue = others.get(i).queue;
                    String owner = "node-" + i;
                    counts.add(threads.submit(() -> {
                        go.await();
                        int mine = 0;
                        for (Optional<TaskQueue.Claim> c = queue.claim(owner, LEASE, companions); c.isPresent();
                             c = queue.claim(owner, LEASE, companions)) {
                            for (FlowTask task : c.get().tasks()) {
                                if (!claimed.add(task.id())) {
                                    twice.add(task.id());
                                }
                                mine++;
                                if (!queue.succeed(task.id(), owner, JSON.createObjectNode(), MediaChange.NONE)) {
                                    throw new AssertionError(owner + " lost task " + task.id());
                                }
                            }
                        }
                        return mine;
                    }));
                }
                go.countDown();
                int total = 0;
                for (Future<Integer> count : counts) {
                    total += count.get();
                }

                assertThat(twice).as("tasks claimed twice").isEmpty();
                assertThat(claimed).hasSize(tasks);
                assertThat(total).isEqualTo(tasks);
                for (String taskId : flows) {
                    TaskFlow flow = first.queue.find(taskId).orElseThrow();
                    assertThat(flow.status()).as("flow %s", taskId).isEqualTo("FINISH");
                    assertThat(first.eventTypes(flow.fileId())).as("one finish event for %s", taskId)
                            .containsExactly(ProcedureEvents.PROCEDURE_STATE_CHANGED);
                }
            } finally {
                threads.shutdownNow();
                others.forEach(QueueNode::close);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void listShouldShowEveryFlowAskedForNewestFirstWithItsStatusAndFilters(TestDatabase engine) {
        try (QueueNode node = node(engine); QueueNode other = new QueueNode(node.database.jdbcUrl(), clock)) {
            java.time.Instant askedAt = java.time.Instant.ofEpochMilli(clock.millis());
            String asked = node.request(APP, "file-a", "TranscodeCover", 0, "Finish");
            clock.advance(Duration.ofMillis(1));
            String started = node.submit(APP, "file-b", "Review", 0, "Finish");
            clock.advance(Duration.ofMillis(1));
            String running = node.submit(APP, "file-c", "Review", 10, "Finish");
            clock.advance(Duration.ofMillis(1));
            String failed = node.submit(OTHER_APP, "file-a", "Review", 0, "Finish");
            clock.advance(Duration.ofMillis(1));
            FlowRequest reviewRequest = new FlowRequest(FlowRequest.newReviewTaskId(APP), "file-d", APP, APP, "", 0, "Finish", "",
                    Optional.of(FlowRequest.AdHocTasks.reviewAudioVideo("{\"Definition\":10}")), Optional.of("session-9"));
            node.database.jdbi().useTransaction(h -> node.catalog.requestFlow(h, reviewRequest, Duration.ZERO));
            String review = reviewRequest.taskId();
            assertThat(node.queue.claim("worker", LEASE).orElseThrow().task().taskId()).isEqualTo(running);
            TaskQueue.Claim failing = node.queue.claim("worker", LEASE).orElseThrow();
            assertThat(failing.task().taskId()).as("the other application's turn").isEqualTo(failed);
            assertThat(node.queue.fail(failing.task().id(), "worker", "FailedOperation.InvalidInput", "bad")).isTrue();

            List<FlowSummary> all = other.queue.list(FlowQuery.newest(10));

            assertThat(all).extracting(FlowSummary::taskId).containsExactly(review, failed, running, started, asked);
            assertThat(all).extracting(FlowSummary::status)
                    .containsExactly("WAITING", "FINISH", "PROCESSING", "WAITING", "WAITING");
            assertThat(all).extracting(FlowSummary::tasks).as("a flow not started has no tasks yet").containsExactly(0, 1, 1, 1, 0);
            assertThat(all).extracting(FlowSummary::failedTasks).containsExactly(0, 1, 0, 0, 0);
            assertThat(all).extracting(FlowSummary::taskType)
                    .containsExactly("ReviewAudioVideo", "Procedure", "Procedure", "Procedure", "Procedure");
            FlowSummary first = all.getLast();
            assertThat(first).extracting(FlowSummary::fileId, FlowSummary::subAppId, FlowSummary::procedure, FlowSummary::createdAt,
                    FlowSummary::beganAt, FlowSummary::finishedAt).containsExactly("file-a", APP, "TranscodeCover", askedAt,
                    Optional.empty(), Optional.empty());
            assertThat(all.get(1).beganAt()).isPresent();
            assertThat(all.get(1).finishedAt()).isPresent();
            assertThat(all.getFirst()).extracting(FlowSummary::procedure, FlowSummary::sessionId).containsExactly("", "session-9");

            assertThat(other.queue.list(FlowQuery.newest(10).withFileId("file-a"))).extracting(FlowSummary::taskId)
                    .containsExactly(failed, asked);
            assertThat(other.queue.list(FlowQuery.newest(10).withSubAppId(OTHER_APP))).extracting(FlowSummary::taskId)
                    .containsExactly(failed);
            assertThat(other.queue.list(FlowQuery.newest(10).withStatus("WAITING"))).extracting(FlowSummary::taskId)
                    .containsExactly(review, started, asked);
            assertThat(other.queue.list(FlowQuery.newest(10).withStatus("PROCESSING"))).extracting(FlowSummary::taskId)
                    .containsExactly(running);
            assertThat(other.queue.list(FlowQuery.newest(10).withStatus("FINISH"))).extracting(FlowSummary::taskId)
                    .containsExactly(failed);
            assertThat(other.queue.list(FlowQuery.newest(2))).extracting(FlowSummary::taskId).containsExactly(review, failed);
            assertThat(other.queue.list(FlowQuery.newest(2).from(running))).as("the next page starts at the flow named")
                    .extracting(FlowSummary::taskId).containsExactly(running, started);
            assertThat(other.queue.list(FlowQuery.newest(10).from("no-such-flow"))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void claimShouldTakeTheCompanionsTheDomainNamesWithTheSameLease(TestDatabase engine) {
        try (QueueNode node = node(engine); QueueNode other = new QueueNode(node.database.jdbcUrl(), clock)) {
            node.addMedia("file-1", APP, "bucket-1");
            String taskId = node.submit(APP, "file-1", "TranscodeCover", 0, "Change");
            clock.advance(Duration.ofMillis(1));
            String elsewhere = submit(node, APP, "TranscodeCover", 0);
            FlowTask otherFlows = task(node.queue, elsewhere, 1);
            List<FlowTask> asked = new ArrayList<>();
            TaskQueue.Companions transcodes = (claimed, flow) -> {
                asked.add(claimed);
                List<FlowTask> named = new ArrayList<>(flow.tasks().stream().filter(t -> t.type().equals("Transcode")).toList());
                named.add(otherFlows);
                return named;
            };

            TaskQueue.Claim claim = node.queue.claim("worker", LEASE, transcodes).orElseThrow();

            assertThat(asked).singleElement().satisfies(claimed -> {
                assertThat(claimed.position()).isZero();
                assertThat(claimed.attempts()).as("the claimed task is taken when the domain is asked").isEqualTo(1);
            });
            assertThat(claim.task().taskId()).isEqualTo(taskId);
            assertThat(claim.task().position()).isZero();
            assertThat(claim.companions()).as("the flow's other transcode; not the claimed task again, not another flow's task")
                    .singleElement().satisfies(companion -> {
                        assertThat(companion.position()).isEqualTo(1);
                        assertThat(companion.status()).isEqualTo("PROCESSING");
                        assertThat(companion.attempts()).isEqualTo(1);
                    });
            assertThat(claim.tasks()).extracting(FlowTask::position).containsExactly(0, 1);
            TaskFlow flow = other.queue.find(taskId).orElseThrow();
            assertThat(flow.tasks()).extracting(FlowTask::status).containsExactly("PROCESSING", "PROCESSING", "WAITING");
            assertThat(flow.tasks().get(1).beginTime()).isEqualTo(flow.tasks().get(0).beginTime());
            assertThat(task(node.queue, elsewhere, 1).status()).isEqualTo("WAITING");
            String companion = claim.companions().getFirst().id();
            assertThat(other.queue.heartbeat(companion, "someone-else", 10, LEASE)).isFalse();
            assertThat(other.queue.heartbeat(companion, "worker", 10, LEASE)).as("the companion is the worker's").isTrue();
            assertThat(node.eventTypes("file-1")).as("Change mode: a start event per task claimed")
                    .containsExactly(ProcedureEvents.PROCEDURE_STATE_CHANGED, ProcedureEvents.PROCEDURE_STATE_CHANGED);

            TaskQueue.Claim next = other.queue.claim("other", LEASE).orElseThrow();
            assertThat(next.task().taskId()).isEqualTo(taskId);
            assertThat(next.task().position()).as("only the cover is left of the flow").isEqualTo(2);
            assertThat(next.companions()).isEmpty();
            for (FlowTask task : claim.tasks()) {
                assertThat(node.queue.succeed(task.id(), "worker", JSON.createObjectNode(), MediaChange.NONE)).isTrue();
            }
            assertThat(other.queue.succeed(next.task().id(), "other", JSON.createObjectNode(), MediaChange.NONE)).isTrue();
            assertThat(node.queue.find(taskId).orElseThrow().status()).isEqualTo("FINISH");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void companionsShouldBeTakenOnlyWhileDueAndNoOneElsesTask(TestDatabase engine) {
        try (QueueNode node = node(engine); QueueNode other = new QueueNode(node.database.jdbcUrl(), clock)) {
            String taskId = submit(node, APP, "LongVideoPreset", 0);
            TaskQueue.Claim held = other.queue.claim("other", LEASE).orElseThrow();
            assertThat(held.task().position()).isZero();
            TaskQueue.Claim waits = other.queue.claim("other", LEASE).orElseThrow();
            assertThat(waits.task().position()).isEqualTo(1);
            assertThat(other.queue.retryLater(waits.task().id(), "other", "InternalError", "crashed",
                    clock.instant().plusSeconds(60))).isTrue();

            TaskQueue.Claim claim = node.queue.claim("worker", LEASE, (claimed, flow) -> flow.tasks()).orElseThrow();

            assertThat(claim.task().position()).isEqualTo(2);
            assertThat(claim.companions()).as("not the task another worker holds, nor the one waiting for its retry")
                    .extracting(FlowTask::position).containsExactly(3);
            assertThat(other.queue.heartbeat(held.task().id(), "other", 10, LEASE)).isTrue();
            assertThat(task(node.queue, taskId, 1).status()).isEqualTo("WAITING");
            assertThat(task(node.queue, taskId, 1).attempts()).isEqualTo(1);
        }
    }

    /** On PostgreSQL a companion another transaction has locked is skipped, not waited for (two claims would wait for each other). */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCompanionAnotherTransactionHoldsShouldBeSkippedOnPostgres(TestDatabase engine) {
        assumeTrue(engine == TestDatabase.POSTGRES, "SQLite locks the whole database, not rows");
        try (QueueNode node = node(engine); Handle holder = node.database.jdbi().open()) {
            String taskId = submit(node, APP, "TranscodeCover", 0);
            holder.begin();
            holder.createQuery("SELECT id FROM flow_tasks WHERE task_id = :id AND position = 1 FOR UPDATE").bind("id", taskId)
                    .mapTo(String.class).one();
            try {
                TaskQueue.Claim claim = assertTimeoutPreemptively(Duration.ofSeconds(10),
                        () -> node.queue.claim("worker", LEASE, (claimed, flow) -> flow.tasks()).orElseThrow());
                assertThat(claim.task().position()).isZero();
                assertThat(claim.companions()).extracting(FlowTask::position).containsExactly(2);
            } finally {
                holder.rollback();
            }
            assertThat(node.queue.claim("worker", LEASE).orElseThrow().task().position()).isEqualTo(1);
        }
    }

    /** On PostgreSQL a claim skips the task another transaction has locked instead of waiting for it. */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void claimShouldSkipATaskAnotherTransactionHoldsOnPostgres(TestDatabase engine) {
        assumeTrue(engine == TestDatabase.POSTGRES, "SQLite locks the whole database, not rows");
        try (QueueNode node = node(engine); Handle holder = node.database.jdbi().open()) {
            String first = submit(node, APP, "Review", 0);
            String second = submit(node, APP, "Review", 0);
            holder.begin();
            holder.createQuery("SELECT id FROM flow_tasks WHERE task_id = :id FOR UPDATE").bind("id", first).mapTo(String.class).one();
            try {
                TaskQueue.Claim claim = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> node.queue.claim("worker", LEASE).orElseThrow());
                assertThat(claim.task().taskId()).isEqualTo(second);
            } finally {
                holder.rollback();
            }
            assertThat(node.queue.claim("worker", LEASE).orElseThrow().task().taskId()).isEqualTo(first);
        }
    }
}
