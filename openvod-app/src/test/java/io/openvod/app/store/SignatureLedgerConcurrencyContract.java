package io.openvod.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.app.ledger.Quota;
import io.openvod.app.ledger.Reservation;
import io.openvod.app.ledger.SignatureLedger;
import io.openvod.app.ledger.Usage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Concurrent callers of {@link SignatureLedger#recordWithinQuota} never pass a limit together. */
public interface SignatureLedgerConcurrencyContract {
    Instant DAY = Instant.parse("2026-05-01T00:00:00Z");
    int THREADS = 8;
    int ATTEMPTS = 20;

    /** A ledger over an empty database. */
    SignatureLedger ledger();

    @Test
    @Timeout(60)
    default void concurrentCallersGetExactlyTheUploadsLimit() throws Exception {
        Counts counts = race(new Quota(50, Long.MAX_VALUE), 1L);

        assertThat(counts.recorded.get()).isEqualTo(50);
        assertThat(counts.uploadsExceeded.get()).isEqualTo(THREADS * ATTEMPTS - 50);
        assertThat(counts.bytesExceeded.get()).isZero();
        assertThat(ledger().usageSince("alice", DAY)).isEqualTo(new Usage(50, 50));
        assertThat(ledger().recent("alice", 1_000)).hasSize(50);
    }

    @Test
    @Timeout(60)
    default void concurrentCallersGetExactlyTheBytesLimit() throws Exception {
        Counts counts = race(new Quota(Long.MAX_VALUE, 333), 10L);

        assertThat(counts.recorded.get()).isEqualTo(33);
        assertThat(counts.bytesExceeded.get()).isEqualTo(THREADS * ATTEMPTS - 33);
        assertThat(ledger().usageSince("alice", DAY)).isEqualTo(new Usage(33, 330));
    }

    /** {@value #THREADS} threads, started together, each make {@value #ATTEMPTS} attempts. */
    private Counts race(Quota quota, long fileSize) throws Exception {
        Counts counts = new Counts();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < ATTEMPTS; i++) {
                        Instant at = DAY.plus(Duration.ofMinutes(thread * ATTEMPTS + i));
                        Reservation r = ledger().recordWithinQuota(
                                SignatureLedgerContract.signature("t" + thread + "-" + i, "alice", at, fileSize), quota, DAY);
                        switch (r) {
                            case Reservation.Recorded recorded -> counts.recorded.incrementAndGet();
                            case Reservation.UploadsExceeded exceeded -> counts.uploadsExceeded.incrementAndGet();
                            case Reservation.BytesExceeded exceeded -> counts.bytesExceeded.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return counts;
    }

    /** What the racing callers were answered. */
    final class Counts {
        final AtomicInteger recorded = new AtomicInteger();
        final AtomicInteger uploadsExceeded = new AtomicInteger();
        final AtomicInteger bytesExceeded = new AtomicInteger();
    }
}
