package io.openvod.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leases, confirmations, visibility and retention of the PULL queue, on the platform database. */
class SqlEventQueueTest {
    @TempDir
    static Path dir;
    static PlatformFixture platform;
    static Jdbi jdbi;

    @BeforeAll
    static void start() {
        platform = PlatformFixture.start(dir.resolve("platform"));
        jdbi = platform.database().jdbi();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void aLeaseHidesTheEventUntilTheVisibilityPassesAndThenHandsItOutWithANewHandle() {
        TestClock clock = TestClock.atNow();
        SqlEventQueue queue = new SqlEventQueue(jdbi, clock, Duration.ofSeconds(30), Duration.ofDays(4));
        String id = queued(101, clock.millis());
        List<EventQueue.Leased> first = queue.lease(101, 16);
        assertThat(first).extracting(EventQueue.Leased::eventId).containsExactly(id);
        assertThat(first.getFirst().body()).isEqualTo("{\"EventType\":\"NewFileUpload\",\"FileUploadEvent\":{\"FileId\":\"" + id + "\"}}");
        assertThat(queue.lease(101, 16)).isEmpty();
        assertThat(queue.countToPull(101)).isZero();
        clock.advance(Duration.ofSeconds(30));
        List<EventQueue.Leased> second = queue.lease(101, 16);
        assertThat(second).extracting(EventQueue.Leased::eventId).containsExactly(id);
        assertThat(second.getFirst().handle()).isNotEqualTo(first.getFirst().handle());
        assertThat(queue.confirm(101, List.of(first.getFirst().handle(), second.getFirst().handle())))
                .containsExactly(first.getFirst().handle());
        assertThat(queue.confirm(101, List.of(second.getFirst().handle()))).isEmpty();
        clock.advance(Duration.ofMinutes(5));
        assertThat(queue.lease(101, 16)).isEmpty();
        assertThat(state(id)).isEqualTo("CONFIRMED");
    }

    @Test
    void aHandleConfirmsOnlyForItsApplicationAndWithinTheVisibility() {
        TestClock clock = TestClock.atNow();
        SqlEventQueue queue = new SqlEventQueue(jdbi, clock, Duration.ofSeconds(30), Duration.ofDays(4));
        queued(102, clock.millis());
        String handle = queue.lease(102, 16).getFirst().handle();
        assertThat(queue.confirm(103, List.of(handle))).containsExactly(handle);
        clock.advance(Duration.ofSeconds(31));
        assertThat(queue.confirm(102, List.of(handle, "unknown"))).containsExactly(handle, "unknown");
        assertThat(queue.countToPull(102)).isOne();
    }

    @Test
    void eventsOlderThanTheRetentionAreDropped() {
        TestClock clock = TestClock.atNow();
        SqlEventQueue queue = new SqlEventQueue(jdbi, clock, Duration.ofSeconds(30), Duration.ofDays(4));
        String old = queued(104, clock.millis());
        clock.advance(Duration.ofDays(4).plusSeconds(1));
        String recent = queued(104, clock.millis());
        assertThat(queue.countToPull(104)).isOne();
        assertThat(queue.lease(104, 16)).extracting(EventQueue.Leased::eventId).containsExactly(recent);
        assertThat(state(old)).isEqualTo("DEAD");
    }

    @Test
    void atMostTheAskedNumberOldestFirst() {
        TestClock clock = TestClock.atNow();
        SqlEventQueue queue = new SqlEventQueue(jdbi, clock, Duration.ofSeconds(30), Duration.ofDays(4));
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(queued(105, clock.millis() - 1000 + i));
        }
        assertThat(queue.lease(105, 3)).extracting(EventQueue.Leased::eventId).containsExactlyElementsOf(ids.subList(0, 3));
        assertThat(queue.lease(105, 16)).extracting(EventQueue.Leased::eventId).containsExactlyElementsOf(ids.subList(3, 5));
    }

    private static String queued(long subAppId, long at) {
        String id = "evt-" + java.util.UUID.randomUUID();
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO event_outbox (event_id, app_id, sub_app_id, file_id, seq, event_type, body, created_at) "
                            + "VALUES (:id, 1, :app, :id, 1, 'NewFileUpload', :body, :at)")
                    .bind("id", id).bind("app", subAppId).bind("at", at)
                    .bind("body", "{\"EventType\":\"NewFileUpload\",\"FileUploadEvent\":{\"FileId\":\"" + id + "\"}}").execute();
            h.createUpdate("INSERT INTO event_deliveries (event_id, sub_app_id, channel, state, attempts, next_attempt_at, created_at) "
                            + "VALUES (:id, :app, 'PULL', 'PENDING', 0, :at, :at)")
                    .bind("id", id).bind("app", subAppId).bind("at", at).execute();
        });
        return id;
    }

    private static String state(String eventId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT state FROM event_deliveries WHERE event_id = :id")
                .bind("id", eventId).mapTo(String.class).one());
    }
}
