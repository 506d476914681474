package io.openvod.server.cli;

import io.openvod.core.trace.StoredSpan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One trace's steps from both services' databases, merged by start time (a step kept in both is
 * shown once), with what its summary says: where it starts and ends, its FileId and its request id.
 */
record TraceTimeline(String traceId, List<StoredSpan> steps) {
    private static final String PREFIX = "openvod-";

    TraceTimeline {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a timeline has at least one step");
        }
        steps = List.copyOf(steps);
    }

    /** The steps of {@code traceId} from each source, merged. */
    static TraceTimeline merge(String traceId, Collection<List<StoredSpan>> sources) {
        Map<String, StoredSpan> bySpan = new LinkedHashMap<>();
        sources.forEach(spans -> spans.forEach(s -> bySpan.putIfAbsent(s.spanId(), s)));
        List<StoredSpan> steps = new ArrayList<>(bySpan.values());
        steps.sort(Comparator.comparing(StoredSpan::startedAt).thenComparing(StoredSpan::endedAt)
                .thenComparing(StoredSpan::service).thenComparing(StoredSpan::spanId));
        return new TraceTimeline(traceId, steps);
    }

    /** The service that ran a step as the command shows it: {@code app}, {@code platform}. */
    static String service(StoredSpan step) {
        return step.service().startsWith(PREFIX) ? step.service().substring(PREFIX.length()) : step.service();
    }

    StoredSpan first() {
        return steps.getFirst();
    }

    /** The step that ended last. */
    StoredSpan last() {
        return steps.stream().max(Comparator.comparing(StoredSpan::endedAt)).orElseThrow();
    }

    /** From the start of the first step to the end of the last. */
    Duration total() {
        return Duration.between(first().startedAt(), last().endedAt());
    }

    /** How long after the first step {@code step} started. */
    Duration offset(StoredSpan step) {
        return Duration.between(first().startedAt(), step.startedAt());
    }

    /** The FileId the steps name (the first one named). */
    Optional<String> fileId() {
        return steps.stream().flatMap(s -> s.fileId().stream()).findFirst();
    }

    /** The signature request that named this trace, when its step is kept: the trace id written as a UUID. */
    Optional<String> requestId() {
        boolean signed = steps.stream().anyMatch(s -> s.parentSpanId().isEmpty() && s.spanId().equals(traceId.substring(16)));
        if (!signed) {
            return Optional.empty();
        }
        return Optional.of(traceId.substring(0, 8) + "-" + traceId.substring(8, 12) + "-" + traceId.substring(12, 16) + "-"
                + traceId.substring(16, 20) + "-" + traceId.substring(20));
    }

    /** The steps each service ran, by the shown name, e.g. {@code app=1, platform=7}. */
    Map<String, Long> stepsByService() {
        Map<String, Long> counts = new TreeMap<>();
        steps.forEach(s -> counts.merge(service(s), 1L, Long::sum));
        return counts;
    }

    long failed() {
        return steps.stream().filter(s -> !s.ok()).count();
    }

    Instant startedAt() {
        return first().startedAt();
    }
}
