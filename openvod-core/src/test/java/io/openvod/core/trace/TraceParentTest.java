package io.openvod.core.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvod.core.TimeOrderedIds;
import org.junit.jupiter.api.Test;

class TraceParentTest {

    @Test
    void readsAndWritesTheW3cHeader() {
        TraceParent t = TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").orElseThrow();
        assertThat(t.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(t.spanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(t.sampled()).isTrue();
        assertThat(t.header()).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        assertThat(TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00").orElseThrow().sampled()).isFalse();
    }

    @Test
    void refusesMalformedHeaders() {
        for (String bad : new String[] {null, "", "garbage", "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
                "00-00000000000000000000000000000000-00f067aa0ba902b7-01", "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
                "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-x"}) {
            assertThat(TraceParent.parse(bad)).as(String.valueOf(bad)).isEmpty();
        }
        // a later version may append fields
        assertThat(TraceParent.parse("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-future")).isPresent();
    }

    @Test
    void theRequestIdNamesTheTrace() {
        String requestId = TimeOrderedIds.next();
        TraceParent t = TraceParent.ofRequestId(requestId).orElseThrow();
        assertThat(t.traceId()).isEqualTo(requestId.replace("-", ""));
        assertThat(t.spanId()).isEqualTo(requestId.replace("-", "").substring(16));
        assertThat(TraceParent.ofRequestId("not-a-uuid")).isEmpty();
        assertThat(TraceParent.ofRequestId("00000000-0000-0000-0000-000000000000")).isEmpty();
    }

    @Test
    void newTracesAreValidAndDistinct() {
        TraceParent a = TraceParent.newTrace();
        TraceParent b = TraceParent.newTrace();
        assertThat(a.traceId()).isNotEqualTo(b.traceId());
        assertThat(TraceParent.inTrace(a.traceId()).traceId()).isEqualTo(a.traceId());
        assertThatThrownBy(() -> new TraceParent("xyz", "00f067aa0ba902b7", true)).isInstanceOf(IllegalArgumentException.class);
    }
}
