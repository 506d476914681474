package io.openvod.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.platform.testing.EventStores;
import io.openvod.platform.testing.NodeDatabases;
import io.openvod.platform.testing.TestClock;
import io.openvod.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The {@link EventQueue} contract, on SQLite and PostgreSQL: leases, confirmations, visibility and
 * retention of the PULL queue, and pulls through several nodes of one database.
 */
class EventQueueContractTest {
    private static final Duration VISIBILITY = Duration.ofSeconds(30);
    private static final Duration RETENTION = Duration.ofDays(4);

    @TempDir
    Path dir;
    NodeDatabases databases;
    TestClock clock = TestClock.atNow();
    EventStores stores;

    EventQueue open(TestDatabase engine) {
        databases = NodeDatabases.open(engine, dir);
        stores = new EventStores(databases.node(), clock, EventStores.pullAll());
        return new SqlEventQueue(databases.node().jdbi(), clock, VISIBILITY, RETENTION);
    }

    EventQueue anotherNode() {
        return new SqlEventQueue(databases.anotherNode().jdbi(), clock, VISIBILITY, RETENTION);
    }

    @AfterEach
    void close() {
        databases.close();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aLeaseHidesTheEventUntilTheVisibilityPassesAndThenHandsItOutWithANewHandle(TestDatabase engine) {
        EventQueue queue = open(engine);
        String id = stores.event(101, "file-101");
        List<EventQueue.Leased> first = queue.lease(101, 16);
        assertThat(first).extracting(EventQueue.Leased::eventId).containsExactly(id);
        assertThat(first.getFirst().body()).isEqualTo(EventStores.body("file-101"));
        assertThat(queue.lease(101, 16)).isEmpty();
        assertThat(queue.countToPull(101)).isZero();
        clock.advance(VISIBILITY);
        List<EventQueue.Leased> second = queue.lease(101, 16);
        assertThat(second).extracting(EventQueue.Leased::eventId).containsExactly(id);
        assertThat(second.getFirst().handle()).isNotEqualTo(first.getFirst().handle());
        assertThat(queue.confirm(101, List.of(first.getFirst().handle(), second.getFirst().handle())))
                .containsExactly(first.getFirst().handle());
        assertThat(queue.confirm(101, List.of(second.getFirst().handle()))).isEmpty();
        clock.advance(Duration.ofMinutes(5));
        assertThat(queue.lease(101, 16)).isEmpty();
        assertThat(stores.deliveries.find(id).orElseThrow().state()).isEqualTo("CONFIRMED");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aHandleConfirmsOnlyForItsApplicationAndWithinTheVisibility(TestDatabase engine) {
        EventQueue queue = open(engine);
        stores.event(102);
        String handle = queue.lease(102, 16).getFirst().handle();
        assertThat(queue.confirm(103, List.of(handle))).containsExactly(handle);
        clock.advance(VISIBILITY.plusSeconds(1));
        assertThat(queue.confirm(102, List.of(handle, "unknown"))).containsExactly(handle, "unknown");
        assertThat(queue.countToPull(102)).isOne();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void eventsOlderThanTheRetentionAreDropped(TestDatabase engine) {
        EventQueue queue = open(engine);
        String old = stores.event(104);
        clock.advance(RETENTION.plusSeconds(1));
        String recent = stores.event(104);
        assertThat(queue.countToPull(104)).isOne();
        assertThat(queue.lease(104, 16)).extracting(EventQueue.Leased::eventId).containsExactly(recent);
        assertThat(stores.deliveries.find(old).orElseThrow().state()).isEqualTo("DEAD");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theCountOfAllApplicationsLeavesOutLeasedEvents(TestDatabase engine) {
        EventQueue queue = open(engine);
        assertThat(queue.countToPull()).isZero();
        stores.event(106);
        stores.event(106);
        stores.event(107);
        assertThat(anotherNode().countToPull()).isEqualTo(3);
        queue.lease(106, 1);
        assertThat(queue.countToPull()).isEqualTo(2);
        assertThat(queue.countToPull(107)).isOne();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void atMostTheAskedNumberOldestFirst(TestDatabase engine) {
        EventQueue queue = open(engine);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(stores.event(105));
            clock.advance(Duration.ofMillis(1));
        }
        assertThat(queue.lease(105, 3)).extracting(EventQueue.Leased::eventId).containsExactlyElementsOf(ids.subList(0, 3));
        assertThat(queue.lease(105, 16)).extracting(EventQueue.Leased::eventId).containsExactlyElementsOf(ids.subList(3, 5));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anEventPulledThroughOneNodeIsConfirmedThroughAnother(TestDatabase engine) {
        EventQueue queue = open(engine);
        EventQueue other = anotherNode();
        String id = stores.event(106);
        EventQueue.Leased leased = queue.lease(106, 16).getFirst();
        assertThat(other.lease(106, 16)).isEmpty();
        assertThat(other.countToPull(106)).isZero();
        assertThat(other.confirm(106, List.of(leased.handle()))).isEmpty();
        assertThat(queue.confirm(106, List.of(leased.handle()))).isEmpty();
        assertThat(stores.deliveries.find(id).orElseThrow().state()).isEqualTo("CONFIRMED");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void concurrentPullsThroughTwoNodesHandOutEveryEventOnce(TestDatabase engine) throws Exception {
        List<EventQueue> nodes = List.of(open(engine), anotherNode());
        Set<String> written = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            written.add(stores.event(107));
        }
        List<Callable<List<String>>> pullers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            EventQueue node = nodes.get(i % 2);
            pullers.add(() -> {
                List<String> got = new ArrayList<>();
                for (int round = 0; round < 40 && got.size() < 40; round++) {
                    node.lease(107, 4).forEach(e -> got.add(e.eventId()));
                }
                return got;
            });
        }
        List<String> handedOut = NodeDatabases.race(pullers).stream().flatMap(List::stream).toList();
        assertThat(handedOut).doesNotHaveDuplicates();
        assertThat(new HashSet<>(handedOut)).isEqualTo(written);
    }
}
