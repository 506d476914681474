package io.openvod.app.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.app.videos.Review;
import io.openvod.app.videos.VodEvent;
import io.openvod.core.TimeOrderedIds;
import io.openvod.core.trace.TraceParent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which trace an event belongs to: its pushed traceparent, else the signature request its context names, else none. */
class EventTraceTest {
    private static final String REQUEST_ID = TimeOrderedIds.next();
    private static final String TRACE_ID = REQUEST_ID.replace("-", "");
    private static final String CONTEXT = "uid=alice&req=" + REQUEST_ID;

    private static VodEvent upload(String sourceContext) {
        return new VodEvent.FileUploaded("52858908", "clip", "", "", sourceContext, "", "");
    }

    @Test
    void aPushedTraceparentIsWhereTheReceiptContinues() {
        TraceParent pushed = TraceParent.newTrace();

        assertThat(EventTrace.ofReceipt(Optional.of(pushed), upload(CONTEXT))).contains(pushed);
    }

    @Test
    void withoutOneTheContextsRequestNamesTheTrace() {
        VodEvent flow = new VodEvent.ProcedureChanged("t-1", "52858908", true, 0, "", CONTEXT, Optional.empty(), List.of(),
                Review.NONE, 0);
        VodEvent review = new VodEvent.ReviewCompleted("t-2", "52858908", Review.NONE, CONTEXT);

        assertThat(EventTrace.named(upload(CONTEXT))).contains(TRACE_ID);
        assertThat(EventTrace.named(flow)).contains(TRACE_ID);
        assertThat(EventTrace.named(review)).contains(TRACE_ID);
        TraceParent continued = EventTrace.ofReceipt(Optional.empty(), upload(CONTEXT)).orElseThrow();
        assertThat(continued.traceId()).isEqualTo(TRACE_ID);
        assertThat(continued.spanId()).as("a position of its own, not the signature step's").isNotEqualTo(TRACE_ID.substring(16));
    }

    @Test
    void contextsTheAppDidNotSignNameNoTrace() {
        assertThat(EventTrace.ofReceipt(Optional.empty(), upload("uid=alice&req=r-1"))).isEmpty();
        assertThat(EventTrace.ofReceipt(Optional.empty(), upload("free text from another app"))).isEmpty();
        assertThat(EventTrace.ofReceipt(Optional.empty(), upload(""))).isEmpty();
        assertThat(EventTrace.ofReceipt(Optional.empty(), upload(null))).isEmpty();
        assertThat(EventTrace.ofReceipt(Optional.empty(), upload("uid=a&req=" + REQUEST_ID + "&req=x"))).isEmpty();
        assertThat(EventTrace.ofReceipt(Optional.empty(), new VodEvent.FilesDeleted(List.of("52858908")))).isEmpty();
        assertThat(EventTrace.ofReceipt(Optional.empty(), new VodEvent.Other("WechatPublishComplete", List.of()))).isEmpty();
    }

    @Test
    void aStoredTraceIdIsWhereLaterStepsContinue() {
        assertThat(EventTrace.ofStored(stored(Optional.of(TRACE_ID)))).hasValueSatisfying(t -> assertThat(t.traceId()).isEqualTo(TRACE_ID));
        assertThat(EventTrace.ofStored(stored(Optional.empty()))).isEmpty();
        assertThat(EventTrace.ofStored(stored(Optional.of("not-a-trace")))).isEmpty();
    }

    private static StoredEvent stored(Optional<String> traceId) {
        return new StoredEvent("e-1", "push", "v3", "NewFileUpload", List.of("52858908"), "{}", Optional.empty(), 0, "PROCESSED", 1, "",
                Instant.EPOCH, traceId);
    }
}
