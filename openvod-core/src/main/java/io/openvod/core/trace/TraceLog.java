package io.openvod.core.trace;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The steps (spans) a service ran, kept in its own database so that {@code openvod trace} can
 * print an upload's timeline without any tracing backend. Rows are swept after
 * {@code tracing.retention}. Implementations are safe for several threads and for several nodes
 * sharing one database.
 */
public interface TraceLog {
    /**
     * Keeps these spans; a span already kept (same span id) is left as it is, so writing a batch
     * again changes nothing.
     *
     * @throws RuntimeException when the database cannot be written (the caller decides what is lost)
     */
    void record(List<StoredSpan> spans);

    /** The spans of one trace (32 lowercase hex digits), earliest start first; empty when none is kept. */
    List<StoredSpan> spansOfTrace(String traceId);

    /** The trace of the earliest kept span that names this FileId, if any. */
    Optional<String> traceOfFile(String fileId);

    /**
     * Removes the spans that ended before {@code endedBefore}.
     *
     * @return how many were removed
     */
    int sweep(Instant endedBefore);
}
