package io.openvod.app.receipt;

import io.openvod.app.signing.SourceContext;
import io.openvod.app.videos.VodEvent;
import io.openvod.core.trace.TraceParent;
import java.util.Optional;

/**
 * Which trace a received event belongs to. An upload's trace is begun by its signature request
 * ({@link TraceParent#ofRequestId}); an event joins it
 * <ol>
 *   <li>through the {@code traceparent} header it was pushed with, when that is valid (OpenVOD's
 *       pushes carry the position of their delivery), else</li>
 *   <li>through the context the signature put in the upload and VOD echoes back: the {@code req} of
 *       {@code uid=<user>&req=<request id>} ({@link SourceContext}) in a {@code NewFileUpload}'s
 *       {@code SourceContext}, a {@code ProcedureStateChanged}'s or {@code ReviewAudioVideoComplete}'s
 *       {@code SessionContext} — so pulled events and Tencent's pushes join it too;</li>
 *   <li>else it belongs to none (a context the app did not sign, a request id that is not a UUID,
 *       an event type without a context).</li>
 * </ol>
 */
public final class EventTrace {
    private EventTrace() {
    }

    /**
     * Where the receipt of an event continues its trace: the pushed {@code traceparent} itself, or a
     * position in the trace its context names (its span not recorded); empty when it has none.
     */
    public static Optional<TraceParent> ofReceipt(Optional<TraceParent> traceparent, VodEvent event) {
        return traceparent.or(() -> named(event).map(TraceParent::inTrace));
    }

    /** The trace id the event's context names: its signature request's, when that is a UUID. */
    public static Optional<String> named(VodEvent event) {
        return context(event).filter(c -> !c.isEmpty()).flatMap(SourceContext::parse)
                .flatMap(c -> TraceParent.ofRequestId(c.requestId())).map(TraceParent::traceId);
    }

    /** Where a later step of a stored event (processing, forwarding) continues its trace; empty when it has none. */
    public static Optional<TraceParent> ofStored(StoredEvent event) {
        return event.traceId().filter(TraceParent::isTraceId).map(TraceParent::inTrace);
    }

    private static Optional<String> context(VodEvent event) {
        return Optional.ofNullable(switch (event) {
            case VodEvent.FileUploaded u -> u.sourceContext();
            case VodEvent.ProcedureChanged p -> p.sessionContext();
            case VodEvent.ReviewCompleted r -> r.sessionContext();
            case VodEvent.FilesDeleted d -> null;
            case VodEvent.Other o -> null;
        });
    }
}
