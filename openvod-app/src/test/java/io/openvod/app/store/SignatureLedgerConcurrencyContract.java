package io.openvod.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.app.ledger.IssuedSignature;
import io.openvod.app.ledger.Quota;
import io.openvod.app.ledger.Reservation;
import io.openvod.app.ledger.SignatureLedger;
import io.openvod.app.ledger.Usage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Concurrent callers of {@link SignatureLedger#recordWithinQuota} never pass a limit together, and
 * a request id is recorded once — also when the callers are on two app nodes, each with its own
 * connection pool and ledger writer on the same database.
 */
public interface SignatureLedgerConcurrencyContract {
    Instant DAY = Instant.parse("2026-05-01T00:00:00Z");
    int THREADS = 8;
    int ATTEMPTS = 20;

    /** A ledger over an empty database. */
    SignatureLedger ledger();

    /** A second node's ledger: its own pool and writer on the same database as {@link #ledger()}. */
    SignatureLedger otherNode();

    @Test
    @Timeout(120)
    default void concurrentCallersOnTwoNodesGetExactlyTheUploadsLimit() throws Exception {
        Counts counts = race(new Quota(50, Long.MAX_VALUE), 1L);

        assertThat(counts.recorded.get()).isEqualTo(50);
        assertThat(counts.uploadsExceeded.get()).isEqualTo(THREADS * ATTEMPTS - 50);
        assertThat(counts.bytesExceeded.get()).isZero();
        assertThat(ledger().usageSince("alice", DAY)).isEqualTo(new Usage(50, 50));
        assertThat(otherNode().recent("alice", 1_000)).hasSize(50);
    }

    @Test
    @Timeout(120)
    default void concurrentCallersOnTwoNodesGetExactlyTheBytesLimit() throws Exception {
        Counts counts = race(new Quota(Long.MAX_VALUE, 333), 10L);

        assertThat(counts.recorded.get()).isEqualTo(33);
        assertThat(counts.bytesExceeded.get()).isEqualTo(THREADS * ATTEMPTS - 33);
        assertThat(ledger().usageSince("alice", DAY)).isEqualTo(new Usage(33, 330));
    }

    @Test
    @Timeout(120)
    default void aOneTimeSignatureRecordedOnTwoNodesAtOnceIsRecordedOnce() throws Exception {
        int rounds = 20;
        for (int round = 0; round < rounds; round++) {
            String requestId = "once-" + round;
            Instant at = DAY.plusSeconds(round);
            List<Callable<Reservation>> both = new ArrayList<>();
            for (SignatureLedger node : List.of(ledger(), otherNode(), ledger(), otherNode())) {
                both.add(() -> node.recordWithinQuota(oneTime(requestId, at), Quota.UNLIMITED, DAY));
            }
            List<Race.Outcome<Reservation>> outcomes = Race.run(both);

            assertThat(outcomes).as("round %d", round).filteredOn(o -> !o.failed()).hasSize(1)
                    .allSatisfy(o -> assertThat(o.value()).isInstanceOf(Reservation.Recorded.class));
        }
        assertThat(ledger().usageSince("alice", DAY)).isEqualTo(new Usage(rounds, rounds));
        assertThat(otherNode().recordWithinQuota(SignatureLedgerContract.signature("last", "alice", DAY, 1L),
                new Quota(rounds + 1, Long.MAX_VALUE), DAY)).isEqualTo(new Reservation.Recorded(new Usage(rounds + 1, rounds + 1)));
    }

    @Test
    @Timeout(120)
    default void aBadRowInABatchFailsOnlyItsOwnCaller() throws Exception {
        Instant day = Instant.parse("2026-11-29T00:00:00Z");
        ledger().recordWithinQuota(SignatureLedgerContract.signature("dup", "u1", day.plusSeconds(1), null), Quota.UNLIMITED, day);
        List<Callable<Reservation>> calls = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            String id = i % 16 == 0 ? "dup" : "r" + i;
            calls.add(() -> ledger().recordWithinQuota(SignatureLedgerContract.signature(id, "u1", day.plusSeconds(2), null),
                    Quota.UNLIMITED, day));
        }
        List<Race.Outcome<Reservation>> outcomes = Race.run(calls);

        assertThat(outcomes).filteredOn(Race.Outcome::failed).hasSize(4);
        assertThat(outcomes).filteredOn(o -> !o.failed()).allSatisfy(o -> assertThat(o.value()).isInstanceOf(Reservation.Recorded.class));
        assertThat(ledger().usageSince("u1", day).uploads()).isEqualTo(61);
        assertThat(ledger().recordWithinQuota(SignatureLedgerContract.signature("last", "u1", day.plusSeconds(3), null),
                new Quota(62, Long.MAX_VALUE), day)).isInstanceOf(Reservation.Recorded.class);
        assertThat(otherNode().recordWithinQuota(SignatureLedgerContract.signature("over", "u1", day.plusSeconds(3), null),
                new Quota(62, Long.MAX_VALUE), day)).isInstanceOf(Reservation.UploadsExceeded.class);
    }

    /** A single-use ({@code oneTimeValid}) signature of alice declaring 1 byte. */
    private static IssuedSignature oneTime(String requestId, Instant at) {
        IssuedSignature s = SignatureLedgerContract.signature(requestId, "alice", at, 1L);
        return new IssuedSignature(s.requestId(), s.userId(), s.secretId(), s.issuedAt(), s.expiresAt(), s.random(), s.procedure(),
                s.classId(), true, s.sourceContext(), s.sessionContext(), s.fileName(), s.fileSize(), s.clientIp(),
                s.traceId());
    }

    /**
     * {@value #THREADS} threads, half of them on each node, started together, each make
     * {@value #ATTEMPTS} attempts.
     */
    private Counts race(Quota quota, long fileSize) throws Exception {
        Counts counts = new Counts();
        List<Callable<Void>> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            SignatureLedger node = t % 2 == 0 ? ledger() : otherNode();
            threads.add(() -> {
                for (int i = 0; i < ATTEMPTS; i++) {
                    Instant at = DAY.plus(Duration.ofMinutes(thread * ATTEMPTS + i));
                    Reservation r = node.recordWithinQuota(
                            SignatureLedgerContract.signature("t" + thread + "-" + i, "alice", at, fileSize), quota, DAY);
                    switch (r) {
                        case Reservation.Recorded recorded -> counts.recorded.incrementAndGet();
                        case Reservation.UploadsExceeded exceeded -> counts.uploadsExceeded.incrementAndGet();
                        case Reservation.BytesExceeded exceeded -> counts.bytesExceeded.incrementAndGet();
                    }
                }
                return null;
            });
        }
        assertThat(Race.run(threads)).noneMatch(Race.Outcome::failed);
        return counts;
    }

    /** What the racing callers were answered. */
    final class Counts {
        final AtomicInteger recorded = new AtomicInteger();
        final AtomicInteger uploadsExceeded = new AtomicInteger();
        final AtomicInteger bytesExceeded = new AtomicInteger();
    }
}
