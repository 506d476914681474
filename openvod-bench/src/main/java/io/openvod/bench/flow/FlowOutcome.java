package io.openvod.bench.flow;

import io.openvod.bench.upload.PlatformUploadServer;
import io.openvod.platform.catalog.StoredEvent;
import java.util.concurrent.TimeUnit;

/** Waiting for a flow through a benchmark's platform node to end. */
final class FlowOutcome {
    private FlowOutcome() {
    }

    /** The first ProcedureStateChanged event of {@code fileId}, polled every {@code pollMillis}, within 30 minutes. */
    static StoredEvent procedureStateChanged(PlatformUploadServer server, String fileId, long pollMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        while (true) {
            StoredEvent event = server.node().catalog().events(fileId).stream()
                    .filter(e -> e.event().eventType().equals("ProcedureStateChanged")).findFirst().orElse(null);
            if (event != null) {
                return event;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no ProcedureStateChanged for " + fileId + " within 30 minutes");
            }
            Thread.sleep(pollMillis);
        }
    }
}
