/**
 * Tracing: one trace per upload, from the app's signature request to the last event delivery.
 * {@link io.openvod.core.trace.TraceParent} is a W3C position (trace id + span id), carried in
 * {@code traceparent} headers and stored beside uploads, tasks and events;
 * {@link io.openvod.core.trace.Tracing} starts the OpenTelemetry spans of each step and exports
 * them over OTLP when configured; {@link io.openvod.core.trace.LogContext} puts the ids on log lines.
 */
package io.openvod.core.trace;
