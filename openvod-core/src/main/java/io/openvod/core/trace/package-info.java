/**
 * Tracing: one trace per upload, from the app's signature request to the last event delivery.
 * {@link io.openvod.core.trace.TraceParent} is a W3C position (trace id + span id), carried in
 * {@code traceparent} headers and stored beside uploads, tasks and events;
 * {@link io.openvod.core.trace.Tracing} starts the OpenTelemetry spans of each step and exports
 * them over OTLP when configured; {@link io.openvod.core.trace.LogContext} puts the ids on log lines.
 *
 * <p>Each service also keeps the steps it ran in its own database: {@link io.openvod.core.trace.TraceLog}
 * is that port ({@code trace_spans}; the SQL adapter is {@code io.openvod.core.sql.SqlTraceLog}),
 * written in the background by the span processor {@code StoredSpans} of a
 * {@link io.openvod.core.trace.Tracing#create(String, TracingConfig, TraceLog) Tracing with a store},
 * swept after {@link io.openvod.core.trace.TracingConfig#retention()}, and read by {@code openvod trace}.
 */
package io.openvod.core.trace;
