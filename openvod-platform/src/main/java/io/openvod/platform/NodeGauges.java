package io.openvod.platform;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.openvod.core.metrics.CachedReading;
import io.openvod.platform.events.EventQueue;
import io.openvod.platform.ugc.UploadSessions;
import java.time.Clock;
import java.time.Duration;

/**
 * The platform's gauges over its stores, read from the database at most every {@link #READ_EVERY}:
 * {@code openvod_upload_sessions_open} (applied, not committed) and {@code openvod_pull_queue_depth}
 * (events of every application waiting to be pulled).
 */
final class NodeGauges {
    static final Duration READ_EVERY = Duration.ofSeconds(5);

    private NodeGauges() {
    }

    static void register(MeterRegistry registry, UploadSessions sessions, EventQueue pullQueue, Clock clock) {
        CachedReading<Long> open = new CachedReading<>(sessions::countOpen, READ_EVERY, clock, 0L);
        Gauge.builder("openvod.upload.sessions.open", open, CachedReading::get)
                .description("upload sessions applied for and not committed").strongReference(true).register(registry);
        CachedReading<Long> pull = new CachedReading<>(pullQueue::countToPull, READ_EVERY, clock, 0L);
        Gauge.builder("openvod.pull.queue.depth", pull, CachedReading::get)
                .description("events waiting to be pulled (PullEvents), all applications").strongReference(true).register(registry);
    }
}
