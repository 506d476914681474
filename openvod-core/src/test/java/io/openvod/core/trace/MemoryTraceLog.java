package io.openvod.core.trace;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link TraceLog} in memory, for the tests of what writes to one; it remembers each sweep's instant. */
class MemoryTraceLog implements TraceLog {
    private final Map<String, StoredSpan> spans = new LinkedHashMap<>();
    final List<Instant> sweeps = new CopyOnWriteArrayList<>();

    @Override
    public synchronized void record(List<StoredSpan> batch) {
        batch.forEach(s -> spans.putIfAbsent(s.spanId(), s));
    }

    @Override
    public synchronized List<StoredSpan> spansOfTrace(String traceId) {
        return spans.values().stream().filter(s -> s.traceId().equals(traceId))
                .sorted(Comparator.comparing(StoredSpan::startedAt)).toList();
    }

    @Override
    public synchronized Optional<String> traceOfFile(String fileId) {
        return spans.values().stream().filter(s -> s.fileId().equals(Optional.of(fileId)))
                .min(Comparator.comparing(StoredSpan::startedAt)).map(StoredSpan::traceId);
    }

    @Override
    public synchronized int sweep(Instant endedBefore) {
        sweeps.add(endedBefore);
        int before = spans.size();
        spans.values().removeIf(s -> s.endedAt().isBefore(endedBefore));
        return before - spans.size();
    }

    synchronized List<StoredSpan> all() {
        return new ArrayList<>(spans.values());
    }
}
