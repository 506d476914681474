package io.openvod.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link QueuedWriters}: SQLite files queue their transactions in the JVM, nested ones join, a long wait falls back to SQLite. */
class QueuedWritersTest {
    @TempDir
    Path dir;

    SqlDatabase open(String url) {
        return SqlDatabase.open("queued-test", "classpath:db/queued", url, Optional.empty(), Optional.empty());
    }

    static int counter(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT n FROM counter WHERE id = 1").mapTo(Integer.class).one());
    }

    static void increment(Jdbi jdbi) {
        jdbi.useTransaction(h -> {
            int n = h.createQuery("SELECT n FROM counter WHERE id = 1").mapTo(Integer.class).one();
            h.createUpdate("UPDATE counter SET n = :n WHERE id = 1").bind("n", n + 1).execute();
        });
    }

    @Test
    void onlyASqliteFileQueuesItsWriters() {
        try (SqlDatabase file = open("jdbc:sqlite:" + dir.resolve("a.db")); SqlDatabase memory = open("jdbc:sqlite::memory:")) {
            assertThat(file.jdbi().getTransactionHandler()).isInstanceOf(QueuedWriters.class);
            assertThat(memory.jdbi().getTransactionHandler()).isNotInstanceOf(QueuedWriters.class);
        }
    }

    @Test
    void manyThreadsWritingAtOnceLoseNoUpdateAndNestedTransactionsJoinTheirOuterOne() throws Exception {
        try (SqlDatabase db = open("jdbc:sqlite:" + dir.resolve("b.db"))) {
            Jdbi jdbi = db.jdbi();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < 100; i++) {
                            increment(jdbi);
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(counter(jdbi)).isEqualTo(800);

            jdbi.useTransaction(outer -> {
                increment(jdbi);
                jdbi.useTransaction(inner -> inner.createUpdate("UPDATE counter SET n = n + 10 WHERE id = 1").execute());
            });
            assertThat(counter(jdbi)).isEqualTo(811);
        }
    }

    @Test
    void aTransactionWhoseTurnDoesNotComeInTimeRunsWithoutIt() throws Exception {
        try (SqlDatabase db = open("jdbc:sqlite:" + dir.resolve("c.db"))) {
            Jdbi jdbi = db.jdbi();
            ReentrantLock turn = new ReentrantLock(true);
            jdbi.setTransactionHandler(new QueuedWriters(((QueuedWriters) jdbi.getTransactionHandler()).delegate(), turn, 100));
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread holder = Thread.ofPlatform().start(() -> {
                turn.lock();
                held.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    turn.unlock();
                }
            });
            held.await();
            long start = System.nanoTime();
            increment(jdbi);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).as("waited for its turn first").isGreaterThanOrEqualTo(100);
            assertThat(counter(jdbi)).isEqualTo(1);
            assertThat(turn.isHeldByCurrentThread()).isFalse();
            release.countDown();
            holder.join();
            increment(jdbi);
            assertThat(counter(jdbi)).isEqualTo(2);
        }
    }
}
