/**
 * One trace per upload, carried through the platform: which trace an upload and what follows from
 * it belong to ({@link io.openvod.platform.trace.UploadTrace}), and how the platform's steps start
 * ({@link io.openvod.platform.trace.TraceSteps}). The trace id is stored with the upload session,
 * its task flows and every event ({@code traceparent}), so that any node continues the same trace.
 * Depends on {@code io.openvod.core.trace} only.
 */
package io.openvod.platform.trace;
