package io.openvod.app.signing;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.app.ledger.IssuedSignature;
import io.openvod.app.ledger.Quota;
import io.openvod.app.store.AppDatabase;
import io.openvod.app.store.SqlSignatureLedger;
import io.openvod.core.TimeOrderedIds;
import io.openvod.core.sql.SqlTraceLog;
import io.openvod.core.trace.StoredSpan;
import io.openvod.core.trace.TraceParent;
import io.openvod.core.trace.TraceStep;
import io.openvod.core.trace.Tracing;
import io.openvod.core.trace.TracingConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app keeps every step of a trace in trace_spans except the signature, which its audit row
 * records: the signature step is read back from the row, once, in its place in the timeline.
 */
class SignatureStepsTest {
    @TempDir
    Path dir;

    @Test
    void theSignatureStepComesFromTheAuditRowAndIsNotWrittenTwice() {
        String requestId = TimeOrderedIds.next();
        TraceParent ids = TraceParent.ofRequestId(requestId).orElseThrow();
        Instant issued = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (AppDatabase db = AppDatabase.open("jdbc:sqlite:" + dir.resolve("app.db"));
             SqlSignatureLedger ledger = new SqlSignatureLedger(db.jdbi())) {
            SqlTraceLog table = new SqlTraceLog(db.jdbi());
            SignatureSteps steps = new SignatureSteps(table, ledger, "openvod-app");
            ledger.recordWithinQuota(row(requestId, ids.traceId(), issued), Quota.UNLIMITED, issued.minusSeconds(60));
            try (Tracing tracing = Tracing.create("openvod-app", TracingConfig.off(), steps, SignatureSteps::keptAsSpan)) {
                try (TraceStep signature = tracing.root("signature", ids)) {
                    signature.attribute("openvod.user_id", "alice");
                }
                try (TraceStep receive = tracing.step("receive NewFileUpload", ids)) {
                    receive.attribute("openvod.file_id", "5285890000000000001");
                }
            } // closing writes what is queued

            assertThat(table.spansOfTrace(ids.traceId())).extracting(StoredSpan::name).containsExactly("receive NewFileUpload");
            List<StoredSpan> timeline = steps.spansOfTrace(ids.traceId());
            assertThat(timeline).extracting(StoredSpan::name).containsExactly("signature", "receive NewFileUpload");
            StoredSpan signature = timeline.getFirst();
            assertThat(signature.spanId()).isEqualTo(ids.spanId());
            assertThat(signature.startedAt()).isEqualTo(issued);
            assertThat(signature.detail()).contains("user_id=alice", "procedure=QuickStart");
            assertThat(steps.traceOfFile("5285890000000000001")).contains(ids.traceId());
        }
    }

    private static IssuedSignature row(String requestId, String traceId, Instant issued) {
        return new IssuedSignature(requestId, "alice", "AKIDtest", issued, issued.plusSeconds(600), 7, Optional.of("QuickStart"),
                Optional.empty(), true, "uid=alice&req=" + requestId, Optional.empty(), Optional.empty(), Optional.empty(),
                "127.0.0.1", Optional.of(traceId));
    }
}
