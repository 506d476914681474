package io.openvod.server.cli;

import java.util.concurrent.CountDownLatch;

/** Keeps a started service running until the process is asked to stop, then closes it. */
final class UntilStopped {
    private UntilStopped() {
    }

    /** Blocks until shutdown (Ctrl-C, SIGTERM); the shutdown hook closes {@code service}. */
    static void await(AutoCloseable service, String name) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                service.close();
            } catch (Exception e) {
                // The process is ending; nothing is left to report to.
            } finally {
                stopped.countDown();
            }
        }, name + "-shutdown"));
        stopped.await();
    }
}
