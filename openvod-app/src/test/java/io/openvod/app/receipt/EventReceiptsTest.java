package io.openvod.app.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvod.app.store.AppDatabase;
import io.openvod.app.store.SqlReceivedEvents;
import io.openvod.app.store.SqlVideos;
import io.openvod.app.videos.Video;
import io.openvod.app.videos.VideoState;
import io.openvod.core.trace.Tracing;
import io.openvod.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The receipt service on a real database: stored before processed, once per content, nothing lost, also on two nodes. */
class EventReceiptsTest {
    private static final Tracing TRACING = Tracing.local("openvod-app");

    @TempDir
    Path dir;

    private record Service(AppDatabase database, EventReceipts receipts, SqlReceivedEvents events, SqlVideos videos)
            implements AutoCloseable {
        @Override
        public void close() {
            receipts.close();
            database.close();
        }
    }

    private Service open() {
        return open(AppDatabase.sqliteUrl(dir.resolve("app.db")));
    }

    private static Service open(String url) {
        AppDatabase database = AppDatabase.open(url);
        SqlReceivedEvents events = new SqlReceivedEvents(database.jdbi(), Clock.systemUTC());
        SqlVideos videos = new SqlVideos(database.jdbi());
        return new Service(database, new EventReceipts(events, Clock.systemUTC(), false, TRACING), events, videos);
    }

    @Test
    void anEventStoredBeforeACrashIsProcessedAfterTheRestart() throws Exception {
        try (Service first = open()) {
            first.receipts().receive("push", SpecEvents.bytes(SpecEvents.upload("alice", "req-1")), Optional.empty(), 0);
            first.receipts().receive("push", SpecEvents.bytes(SpecEvents.review("pass", 2.5)), Optional.empty(), 0);
            assertThat(first.events().received(10)).hasSize(2);
            assertThat(first.videos().find(SpecEvents.FILE_ID)).as("stored, not processed yet").isEmpty();
        }
        try (Service second = open()) {
            assertThat(second.receipts().drain()).isEqualTo(2);
            Video video = second.videos().find(SpecEvents.FILE_ID).orElseThrow();
            assertThat(video.state()).isEqualTo(VideoState.PUBLISHED);
            assertThat(video.userId()).contains("alice");
            assertThat(second.events().received(10)).isEmpty();
            assertThat(second.events().recent(10)).extracting(StoredEvent::state).containsOnly("PROCESSED");
        }
    }

    @Test
    void aDuplicateDeliveryIsStoredOnceAndReorderedOnesEndTheSame() throws Exception {
        try (Service service = open()) {
            EventReceipts receipts = service.receipts();
            byte[] finish = SpecEvents.bytes(SpecEvents.review("block", 96));
            byte[] upload = SpecEvents.bytes(SpecEvents.withNullSiblings(SpecEvents.upload("bob", "req-2")));
            EventReceipts.Receipt first = receipts.receive("push", finish, Optional.empty(), 0);
            assertThat(first.duplicate()).isFalse();
            receipts.drain();
            EventReceipts.Receipt again = receipts.receive("push", finish, Optional.empty(), 0);
            assertThat(again.duplicate()).isTrue();
            assertThat(again.id()).isEqualTo(first.id());
            receipts.receive("push", upload, Optional.empty(), 0);
            receipts.receive("pull", upload, Optional.empty(), 0);
            assertThat(receipts.drain()).isEqualTo(1);
            Video video = service.videos().find(SpecEvents.FILE_ID).orElseThrow();
            assertThat(video.state()).as("the late upload event does not undo the block").isEqualTo(VideoState.BLOCKED);
            assertThat(video.userId()).contains("bob");
            assertThat(service.events().recent(10)).hasSize(2);
        }
    }

    @Test
    void unknownTypesAreKeptAsIgnoredAndMalformedBodiesAreNotStored() throws Exception {
        try (Service service = open()) {
            EventReceipts receipts = service.receipts();
            receipts.receive("push", "{\"EventType\":\"WechatPublishComplete\",\"WechatPublishCompleteEvent\":{\"FileId\":\"77\"}}"
                    .getBytes(StandardCharsets.UTF_8), Optional.empty(), 0);
            receipts.drain();
            StoredEvent stored = service.events().recent(1).getFirst();
            assertThat(stored.state()).isEqualTo("IGNORED");
            assertThat(stored.note()).contains("WechatPublishComplete");
            assertThatThrownBy(() -> receipts.receive("push", "{\"EventType\":\"NewFileUpload\"}".getBytes(StandardCharsets.UTF_8),
                    Optional.empty(), 0)).isInstanceOf(MalformedEventException.class);
            assertThat(service.events().recent(10)).hasSize(1);
        }
    }

    @Test
    void theLegacyV2ShapeAndAPulledEventLeadToTheSameStates() throws Exception {
        try (Service service = open()) {
            EventReceipts receipts = service.receipts();
            receipts.receive("push", SpecEvents.bytes(SpecEvents.load("v2-new-file-upload.json")), Optional.empty(), 0);
            receipts.drain();
            Video fromV2 = service.videos().find(SpecEvents.FILE_ID).orElseThrow();
            assertThat(fromV2.state()).as("v2 upload with a procedureTaskId").isEqualTo(VideoState.PROCESSING);
            assertThat(fromV2.userId()).as("sourceContext uid=42&course=7 has no req: not one of our signatures").isEmpty();

            com.fasterxml.jackson.databind.JsonNode pulled = SpecEvents.load("v3-pull-events-response.json").get("Response")
                    .get("EventSet").get(0);
            EventReceipts.Receipt receipt = receipts.receive("pull", EventParser.withoutHandle(pulled), Optional.empty(), 0);
            assertThat(receipt.duplicate()).as("the v3 body is another body than the v2 one").isFalse();
            receipts.receive("pull", SpecEvents.bytes(SpecEvents.review("block", 93)), Optional.empty(), 0);
            receipts.drain();
            Video blocked = service.videos().find(SpecEvents.FILE_ID).orElseThrow();
            assertThat(blocked.state()).isEqualTo(VideoState.BLOCKED);
            assertThat(blocked.reviewConfidence()).isEqualTo(93);
            assertThat(blocked.mediaUrl()).endsWith("MHoT2yOdJg4A.mp4");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void twoNodesGivenTheSameEventsAtOnceStoreAndApplyEachOnce(TestDatabase engine) throws Exception {
        String url = engine.newUrl(dir);
        try (Service a = open(url); Service b = open(url)) {
            byte[] upload = SpecEvents.bytes(SpecEvents.upload("alice", "req-1"));
            byte[] review = SpecEvents.bytes(SpecEvents.review("pass", 2.5));
            List<Callable<Object>> deliveries = new ArrayList<>();
            for (byte[] body : List.of(upload, review)) {
                for (Service node : List.of(a, b)) {
                    deliveries.add(() -> node.receipts().receive("push", body, Optional.empty(), 0));
                }
            }
            together(deliveries);
            List<Object> drained = together(List.of(() -> a.receipts().drain(), () -> b.receipts().drain(), () -> a.receipts().drain()));

            assertThat(drained.stream().mapToInt(n -> (Integer) n).sum()).as("each event processed by one drain").isEqualTo(2);

            assertThat(a.events().recent(10)).hasSize(2).allSatisfy(e -> {
                assertThat(e.state()).isEqualTo("PROCESSED");
                assertThat(e.attempts()).as("applied by one node, once").isEqualTo(1);
            });
            Video video = b.videos().find(SpecEvents.FILE_ID).orElseThrow();
            assertThat(video.state()).isEqualTo(VideoState.PUBLISHED);
            assertThat(video.userId()).contains("alice");
            assertThat(video.review()).isEqualTo("pass");
        }
    }

    /** Runs the tasks on threads of their own, released together; fails when one does, else answers what each returned. */
    private static List<Object> together(List<Callable<Object>> tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (Callable<Object> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<Object> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theProcessorThreadAppliesWhatArrives() throws Exception {
        try (Service service = open()) {
            service.receipts().start();
            service.receipts().receive("push", SpecEvents.bytes(SpecEvents.upload("carol", "req-3")), Optional.of("evt-1"), 1);
            long until = System.nanoTime() + 10_000_000_000L;
            while (service.videos().find(SpecEvents.FILE_ID).isEmpty() && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            Video video = service.videos().find(SpecEvents.FILE_ID).orElseThrow();
            assertThat(video.state()).isEqualTo(VideoState.PROCESSING);
            assertThat(video.lastSequence()).isEqualTo(1);
            assertThat(service.events().recent(1).getFirst().eventId()).contains("evt-1");
        }
    }
}
