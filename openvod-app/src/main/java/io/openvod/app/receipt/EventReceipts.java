package io.openvod.app.receipt;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.openvod.app.videos.VodEvent;
import io.openvod.core.trace.TraceParent;
import io.openvod.core.trace.Tracing;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives VOD events and turns them into video states, in two steps: {@link #receive} reads
 * and stores a body (a repeated one is recognised by its content and stored once) — the
 * receiver acknowledges only then — and a processor thread reads the stored events back in
 * the order they came and applies them ({@link EventProcessor}), each in one transaction
 * with its mark as processed ({@link ReceivedEvents#finish}). Each step runs in the event's
 * trace ({@link EventTrace}). An event stored but not processed
 * when the process stopped is processed when it starts again. Several app nodes may share the
 * inbox: each runs a processor, and an event that two of them read is applied by one. An event type the app does not act on is kept as
 * {@code IGNORED}; an event whose processing keeps failing is {@code FAILED} after
 * {@value #MAX_ATTEMPTS} attempts, with the reason.
 */
public final class EventReceipts implements AutoCloseable {
    static final int MAX_ATTEMPTS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(EventReceipts.class);
    private static final Duration POLL = Duration.ofSeconds(5);

    private final ReceivedEvents events;
    private final EventProcessor processing;
    private final EventParser parser = new EventParser();
    private final Tracing tracing;
    private final boolean forwarding;
    private final OptionalLong ownApplication;
    private final Semaphore wake = new Semaphore(0);
    private final AtomicBoolean running = new AtomicBoolean();
    private final Object drainLock = new Object();
    private Thread processor;

    /** Receipts that do not know the app's VOD application (events naming one are taken as they come). */
    public EventReceipts(ReceivedEvents events, Clock clock, boolean forwarding, Tracing tracing) {
        this(events, clock, forwarding, OptionalLong.empty(), tracing);
    }

    /**
     * @param forwarding whether processed events are to be forwarded to the app's hook
     * @param ownApplication the VOD application (SubAppId) whose events this app takes; empty when unknown
     */
    public EventReceipts(ReceivedEvents events, Clock clock, boolean forwarding, OptionalLong ownApplication, Tracing tracing) {
        this(events, clock, forwarding, ownApplication, new SimpleMeterRegistry(), tracing);
    }

    /**
     * Receipts that count what they do in {@code registry} ({@link ReceiptMetrics}) and run their
     * steps in the events' traces ({@link EventTrace}) with {@code tracing}.
     *
     * @param forwarding whether processed events are to be forwarded to the app's hook
     * @param ownApplication the VOD application (SubAppId) whose events this app takes; empty when unknown
     */
    public EventReceipts(ReceivedEvents events, Clock clock, boolean forwarding, OptionalLong ownApplication, MeterRegistry registry,
                         Tracing tracing) {
        this.events = events;
        this.processing = new EventProcessor(events, new ReceiptMetrics(registry, events, clock), clock, tracing);
        this.tracing = tracing;
        this.forwarding = forwarding;
        this.ownApplication = ownApplication;
    }

    /** What {@link #receive} did. */
    public record Receipt(String id, boolean duplicate, ParsedEvent parsed) {
    }

    /** {@link #receive(String, byte[], Optional, long, boolean, Optional)} of a body that came without a verified signature or a trace. */
    public Receipt receive(String source, byte[] body, Optional<String> eventId, long sequence)
            throws MalformedEventException, ForeignEventException {
        return receive(source, body, eventId, sequence, false, Optional.empty());
    }

    /**
     * Stores a received body durably; processing follows on the processor thread. A body that
     * names a VOD application ({@code SubAppId}) other than this app's is refused; so is a signed
     * body that names none, since OpenVOD names the application in every event it signs.
     *
     * <p>This runs as the step {@code receive <EventType>} of the event's trace ({@link EventTrace}:
     * the pushed {@code traceparent}, else the trace its context names), with {@code openvod.file_id};
     * the trace id is stored with the event, and a newly stored event is logged at INFO within the
     * step ({@code received NewFileUpload for FileId … (push)}). An event of no trace is stored and
     * logged without a step.
     *
     * @param source {@code push} or {@code pull}
     * @param eventId OpenVOD's event id, when the sender gave one
     * @param sequence OpenVOD's per-FileId sequence, 0 when none
     * @param signed whether the body came with a verified webhook signature
     * @param traceparent the position the sender pushed it from (its valid {@code traceparent} header), if any
     * @throws MalformedEventException when the body is not a VOD event (nothing is stored)
     * @throws ForeignEventException when the event is not for this app's application (nothing is stored)
     */
    public Receipt receive(String source, byte[] body, Optional<String> eventId, long sequence, boolean signed,
                           Optional<TraceParent> traceparent) throws MalformedEventException, ForeignEventException {
        ParsedEvent parsed = parser.parse(body);
        VodEvent event = parsed.event();
        Optional<TraceParent> trace = EventTrace.ofReceipt(traceparent, event);
        try (EventStep step = EventStep.server(tracing, EventStep.name("receive", event.eventType()), trace, event.fileIds())) {
            try {
                checkApplication(parsed, signed);
                ReceivedEvents.Stored stored = events.store(source, parsed, new String(body, StandardCharsets.UTF_8), eventId,
                        Math.max(0, sequence), forwarding, trace.map(TraceParent::traceId));
                logged(stored, event, source);
                return new Receipt(stored.id(), !stored.isNew(), parsed);
            } catch (ForeignEventException | RuntimeException e) {
                step.failed(e instanceof ForeignEventException ? "another application's event" : e.getClass().getSimpleName());
                throw e;
            }
        }
    }

    private void logged(ReceivedEvents.Stored stored, VodEvent event, String source) {
        String files = event.fileIds().isEmpty() ? "" : " for FileId " + String.join(",", event.fileIds());
        if (stored.isNew()) {
            wake.release();
            LOG.info("received {}{} ({})", event.eventType(), files, source);
        } else {
            LOG.debug("received {}{} again ({}); it is stored already as event {}", event.eventType(), files, source, stored.id());
        }
    }

    private void checkApplication(ParsedEvent parsed, boolean signed) throws ForeignEventException {
        if (parsed.subAppId().isEmpty()) {
            if (signed) {
                throw new ForeignEventException("the signed event does not name its VOD application (SubAppId)");
            }
            return;
        }
        long named = parsed.subAppId().getAsLong();
        if (signed && ownApplication.isEmpty()) {
            throw new ForeignEventException("the event is for application " + named
                    + ", and this receiver does not know its own (app.receipt.subAppId)");
        }
        if (ownApplication.isPresent() && ownApplication.getAsLong() != named) {
            throw new ForeignEventException("the event is for application " + named + ", not this app's "
                    + ownApplication.getAsLong());
        }
    }

    /**
     * Processes stored events until none is left; returns how many this call processed (or tried
     * to: a failed attempt counts; an event another node processed does not). Callers on
     * several threads (the processor, the pull consumer) take turns, so that one stored event is
     * not processed twice at once.
     */
    public int drain() {
        synchronized (drainLock) {
            int done = 0;
            while (true) {
                List<StoredEvent> batch = events.received(50);
                if (batch.isEmpty()) {
                    return done;
                }
                for (StoredEvent event : batch) {
                    if (processing.process(event, MAX_ATTEMPTS)) {
                        done++;
                    }
                }
            }
        }
    }

    /** Starts the processor thread (it first processes what is left from before). */
    public synchronized void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        processor = Thread.ofVirtual().name("openvod-event-receipts").start(() -> {
            while (running.get()) {
                try {
                    drain();
                } catch (RuntimeException e) {
                    LOG.warn("processing received events failed: {}", e.toString());
                }
                try {
                    wake.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    @Override
    public synchronized void close() {
        if (!running.compareAndSet(true, false)) {
            return;
        }
        processor.interrupt();
        try {
            processor.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
