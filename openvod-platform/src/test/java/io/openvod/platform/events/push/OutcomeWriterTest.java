package io.openvod.platform.events.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.platform.events.DeliveryLog;
import io.openvod.platform.events.DeliveryOutcome;
import io.openvod.platform.events.DeliveryRecord;
import io.openvod.platform.events.PushDelivery;
import io.openvod.platform.testing.EventStores;
import io.openvod.platform.testing.NodeDatabases;
import io.openvod.platform.testing.TestClock;
import io.openvod.testing.TestDatabase;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link OutcomeWriter}: outcomes that wait share one transaction, a failed batch is tried again, close writes the rest. */
class OutcomeWriterTest {
    @TempDir
    Path dir;
    NodeDatabases databases;
    TestClock clock = TestClock.atNow();
    EventStores stores;
    final List<Integer> batches = new CopyOnWriteArrayList<>();
    final CountDownLatch firstWriteMayEnd = new CountDownLatch(1);
    final AtomicInteger failuresLeft = new AtomicInteger();

    @BeforeEach
    void open() {
        databases = NodeDatabases.open(TestDatabase.SQLITE, dir);
        stores = new EventStores(databases.node(), clock, EventStores.pushAll("https://a.example.com/cb"));
    }

    @AfterEach
    void close() {
        databases.close();
    }

    /** The SQL log, counting each batch recorded; the first waits for {@link #firstWriteMayEnd}, and it fails as asked. */
    DeliveryLog watched() {
        DeliveryLog real = stores.deliveries;
        return (DeliveryLog) Proxy.newProxyInstance(DeliveryLog.class.getClassLoader(), new Class<?>[] {DeliveryLog.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("record")) {
                        if (failuresLeft.getAndDecrement() > 0) {
                            throw new IllegalStateException("database is locked");
                        }
                        batches.add(((List<?>) args[0]).size());
                        if (batches.size() == 1) {
                            firstWriteMayEnd.await(10, TimeUnit.SECONDS);
                        }
                    }
                    return method.invoke(real, args);
                });
    }

    List<PushDelivery> claimed(int n) {
        for (int i = 0; i < n; i++) {
            stores.event(101);
        }
        List<PushDelivery> claimed = stores.deliveries.claim(stores.deliveries.due(clock.millis(), n, List.of()), clock.millis() + 60_000);
        assertThat(claimed).hasSize(n);
        return claimed;
    }

    String state(PushDelivery d) {
        return stores.deliveries.find(d.eventId()).map(DeliveryRecord::state).orElseThrow();
    }

    @Test
    void outcomesArrivingDuringAWriteAreWrittenTogetherInTheNext() throws Exception {
        List<PushDelivery> claimed = claimed(6);
        try (OutcomeWriter writer = new OutcomeWriter(watched())) {
            writer.submit(DeliveryOutcome.delivered(claimed.getFirst(), clock.millis()));
            awaitBatches(1);
            for (PushDelivery d : claimed.subList(1, 6)) {
                writer.submit(DeliveryOutcome.retry(d, "HTTP 503", clock.millis() + 5000));
            }
            firstWriteMayEnd.countDown();
            awaitBatches(2);
            assertThat(batches).containsExactly(1, 5);
        }
        assertThat(state(claimed.getFirst())).isEqualTo("DELIVERED");
        assertThat(claimed.subList(1, 6)).allSatisfy(d -> assertThat(stores.deliveries.find(d.eventId()).orElseThrow().lastError())
                .hasValue("HTTP 503"));
    }

    @Test
    void aBatchThatFailsOnceIsWrittenOnTheSecondTry() throws Exception {
        List<PushDelivery> claimed = claimed(2);
        failuresLeft.set(1);
        firstWriteMayEnd.countDown();
        try (OutcomeWriter writer = new OutcomeWriter(watched())) {
            claimed.forEach(d -> writer.submit(DeliveryOutcome.delivered(d, clock.millis())));
            awaitState(claimed.getLast(), "DELIVERED");
        }
        assertThat(claimed).allSatisfy(d -> assertThat(state(d)).isEqualTo("DELIVERED"));
    }

    @Test
    void closeWritesTheOutcomesStillWaiting() {
        List<PushDelivery> claimed = claimed(40);
        OutcomeWriter writer = new OutcomeWriter(watched());
        firstWriteMayEnd.countDown();
        claimed.forEach(d -> writer.submit(DeliveryOutcome.dead(d, "HTTP 410", clock.millis())));
        writer.close();
        assertThat(claimed).allSatisfy(d -> assertThat(state(d)).isEqualTo("DEAD"));
        assertThat(batches.stream().mapToInt(Integer::intValue).sum()).isEqualTo(40);
    }

    private void awaitBatches(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (batches.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(batches).hasSizeGreaterThanOrEqualTo(n);
    }

    private void awaitState(PushDelivery d, String state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!state(d).equals(state) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(state(d)).isEqualTo(state);
    }
}
