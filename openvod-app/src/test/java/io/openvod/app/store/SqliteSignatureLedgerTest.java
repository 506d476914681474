package io.openvod.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.app.ledger.Quota;
import io.openvod.app.ledger.Reservation;
import io.openvod.app.ledger.SignatureLedger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteSignatureLedgerTest implements SignatureLedgerContract, SignatureLedgerConcurrencyContract {
    @TempDir
    Path dir;

    private AppDatabase database;
    private SqlSignatureLedger ledger;

    @BeforeEach
    void open() {
        database = AppDatabase.openSqlite(dir.resolve("app.db"));
        ledger = new SqlSignatureLedger(database.jdbi());
    }

    @AfterEach
    void close() {
        ledger.close();
        database.close();
    }

    @Test
    void aBadRowInABatchShouldFailOnlyItsOwnCaller() throws Exception {
        Instant day = Instant.parse("2026-11-29T00:00:00Z");
        ledger.recordWithinQuota(SignatureLedgerContract.signature("dup", "u1", day.plusSeconds(1), null), Quota.UNLIMITED, day);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Reservation>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String id = i % 16 == 0 ? "dup" : "r" + i;
                results.add(pool.submit(() -> ledger.recordWithinQuota(
                        SignatureLedgerContract.signature(id, "u1", day.plusSeconds(2), null), Quota.UNLIMITED, day)));
            }
            int failed = 0;
            for (Future<Reservation> f : results) {
                try {
                    assertThat(f.get()).isInstanceOf(Reservation.Recorded.class);
                } catch (ExecutionException e) {
                    failed++;
                }
            }
            assertThat(failed).isEqualTo(4);
        } finally {
            pool.shutdown();
        }
        assertThat(ledger.usageSince("u1", day).uploads()).isEqualTo(61);
        assertThat(ledger.recordWithinQuota(SignatureLedgerContract.signature("last", "u1", day.plusSeconds(3), null),
                new Quota(62, Long.MAX_VALUE), day)).isInstanceOf(Reservation.Recorded.class);
        assertThat(ledger.recordWithinQuota(SignatureLedgerContract.signature("over", "u1", day.plusSeconds(3), null),
                new Quota(62, Long.MAX_VALUE), day)).isInstanceOf(Reservation.UploadsExceeded.class);
    }

    @Override
    public SignatureLedger ledger() {
        return ledger;
    }

    @Override
    public List<String> storedText() {
        return StoredText.of(database.dataSource());
    }
}
