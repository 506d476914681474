package io.openvod.core.trace;

import io.opentelemetry.sdk.trace.IdGenerator;

/**
 * The SDK's ids, except for a root step whose ids are already chosen (the signature step: its
 * ids come from its request id). The choice is per thread and used by the next span started.
 */
final class ChosenIds implements IdGenerator {
    private static final IdGenerator RANDOM = IdGenerator.random();
    private final ThreadLocal<TraceParent> chosen = new ThreadLocal<>();

    void chooseNext(TraceParent ids) {
        chosen.set(ids);
    }

    void clear() {
        chosen.remove();
    }

    @Override
    public String generateTraceId() {
        TraceParent ids = chosen.get();
        return ids != null ? ids.traceId() : RANDOM.generateTraceId();
    }

    @Override
    public String generateSpanId() {
        TraceParent ids = chosen.get();
        return ids != null ? ids.spanId() : RANDOM.generateSpanId();
    }
}
