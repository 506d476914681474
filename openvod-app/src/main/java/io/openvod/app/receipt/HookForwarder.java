package io.openvod.app.receipt;

import io.openvod.app.config.ReceiptConfig;
import io.openvod.app.videos.Video;
import io.openvod.app.videos.Videos;
import io.openvod.core.Secret;
import io.openvod.core.retry.RetryPolicy;
import io.openvod.core.trace.TraceParent;
import io.openvod.core.trace.Tracing;
import io.openvod.signature.webhook.StandardWebhooks;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards processed events to the app's own hook ({@code app.receipt.forward}). A virtual
 * thread polls the inbox for events whose processing is done ({@code PROCESSED} or
 * {@code IGNORED}) and whose forwarding is {@code PENDING} and due, and sends each on a virtual
 * thread of its own (at most {@value #PARALLEL} at a time), so a slow hook holds up neither the
 * receipt service nor other events beyond that. Each is a {@code POST} of the body as received
 * ({@code Content-Type: application/json}) with:
 * <ul>
 *   <li>{@code X-OpenVOD-Event-Type}, {@code X-OpenVOD-File-Id} (comma-separated when several), and
 *       {@code X-OpenVOD-Video-State}: the videos' states (wire names, in the same order) when the
 *       event is sent, when the app has a record of each;</li>
 *   <li>{@code traceparent}: the attempt's position in the event's trace ({@link EventTrace}),
 *       when it has one;</li>
 *   <li>{@code webhook-id} (the received event's id, the same on every attempt),
 *       {@code webhook-timestamp} and {@code webhook-signature} (Standard Webhooks) when
 *       {@code forward.secrets} are set.</li>
 * </ul>
 * A 2xx answer marks the event {@code SENT}. Anything else — another status, a refused connection,
 * the timeout — is retried after 1 s, 2 s, 4 s … (up to a quarter more, at random; at most an
 * hour), and after {@code maxAttempts} the event is {@code DEAD}, which is logged. Before an
 * attempt the event is claimed in the inbox for as long as the attempt may take (twice the timeout
 * and 30 s; {@link ReceivedEvents#claimForward}), so when several app nodes share the inbox one of
 * them sends it. Events pending when the process stops are sent when it (or another node) runs
 * again; one whose attempt the stop cut short, once its claim has run out. The hook's URL may hold
 * a secret, so logs name only its scheme, host and port.
 */
public final class HookForwarder implements AutoCloseable {
    static final int PARALLEL = 4;
    private static final Logger LOG = LoggerFactory.getLogger(HookForwarder.class);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration CLAIM_MARGIN = Duration.ofSeconds(30);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofHours(1);
    /** The delays between forwarding attempts; how many attempts there are is {@code config.maxAttempts()}. */
    static final RetryPolicy RETRY = new RetryPolicy(FIRST_RETRY, 2, LONGEST_RETRY, Integer.MAX_VALUE, RetryPolicy.UNLIMITED, 0);

    private final ReceivedEvents events;
    private final Videos videos;
    private final ReceiptConfig.Forward config;
    private final URI hook;
    private final String shownHook;
    private final StandardWebhooks webhooks;
    private final Clock clock;
    private final Tracing tracing;
    private final HttpClient http;
    private final Semaphore slots = new Semaphore(PARALLEL);
    private final Semaphore wake = new Semaphore(0);
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Set<Thread> senders = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean running = new AtomicBoolean();
    private Thread loop;

    /**
     * A forwarder whose attempts are steps {@code forward <EventType>} of the events' traces in {@code tracing}.
     *
     * @throws IllegalArgumentException when forwarding is not configured ({@code forward.url} empty)
     */
    public HookForwarder(ReceivedEvents events, Videos videos, ReceiptConfig.Forward config, Clock clock, Tracing tracing) {
        if (!config.enabled()) {
            throw new IllegalArgumentException("app.receipt.forward.url is empty");
        }
        this.events = events;
        this.videos = videos;
        this.config = config;
        this.hook = URI.create(config.url());
        this.shownHook = hook.getScheme() + "://" + hook.getHost() + (hook.getPort() < 0 ? "" : ":" + hook.getPort());
        this.webhooks = StandardWebhooks.fromSecrets(config.secrets().stream().map(Secret::reveal).toList());
        this.clock = clock;
        this.tracing = tracing;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Starts the forwarding loop. */
    public synchronized void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        LOG.info("forwarding processed events to the hook at {} ({})", shownHook, webhooks.hasKeys() ? "signed" : "unsigned");
        loop = Thread.ofVirtual().name("openvod-hook-forwarder").start(() -> {
            while (running.get()) {
                try {
                    dispatchDue();
                } catch (RuntimeException e) {
                    LOG.warn("reading events to forward failed: {}", e.toString());
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

    private void dispatchDue() {
        for (PendingForward pending : events.dueForwards(PARALLEL + inFlight.size())) {
            String id = pending.event().id();
            if (inFlight.contains(id) || !slots.tryAcquire()) {
                continue;
            }
            Instant now = clock.instant();
            if (!events.claimForward(id, now, now.plus(claimDuration()))) {
                slots.release();
                continue;
            }
            inFlight.add(id);
            Thread sender = Thread.ofVirtual().name("openvod-hook-forward-" + id).unstarted(() -> {
                try {
                    send(pending);
                } catch (RuntimeException e) {
                    LOG.warn("forwarding event {} failed: {}", id, e.toString());
                } finally {
                    inFlight.remove(id);
                    senders.remove(Thread.currentThread());
                    slots.release();
                    wake.release();
                }
            });
            senders.add(sender);
            sender.start();
        }
    }

    /** One attempt, as the step {@code forward <EventType>} of the event's trace. */
    private void send(PendingForward pending) {
        StoredEvent event = pending.event();
        try (EventStep step = EventStep.of(tracing, EventStep.name("forward", event.eventType()), EventTrace.ofStored(event),
                event.fileIds())) {
            Optional<String> failure = post(event, step.context());
            if (failure.isEmpty()) {
                return;
            }
            step.failed(failure.get());
            int attempt = pending.attempts() + 1;
            if (events.forwardFailed(event.id(), config.maxAttempts(), clock.instant().plus(retryDelay(attempt)))) {
                LOG.warn("forwarding event {} ({}) to the hook at {} failed {} times, the last with {}; it is DEAD and will not be retried",
                        event.id(), event.eventType(), shownHook, attempt, failure.get());
            } else {
                LOG.info("forwarding event {} ({}) to the hook at {} failed ({}, attempt {} of {}); retrying later", event.id(),
                        event.eventType(), shownHook, failure.get(), attempt, config.maxAttempts());
            }
        }
    }

    /**
     * Posts the event (with {@code traceparent} when it has a trace): why the hook did not take it,
     * or empty when there is no failure to record (taken, or the attempt cut short by stopping).
     */
    private Optional<String> post(StoredEvent event, Optional<TraceParent> trace) {
        byte[] body = event.body().getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(hook)
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        trace.ifPresent(t -> request.header("traceparent", t.header()));
        header(request, "X-OpenVOD-Event-Type", event.eventType());
        if (!event.fileIds().isEmpty()) {
            header(request, "X-OpenVOD-File-Id", String.join(",", event.fileIds()));
            videoStates(event.fileIds()).ifPresent(states -> header(request, "X-OpenVOD-Video-State", states));
        }
        if (webhooks.hasKeys()) {
            long timestamp = clock.instant().getEpochSecond();
            request.header("webhook-id", event.id())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", webhooks.sign(event.id(), timestamp, body));
        }
        try {
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 200 && status < 300) {
                events.forwardSent(event.id());
                LOG.debug("forwarded event {} ({}) to the hook at {}", event.id(), event.eventType(), shownHook);
                return Optional.empty();
            }
            return Optional.of("HTTP " + status);
        } catch (IOException e) {
            return Optional.of(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty(); // stopping: the claim runs out and the event is sent again
        }
    }

    /** The videos' states in the order of {@code fileIds}, when the app has a record of each. */
    private Optional<String> videoStates(List<String> fileIds) {
        List<String> states = new ArrayList<>();
        for (String fileId : fileIds) {
            Optional<Video> video = videos.find(fileId);
            if (video.isEmpty()) {
                return Optional.empty();
            }
            states.add(video.get().state().wireName());
        }
        return Optional.of(String.join(",", states));
    }

    /** Sets a header whose value came from an event, unless it has characters a header cannot carry. */
    private static void header(HttpRequest.Builder request, String name, String value) {
        if (value != null && !value.isEmpty() && value.length() <= 4096 && value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            request.header(name, value);
        }
    }

    /** How long an attempt may take at most: connecting and answering, each within the timeout, and a margin. */
    private Duration claimDuration() {
        return config.timeout().multipliedBy(2).plus(CLAIM_MARGIN);
    }

    /**
     * The wait after the {@code attempt}-th failure: the base delay of {@link #RETRY} (1 s doubled
     * for each earlier one, at most an hour) plus up to a quarter of it at random.
     */
    static Duration retryDelay(int attempt) {
        long base = RETRY.baseDelayMillis(attempt);
        return Duration.ofMillis(base + RetryPolicy.Jitter.random().next(base / 4 + 1));
    }

    @Override
    public synchronized void close() {
        if (!running.compareAndSet(true, false)) {
            http.close();
            return;
        }
        loop.interrupt();
        try {
            loop.join(10_000);
            for (Thread sender : Set.copyOf(senders)) {
                sender.interrupt();
                sender.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.close();
    }
}
