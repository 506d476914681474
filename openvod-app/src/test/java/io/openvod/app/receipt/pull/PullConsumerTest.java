package io.openvod.app.receipt.pull;

import io.openvod.app.vod.VodApiException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.app.receipt.EventReceipts;
import io.openvod.app.receipt.SpecEvents;
import io.openvod.app.receipt.StoredEvent;
import io.openvod.app.store.AppDatabase;
import io.openvod.app.store.SqlReceivedEvents;
import io.openvod.app.store.SqlVideos;
import io.openvod.app.videos.Video;
import io.openvod.app.videos.VideoState;
import io.openvod.core.TimeOrderedIds;
import io.openvod.core.trace.Tracing;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pull consumer against an in-memory VOD queue and a real SQLite receipt service. */
class PullConsumerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Tracing TRACING = Tracing.local("openvod-app");

    @TempDir
    Path dir;
    private AppDatabase database;
    private SqlReceivedEvents events;
    private SqlVideos videos;
    private EventReceipts receipts;
    private final FakeVodEvents vod = new FakeVodEvents();

    @BeforeEach
    void open() {
        database = AppDatabase.openSqlite(dir.resolve("app.db"));
        events = new SqlReceivedEvents(database.jdbi(), Clock.systemUTC());
        videos = new SqlVideos(database.jdbi());
        receipts = new EventReceipts(events, Clock.systemUTC(), false, TRACING);
    }

    @AfterEach
    void close() {
        receipts.close();
        database.close();
    }

    private PullConsumer consumer(PullConsumer.Sleeper sleeper) {
        return new PullConsumer(vod, receipts, Backoff.DEFAULT, sleeper);
    }

    @Test
    void aPulledUploadThatAnnouncedAReviewTaskIsPublishedOnlyWithItsPulledVerdict() throws Exception {
        vod.add(SpecEvents.reviewedUpload("frank", "req-5"));
        vod.add(SpecEvents.tencent("v3-procedure-finish-transcode-cover.json"));
        assertThat(consumer(d -> { }).cycle().stored()).isEqualTo(2);
        assertThat(videos.find(SpecEvents.FILE_ID).orElseThrow().state()).as("the verdict is still to come")
                .isEqualTo(VideoState.PROCESSING);

        vod.add(SpecEvents.reviewTask("pass"));
        assertThat(consumer(d -> { }).cycle().stored()).isEqualTo(1);
        Video video = videos.find(SpecEvents.FILE_ID).orElseThrow();
        assertThat(video.state()).isEqualTo(VideoState.PUBLISHED);
        assertThat(video.review()).isEqualTo("pass");
        assertThat(vod.unconfirmed()).isZero();
        assertThat(events.recent(10)).extracting(StoredEvent::state).containsOnly("PROCESSED");
    }

    @Test
    void aPulledEventJoinsTheTraceOfTheSignatureRequestItsSourceContextNames() throws Exception {
        String requestId = TimeOrderedIds.next();
        vod.add(SpecEvents.upload("alice", requestId));
        vod.add(SpecEvents.upload("bob", "req-not-a-uuid"));

        assertThat(consumer(d -> { }).cycle().stored()).isEqualTo(2);
        assertThat(events.recent(10)).extracting(StoredEvent::traceId)
                .containsExactlyInAnyOrder(Optional.of(requestId.replace("-", "")), Optional.empty());
    }

    @Test
    void eventsAreStoredProcessedAndConfirmed() throws Exception {
        vod.add(SpecEvents.upload("alice", "req-1"));
        vod.add(SpecEvents.review("pass", 2.5));

        PullConsumer.Cycle cycle = consumer(d -> { }).cycle();

        assertThat(cycle).isEqualTo(new PullConsumer.Cycle(2, 2, 0, 0));
        assertThat(vod.unconfirmed()).isZero();
        assertThat(vod.confirmed).hasSize(2);
        Video video = videos.find(SpecEvents.FILE_ID).orElseThrow();
        assertThat(video.state()).isEqualTo(VideoState.PUBLISHED);
        assertThat(video.userId()).contains("alice");
        List<StoredEvent> stored = events.recent(10);
        assertThat(stored).extracting(StoredEvent::source).containsOnly("pull");
        assertThat(stored).extracting(StoredEvent::body).noneMatch(b -> b.contains("EventHandle"));
    }

    @Test
    void aBodyPulledTwiceIsStoredOnce() throws Exception {
        vod.add(SpecEvents.upload("alice", "req-1"));
        vod.add(SpecEvents.withNullSiblings(SpecEvents.upload("alice", "req-1")));

        PullConsumer.Cycle cycle = consumer(d -> { }).cycle();

        assertThat(cycle).isEqualTo(new PullConsumer.Cycle(2, 1, 1, 0));
        assertThat(events.recent(10)).hasSize(1);
        assertThat(vod.confirmed).as("both deliveries are confirmed").hasSize(2);
        assertThat(vod.unconfirmed()).isZero();
    }

    @Test
    void confirmingComesAfterStoringAndProcessing() throws Exception {
        vod.add(SpecEvents.upload("bob", "req-2"));
        vod.add(SpecEvents.review("pass", 1));
        List<String> seenAtConfirm = new ArrayList<>();
        vod.beforeConfirm = () -> {
            events.recent(10).forEach(e -> seenAtConfirm.add(e.state()));
            seenAtConfirm.add(videos.find(SpecEvents.FILE_ID).map(v -> v.state().wireName()).orElse("no video"));
        };

        consumer(d -> { }).cycle();

        assertThat(seenAtConfirm).as("both events stored and processed, the video published, before ConfirmEvents")
                .containsExactly("PROCESSED", "PROCESSED", "published");
    }

    @Test
    void aFailingConfirmLeadsToARepeatThatStaysIdempotent() throws Exception {
        vod.add(SpecEvents.upload("carol", "req-3"));
        vod.add(SpecEvents.review("pass", 3));
        vod.beforeConfirm = () -> {
            throw new VodApiException("ConfirmEvents", "InternalError", "try later", "req-x");
        };
        PullConsumer consumer = consumer(d -> { });

        assertThatThrownBy(consumer::cycle).isInstanceOf(VodApiException.class).hasMessageContaining("InternalError");
        assertThat(vod.unconfirmed()).as("VOD keeps the events").isEqualTo(2);
        Video before = videos.find(SpecEvents.FILE_ID).orElseThrow();

        vod.beforeConfirm = () -> { };
        PullConsumer.Cycle again = consumer.cycle();

        assertThat(again).isEqualTo(new PullConsumer.Cycle(2, 0, 2, 0));
        assertThat(vod.unconfirmed()).isZero();
        assertThat(events.recent(10)).hasSize(2).extracting(StoredEvent::state).containsOnly("PROCESSED");
        Video after = videos.find(SpecEvents.FILE_ID).orElseThrow();
        assertThat(after.state()).isEqualTo(VideoState.PUBLISHED);
        assertThat(after.updatedAt()).as("the repeat changed nothing").isEqualTo(before.updatedAt());
    }

    @Test
    void aMalformedEventIsConfirmedWithoutBeingStored() throws Exception {
        vod.add(JSON.createObjectNode().put("NotAnEvent", true));
        vod.add(JSON.createObjectNode().put("EventType", "NewFileUpload"));
        vod.add(SpecEvents.upload("dave", "req-4"));

        PullConsumer.Cycle cycle = consumer(d -> { }).cycle();

        assertThat(cycle).isEqualTo(new PullConsumer.Cycle(3, 1, 0, 2));
        assertThat(events.recent(10)).hasSize(1);
        assertThat(vod.unconfirmed()).as("nothing comes back forever").isZero();
    }

    @Test
    void failuresBackOffExponentiallyWithoutAHotLoop() throws Exception {
        vod.beforePull = () -> {
            throw new IOException("connection refused");
        };
        List<Duration> waits = new CopyOnWriteArrayList<>();
        PullConsumer consumer = consumer(d -> {
            waits.add(d);
            if (waits.size() == 8) {
                throw new InterruptedException("enough");
            }
        });

        consumer.start();
        awaitThreadEnd(consumer);

        assertThat(waits).hasSize(8);
        assertThat(vod.pullThreads).as("one wait after each failed pull").hasSize(8);
        for (int i = 0; i < waits.size(); i++) {
            long ceiling = Math.min(60_000, 1000L << i);
            assertThat(waits.get(i).toMillis()).as("wait %d", i + 1).isBetween(ceiling * 3 / 4, ceiling);
        }
    }

    @Test
    void emptyAnswersGivenAtOnceArePaced() throws Exception {
        List<Duration> waits = new CopyOnWriteArrayList<>();
        PullConsumer consumer = consumer(d -> {
            waits.add(d);
            if (waits.size() == 3) {
                throw new InterruptedException("enough");
            }
        });

        consumer.start();
        awaitThreadEnd(consumer);

        assertThat(vod.pullThreads).hasSize(3);
        assertThat(waits).allSatisfy(d -> assertThat(d).isPositive().isLessThanOrEqualTo(PullConsumer.MIN_EMPTY_CYCLE));
    }

    @Test
    void closeStopsTheLoop() throws Exception {
        PullConsumer consumer = new PullConsumer(vod, receipts);
        consumer.start();
        while (vod.pullThreads.isEmpty()) {
            Thread.sleep(10);
        }
        consumer.close();

        Thread loop = vod.pullThreads.getFirst();
        assertThat(loop.isAlive()).isFalse();
        int pulls = vod.pullThreads.size();
        Thread.sleep(50);
        assertThat(vod.pullThreads).hasSize(pulls);
    }

    /** Waits for the loop thread (the one that pulls) to end after the sleeper interrupted it. */
    private void awaitThreadEnd(PullConsumer consumer) throws InterruptedException {
        while (vod.pullThreads.isEmpty()) {
            Thread.sleep(10);
        }
        vod.pullThreads.getFirst().join(Duration.ofSeconds(10));
        assertThat(vod.pullThreads.getFirst().isAlive()).isFalse();
        consumer.close();
    }
}
