package io.openvod.app.signing;

import io.openvod.app.ledger.IssuedSignature;
import io.openvod.app.ledger.SignatureLedger;
import io.openvod.core.trace.StoredSpan;
import io.openvod.core.trace.TraceLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The app's kept steps, with the {@code signature} step read from its audit row. The signature
 * step is not written to {@code trace_spans}: the audit row already records it, and a second row
 * per signature would halve how many signatures a node issues on SQLite (one writer). Its time is
 * the row's {@code issued_at}; the row keeps no duration, so the step shows none.
 */
public final class SignatureSteps implements TraceLog {
    /** The step's name, as the service starts it. */
    public static final String STEP = "signature";
    private final TraceLog kept;
    private final SignatureLedger ledger;
    private final String service;

    public SignatureSteps(TraceLog kept, SignatureLedger ledger, String service) {
        this.kept = Objects.requireNonNull(kept, "kept == null");
        this.ledger = Objects.requireNonNull(ledger, "ledger == null");
        this.service = Objects.requireNonNull(service, "service == null");
    }

    /** Whether a step of this name is kept in {@code trace_spans} (every one but the signature). */
    public static boolean keptAsSpan(String stepName) {
        return !STEP.equals(stepName);
    }

    @Override
    public void record(List<StoredSpan> spans) {
        kept.record(spans);
    }

    @Override
    public List<StoredSpan> spansOfTrace(String traceId) {
        List<StoredSpan> steps = new ArrayList<>(kept.spansOfTrace(traceId));
        ledger.ofTrace(traceId).map(row -> step(traceId, row)).ifPresent(steps::add);
        steps.sort(Comparator.comparing(StoredSpan::startedAt));
        return steps;
    }

    @Override
    public Optional<String> traceOfFile(String fileId) {
        return kept.traceOfFile(fileId);
    }

    @Override
    public int sweep(Instant endedBefore) {
        return kept.sweep(endedBefore);
    }

    private StoredSpan step(String traceId, IssuedSignature row) {
        String detail = "user_id=" + row.userId() + row.procedure().map(p -> " procedure=" + p).orElse("") + " (audit row)";
        return new StoredSpan(traceId.substring(16), traceId, Optional.empty(), service, STEP, Optional.empty(), row.issuedAt(),
                row.issuedAt(), true, detail);
    }
}
