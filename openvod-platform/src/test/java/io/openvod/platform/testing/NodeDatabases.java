package io.openvod.platform.testing;

import io.openvod.platform.sql.PlatformDatabase;
import io.openvod.testing.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One new platform database on an engine, as the nodes of a cluster see it: {@link #node()} is the
 * first node's connection pool; {@link #anotherNode()} opens one more pool on the same database, as
 * a second platform node would. Closing closes every pool.
 */
public final class NodeDatabases implements AutoCloseable {
    private final String url;
    private final List<PlatformDatabase> pools = new ArrayList<>();

    private NodeDatabases(String url) {
        this.url = url;
        pools.add(PlatformDatabase.open(url));
    }

    /** A new, migrated database on {@code engine}; a SQLite file goes to {@code dir}. */
    public static NodeDatabases open(TestDatabase engine, Path dir) {
        return new NodeDatabases(engine.newUrl(dir));
    }

    /** The first node's pool. */
    public PlatformDatabase node() {
        return pools.getFirst();
    }

    /** A new pool on the same database: another node. */
    public synchronized PlatformDatabase anotherNode() {
        PlatformDatabase pool = PlatformDatabase.open(url);
        pools.add(pool);
        return pool;
    }

    /**
     * Runs every task at once, each on a thread of its own released together, and returns their
     * results in order (rethrowing the first failure).
     */
    public static <T> List<T> race(List<Callable<T>> tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(tasks.size())) {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        }
    }

    @Override
    public synchronized void close() {
        pools.forEach(PlatformDatabase::close);
    }
}
