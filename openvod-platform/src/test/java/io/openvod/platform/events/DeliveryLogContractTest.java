package io.openvod.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvod.core.trace.TraceParent;
import io.openvod.platform.catalog.OutboxEvent;
import io.openvod.platform.testing.EventStores;
import io.openvod.platform.testing.NodeDatabases;
import io.openvod.platform.testing.TestClock;
import io.openvod.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The {@link DeliveryLog} contract, on SQLite and PostgreSQL: routes, due deliveries, claims with a
 * lease, one by one and in batches (also by two nodes racing for the same deliveries), outcomes
 * alone and together, redelivery and listing, and the listeners told of a PUSH once its
 * transaction has committed.
 */
class DeliveryLogContractTest {
    private static final String URL_A = "https://a.example.com/cb";
    private static final String URL_B = "https://b.example.com/cb";
    private static final long APP_A = 301;
    private static final long APP_B = 302;

    @TempDir
    Path dir;
    NodeDatabases databases;
    TestClock clock = TestClock.atNow();
    EventStores stores;
    DeliveryLog log;

    void open(TestDatabase engine) {
        databases = NodeDatabases.open(engine, dir);
        stores = new EventStores(databases.node(), clock, EventStores.pushAll(URL_A));
        stores.configs.put(new EventConfig(APP_B, "PUSH", URL_B, "ON", "ON", "ON"));
        log = stores.deliveries;
    }

    @AfterEach
    void close() {
        databases.close();
    }

    long now() {
        return clock.millis();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void eachEventIsScheduledOnItsRouteAndOnlyPendingPushesAreDue(TestDatabase engine) {
        open(engine);
        String pushed = stores.event(APP_A, "file-a");
        stores.configs.put(new EventConfig(303, "PULL", "", "ON", "ON", "ON"));
        String pulled = stores.event(303);
        stores.configs.put(new EventConfig(304, "PUSH", "", "ON", "ON", "ON"));
        String none = stores.event(304);

        DeliveryRecord push = log.find(pushed).orElseThrow();
        assertThat(push).extracting(DeliveryRecord::channel, DeliveryRecord::state, DeliveryRecord::attempts,
                DeliveryRecord::fileId, DeliveryRecord::seq, DeliveryRecord::subAppId, DeliveryRecord::eventType)
                .containsExactly("PUSH", "PENDING", 0, "file-a", 1L, APP_A, "NewFileUpload");
        assertThat(log.find(pulled).orElseThrow()).extracting(DeliveryRecord::channel, DeliveryRecord::state)
                .containsExactly("PULL", "PENDING");
        assertThat(log.find(none).orElseThrow()).extracting(DeliveryRecord::channel, DeliveryRecord::state)
                .containsExactly("NONE", "DELIVERED");
        List<PushDelivery> due = log.due(now(), 10, List.of());
        assertThat(due).extracting(PushDelivery::eventId).containsExactly(pushed);
        assertThat(due.getFirst()).extracting(PushDelivery::targetUrl, PushDelivery::body, PushDelivery::startedAt)
                .containsExactly(URL_A, EventStores.body("file-a"), now());
        assertThat(log.find("no-such-event")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void listenersHearEachPushScheduledAfterItsTransactionCommitsButNoPullAndNoRollback(TestDatabase engine) {
        open(engine);
        AtomicInteger heard = new AtomicInteger();
        log.afterPushScheduled(heard::incrementAndGet);

        stores.event(APP_A);
        stores.event(APP_B);
        assertThat(heard).as("two PUSH deliveries committed").hasValue(2);
        stores.configs.put(new EventConfig(303, "PULL", "", "ON", "ON", "ON"));
        stores.event(303);
        assertThat(heard).as("a PULL delivery is not a push").hasValue(2);

        OutboxEvent rolledBack = new OutboxEvent("evt-rolled-back", 1, APP_A, "file-rolled-back", "NewFileUpload",
                EventStores.body("file-rolled-back"));
        assertThatThrownBy(() -> databases.node().jdbi().useTransaction(h -> {
            stores.catalog.appendEvent(h, rolledBack);
            assertThat(heard).as("not before the commit").hasValue(2);
            throw new IllegalStateException("rolled back");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(log.find("evt-rolled-back")).isEmpty();
        assertThat(heard).as("a rolled back PUSH is never heard").hasValue(2);

        new SqlDeliveryLog(databases.anotherNode().jdbi(), clock).afterPushScheduled(() -> heard.addAndGet(100));
        stores.event(APP_A);
        assertThat(heard).as("only this log's own listeners hear it").hasValue(3);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void dueDeliveriesCarryTheTraceparentStoredWithTheirEvent(TestDatabase engine) {
        open(engine);
        TraceParent writer = TraceParent.newTrace();
        String traced = stores.event(APP_A, "file-traced", writer);
        String plain = stores.event(APP_A, "file-plain");

        DeliveryLog other = new SqlDeliveryLog(databases.anotherNode().jdbi(), clock);
        List<PushDelivery> due = other.due(now(), 10, List.of());
        assertThat(due).extracting(PushDelivery::eventId, PushDelivery::traceparent).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(traced, Optional.of(writer)), org.assertj.core.groups.Tuple.tuple(plain, Optional.empty()));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void dueListsTheLongestWaitingFirstUpToTheLimitLeavingOutFullReceivers(TestDatabase engine) {
        open(engine);
        String a1 = stores.event(APP_A);
        clock.advance(Duration.ofMillis(5));
        String b1 = stores.event(APP_B);
        clock.advance(Duration.ofMillis(5));
        String a2 = stores.event(APP_A);
        assertThat(log.due(now(), 10, List.of())).extracting(PushDelivery::eventId).containsExactly(a1, b1, a2);
        assertThat(log.due(now(), 2, List.of())).extracting(PushDelivery::eventId).containsExactly(a1, b1);
        assertThat(log.due(now(), 10, List.of(URL_A))).extracting(PushDelivery::eventId).containsExactly(b1);
        assertThat(log.due(now() - 6, 10, List.of())).extracting(PushDelivery::eventId).containsExactly(a1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aClaimHoldsTheDeliveryForItsLeaseAndAStaleReadClaimsNothing(TestDatabase engine) {
        open(engine);
        stores.event(APP_A);
        PushDelivery read = log.due(now(), 10, List.of()).getFirst();
        long lease = now() + 10_000;
        assertThat(log.claim(read, lease)).isTrue();
        assertThat(log.claim(read, lease)).isFalse();
        assertThat(log.due(now(), 10, List.of())).isEmpty();
        clock.advance(Duration.ofSeconds(10));
        PushDelivery again = log.due(now(), 10, List.of()).getFirst();
        assertThat(again.nextAttemptAt()).isEqualTo(lease);
        assertThat(log.claim(read, now() + 10_000)).isFalse();
        assertThat(log.claim(again, now() + 10_000)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void outcomesCountTheAttemptAndRecordWhatHappened(TestDatabase engine) {
        open(engine);
        String delivered = stores.event(APP_A);
        String retried = stores.event(APP_A);
        String dead = stores.event(APP_A);
        for (PushDelivery d : log.due(now(), 10, List.of())) {
            assertThat(log.claim(d, now() + 1000)).isTrue();
            if (d.eventId().equals(delivered)) {
                log.delivered(d, now() + 10);
            } else if (d.eventId().equals(retried)) {
                log.failed(d, "HTTP 503\n  Service Unavailable", now() + 5000);
            } else {
                log.dead(d, "x".repeat(400), now());
            }
        }
        DeliveryRecord ok = log.find(delivered).orElseThrow();
        assertThat(ok).extracting(DeliveryRecord::state, DeliveryRecord::attempts, DeliveryRecord::lastError)
                .containsExactly("DELIVERED", 1, Optional.empty());
        assertThat(ok.deliveredAt()).hasValue(clock.instant().plusMillis(10));
        DeliveryRecord again = log.find(retried).orElseThrow();
        assertThat(again).extracting(DeliveryRecord::state, DeliveryRecord::attempts, DeliveryRecord::lastError)
                .containsExactly("PENDING", 1, Optional.of("HTTP 503 Service Unavailable"));
        DeliveryRecord letter = log.find(dead).orElseThrow();
        assertThat(letter.state()).isEqualTo("DEAD");
        assertThat(letter.lastError().orElseThrow()).hasSize(300).endsWith("…");
        assertThat(log.due(now() + 4999, 10, List.of())).isEmpty();
        PushDelivery retry = log.due(now() + 5000, 10, List.of()).getFirst();
        assertThat(retry).extracting(PushDelivery::eventId, PushDelivery::attempts).containsExactly(retried, 1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aBatchClaimTakesOnlyTheDeliveriesStillAsReadAndKeepsTheirOrder(TestDatabase engine) {
        open(engine);
        String first = stores.event(APP_A);
        clock.advance(Duration.ofMillis(1));
        stores.event(APP_B);
        clock.advance(Duration.ofMillis(1));
        String third = stores.event(APP_A);
        List<PushDelivery> read = log.due(now(), 10, List.of());
        assertThat(log.claim(read.get(1), now() + 1000)).as("claimed elsewhere first").isTrue();

        assertThat(log.claim(read, now() + 1000)).extracting(PushDelivery::eventId).containsExactly(first, third);
        assertThat(log.claim(read, now() + 1000)).as("all taken").isEmpty();
        assertThat(log.claim(List.of(), now() + 1000)).isEmpty();
        assertThat(log.due(now(), 10, List.of())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void outcomesRecordedTogetherEachCountOneAttemptAndAStaleOneChangesNothing(TestDatabase engine) {
        open(engine);
        for (int i = 0; i < 4; i++) {
            stores.event(APP_A);
        }
        List<PushDelivery> claimed = log.claim(log.due(now(), 10, List.of()), now() + 1000);
        assertThat(claimed).hasSize(4);
        log.record(List.of(DeliveryOutcome.delivered(claimed.get(0), now() + 1), DeliveryOutcome.retry(claimed.get(1), "HTTP 502", now() + 9000),
                DeliveryOutcome.dead(claimed.get(2), "HTTP 410", now() + 2), DeliveryOutcome.delivered(claimed.get(3), now() + 3)));
        log.record(List.of(DeliveryOutcome.retry(claimed.get(0), "late", now() + 5), DeliveryOutcome.delivered(claimed.get(2), now() + 6)));
        log.record(List.of());

        assertThat(claimed.stream().map(d -> log.find(d.eventId()).orElseThrow()))
                .extracting(DeliveryRecord::state, DeliveryRecord::attempts, DeliveryRecord::lastError)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DELIVERED", 1, Optional.empty()),
                        org.assertj.core.groups.Tuple.tuple("PENDING", 1, Optional.of("HTTP 502")),
                        org.assertj.core.groups.Tuple.tuple("DEAD", 1, Optional.of("HTTP 410")),
                        org.assertj.core.groups.Tuple.tuple("DELIVERED", 1, Optional.empty()));
        assertThat(log.find(claimed.get(3).eventId()).orElseThrow().deliveredAt()).hasValue(clock.instant().plusMillis(3));
        assertThat(log.due(now() + 9000, 10, List.of())).extracting(PushDelivery::eventId).containsExactly(claimed.get(1).eventId());
        assertThatThrownBy(() -> new DeliveryOutcome(claimed.get(0), "CONFIRMED", Optional.empty(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void deadAndDeliveredPushesAreRedeliveredOnRequestWithinTheirApplication(TestDatabase engine) {
        open(engine);
        String deadA = stores.event(APP_A);
        String deadB = stores.event(APP_B);
        String delivered = stores.event(APP_A);
        String pending = stores.event(APP_A);
        for (PushDelivery d : log.due(now(), 10, List.of())) {
            if (d.eventId().equals(delivered)) {
                log.delivered(d, now());
            } else if (!d.eventId().equals(pending)) {
                log.dead(d, "HTTP 500", now());
            }
        }
        assertThat(log.redeliver(pending)).isFalse();
        assertThat(log.redeliver(APP_B, deadA)).isFalse();
        assertThat(log.redeliver("no-such-event")).isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(log.redeliver(APP_A, delivered)).isTrue();
        DeliveryRecord again = log.find(delivered).orElseThrow();
        assertThat(again).extracting(DeliveryRecord::state, DeliveryRecord::attempts).containsExactly("PENDING", 0);
        assertThat(log.due(now(), 10, List.of()).stream().filter(d -> d.eventId().equals(delivered)).findFirst().orElseThrow()
                .startedAt()).isEqualTo(now());
        assertThat(log.redeliverDead(Optional.of(APP_B))).isOne();
        assertThat(log.find(deadB).orElseThrow().state()).isEqualTo("PENDING");
        assertThat(log.find(deadA).orElseThrow().state()).isEqualTo("DEAD");
        assertThat(log.redeliverDead(Optional.empty())).isOne();
        assertThat(log.find(deadA).orElseThrow().state()).isEqualTo("PENDING");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void pulledEventsAreNeverRedeliveredAsPushes(TestDatabase engine) {
        open(engine);
        stores.configs.put(new EventConfig(305, "PULL", "", "ON", "ON", "ON"));
        String pulled = stores.event(305);
        assertThat(log.redeliver(pulled)).isFalse();
        assertThat(log.redeliverDead(Optional.of(305L))).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theListingIsNewestFirstFilteredByStateOrFileId(TestDatabase engine) {
        open(engine);
        String first = stores.event(APP_A, "file-1");
        clock.advance(Duration.ofMillis(1));
        String second = stores.event(APP_A, "file-1");
        clock.advance(Duration.ofMillis(1));
        String other = stores.event(APP_B, "file-2");
        log.dead(log.due(now(), 10, List.of(URL_A)).getFirst(), "HTTP 500", now());
        assertThat(log.list(Optional.empty(), Optional.empty(), 10)).extracting(DeliveryRecord::eventId)
                .containsExactly(other, second, first);
        assertThat(log.list(Optional.empty(), Optional.of("file-1"), 10)).extracting(DeliveryRecord::eventId, DeliveryRecord::seq)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(second, 2L), org.assertj.core.groups.Tuple.tuple(first, 1L));
        assertThat(log.list(Optional.of("DEAD"), Optional.empty(), 10)).extracting(DeliveryRecord::eventId).containsExactly(other);
        assertThat(log.list(Optional.empty(), Optional.empty(), 1)).hasSize(1);
        assertThatThrownBy(() -> log.list(Optional.of("LOST"), Optional.empty(), 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void eachRecordNamesTheTaskFlowItsEventIsAbout(TestDatabase engine) {
        open(engine);
        String upload = "{\"EventType\":\"NewFileUpload\",\"FileUploadEvent\":{\"FileId\":\"file-1\","
                + "\"ProcedureTaskId\":\"1-procedurev2-a\",\"ReviewAudioVideoTaskId\":\"1-ReviewAudioVideo-b\"}}";
        String review = "{\"EventType\":\"NewFileUpload\",\"FileUploadEvent\":{\"FileId\":\"file-1\","
                + "\"ProcedureTaskId\":\"\",\"ReviewAudioVideoTaskId\":\"1-ReviewAudioVideo-c\"}}";
        String changed = "{\"EventType\":\"ProcedureStateChanged\",\"ProcedureStateChangeEvent\":{\"TaskId\":\"1-procedurev2-a\","
                + "\"FileId\":\"file-1\"}}";
        List<String> ids = new ArrayList<>();
        for (String body : List.of(upload, review, changed)) {
            String id = io.openvod.core.TimeOrderedIds.next();
            stores.catalog.recordEvent(new io.openvod.platform.catalog.OutboxEvent(id, 1, APP_A, "file-1",
                    body.contains("ProcedureStateChanged") ? "ProcedureStateChanged" : "NewFileUpload", body));
            ids.add(id);
        }
        String plain = stores.event(APP_A, "file-2");

        assertThat(ids.stream().map(id -> log.find(id).orElseThrow().taskId()))
                .containsExactly(Optional.of("1-procedurev2-a"), Optional.of("1-ReviewAudioVideo-c"), Optional.of("1-procedurev2-a"));
        assertThat(log.find(plain).orElseThrow().taskId()).as("an upload without a flow").isEmpty();
        assertThat(log.list(Optional.empty(), Optional.of("file-1"), 10)).extracting(DeliveryRecord::taskId)
                .containsExactlyInAnyOrder(Optional.of("1-procedurev2-a"), Optional.of("1-ReviewAudioVideo-c"), Optional.of("1-procedurev2-a"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void twoNodesRacingForTheSameDueDeliveriesClaimEachOncePerLease(TestDatabase engine) throws Exception {
        open(engine);
        List<DeliveryLog> nodes = List.of(log, new SqlDeliveryLog(databases.anotherNode().jdbi(), clock));
        Set<String> written = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            written.add(stores.event(i % 2 == 0 ? APP_A : APP_B));
        }
        for (int lease = 1; lease <= 2; lease++) {
            long leaseUntil = now() + 60_000;
            List<String> claimed = claimRace(nodes, leaseUntil);
            assertThat(claimed).as("lease " + lease).doesNotHaveDuplicates();
            assertThat(new HashSet<>(claimed)).as("lease " + lease).isEqualTo(written);
            clock.advance(Duration.ofMinutes(1));
        }
    }

    /**
     * Four threads per node read the due deliveries and claim them, until none is due: on each node two
     * claim what they read one by one, two in batches of up to 7.
     */
    private List<String> claimRace(List<DeliveryLog> nodes, long leaseUntil) throws Exception {
        long now = now();
        List<Callable<List<String>>> workers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            DeliveryLog node = nodes.get(i % 2);
            boolean batches = i % 4 >= 2;
            workers.add(() -> {
                List<String> mine = new ArrayList<>();
                for (List<PushDelivery> due = node.due(now, 64, List.of()); !due.isEmpty(); due = node.due(now, 64, List.of())) {
                    if (batches) {
                        for (int from = 0; from < due.size(); from += 7) {
                            node.claim(due.subList(from, Math.min(due.size(), from + 7)), leaseUntil)
                                    .forEach(d -> mine.add(d.eventId()));
                        }
                        continue;
                    }
                    for (PushDelivery d : due) {
                        if (node.claim(d, leaseUntil)) {
                            mine.add(d.eventId());
                        }
                    }
                }
                return mine;
            });
        }
        return NodeDatabases.race(workers).stream().flatMap(List::stream).toList();
    }
}
