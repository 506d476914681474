package io.openvod.core.trace;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One service's tracer: OpenTelemetry's SDK, with spans exported over OTLP/HTTP when
 * {@link TracingConfig#otlpEndpoint()} is set, and kept in the service's own database when it is
 * given a {@link TraceLog} ({@link StoredSpans}, for {@code openvod trace}). Steps are started as
 * children of a {@link TraceParent} read from a header or from storage, so a trace crosses
 * processes and nodes through the database as well as through HTTP.
 */
public final class Tracing implements AutoCloseable {
    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
    private final SdkTracerProvider provider;
    private final Tracer tracer;
    private final ChosenIds ids = new ChosenIds();

    private Tracing(String serviceName, TracingConfig config, Optional<TraceLog> store, Predicate<String> stored) {
        SdkTracerProviderBuilder builder = SdkTracerProvider.builder()
                .setIdGenerator(ids)
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(SERVICE_NAME, serviceName))));
        builder.addSpanProcessor(config.otlpEndpoint()
                .<SpanProcessor>map(endpoint -> BatchSpanProcessor.builder(
                                OtlpHttpSpanExporter.builder().setEndpoint(endpoint.toString()).setTimeout(config.exportTimeout()).build())
                        .setScheduleDelay(Duration.ofSeconds(1))
                        .build())
                .orElseGet(Unexported::new)); // without any processor the SDK hands out invalid spans
        store.ifPresent(log -> builder.addSpanProcessor(StoredSpans.start(log, serviceName, config.retention(), stored)));
        provider = builder.build();
        tracer = provider.get("io.openvod");
    }

    /**
     * A tracer for one service.
     *
     * @param serviceName the OpenTelemetry {@code service.name}: {@code openvod-platform}, {@code openvod-app}
     */
    public static Tracing create(String serviceName, TracingConfig config) {
        return new Tracing(serviceName, config, Optional.empty(), name -> false);
    }

    /**
     * A tracer for one service that also keeps every ended step in {@code store} (the service's
     * {@code trace_spans} table) for {@link TracingConfig#retention()}. Writing never blocks a step
     * and a failed write never fails one ({@link StoredSpans}).
     *
     * @param serviceName the OpenTelemetry {@code service.name}, also the {@code service} of each kept step
     */
    public static Tracing create(String serviceName, TracingConfig config, TraceLog store) {
        return create(serviceName, config, store, name -> true);
    }

    /**
     * {@link #create(String, TracingConfig, TraceLog)}, keeping in {@code store} only the steps
     * whose name {@code stored} accepts: a step the service records elsewhere (the app's
     * {@code signature}, whose audit row is its record) costs no second row. Every step is still
     * exported.
     */
    public static Tracing create(String serviceName, TracingConfig config, TraceLog store, Predicate<String> stored) {
        return new Tracing(serviceName, config, Optional.of(store), stored);
    }

    /** A tracer that exports nothing (tests, tools). */
    public static Tracing local(String serviceName) {
        return new Tracing(serviceName, TracingConfig.off(), Optional.empty(), name -> false);
    }

    /** Starts a step as a child of {@code parent}; close it to end the span. */
    public TraceStep step(String name, TraceParent parent) {
        return new TraceStep(tracer.spanBuilder(name).setParent(parentOf(parent)).startSpan());
    }

    /** Starts a server step (a request answered) as a child of {@code parent}. */
    public TraceStep serverStep(String name, TraceParent parent) {
        return new TraceStep(tracer.spanBuilder(name).setSpanKind(SpanKind.SERVER).setParent(parentOf(parent)).startSpan());
    }

    private static Context parentOf(TraceParent parent) {
        SpanContext remote = SpanContext.createFromRemoteParent(parent.traceId(), parent.spanId(),
                parent.sampled() ? TraceFlags.getSampled() : TraceFlags.getDefault(), TraceState.getDefault());
        return Context.root().with(Span.wrap(remote));
    }

    /** Starts the root step of a trace with these ids (see {@link TraceParent#ofRequestId}). */
    public TraceStep root(String name, TraceParent ids) {
        this.ids.chooseNext(ids);
        try {
            return new TraceStep(tracer.spanBuilder(name).setSpanKind(SpanKind.SERVER).setNoParent().startSpan());
        } finally {
            this.ids.clear();
        }
    }

    /** Exports and writes the steps ended so far, waiting at most five seconds. */
    public void flush() {
        provider.forceFlush().join(5, TimeUnit.SECONDS);
    }

    /** Sends what is left to export and writes what is left to keep, waiting at most five seconds. */
    @Override
    public void close() {
        provider.shutdown().join(5, TimeUnit.SECONDS);
    }
}
