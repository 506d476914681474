package io.openvod.app.receipt;

import io.openvod.app.videos.Video;
import io.openvod.app.videos.VideoState;
import io.openvod.app.videos.VideoTransitions;
import io.openvod.app.videos.VodEvent;
import io.openvod.core.trace.Tracing;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one stored event into video states ({@link VideoTransitions}), in one transaction with its
 * mark as processed ({@link ReceivedEvents#finish}), as the step {@code process <EventType>} of the
 * event's trace ({@link EventTrace#ofStored}); each video whose state the event changed is logged
 * at INFO within that step.
 */
final class EventProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(EventProcessor.class);

    private final ReceivedEvents events;
    private final ReceiptMetrics metrics;
    private final Clock clock;
    private final Tracing tracing;
    private final VideoTransitions transitions = new VideoTransitions();
    private final EventParser parser = new EventParser();

    EventProcessor(ReceivedEvents events, ReceiptMetrics metrics, Clock clock, Tracing tracing) {
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
        this.tracing = tracing;
    }

    /** What processing did to one video. */
    private record Change(String fileId, Optional<VideoState> before, Optional<VideoState> after) {
    }

    /** Processes one event; false when another node had processed it (or was processing it) already. */
    boolean process(StoredEvent event, int maxAttempts) {
        try (EventStep step = EventStep.of(tracing, EventStep.name("process", event.eventType()), EventTrace.ofStored(event),
                event.fileIds())) {
            try {
                return apply(event);
            } catch (MalformedEventException | RuntimeException e) {
                step.failed(e.getClass().getSimpleName());
                metrics.handled(event, "unknown", "failed");
                LOG.warn("processing received event {} ({}) failed: {}", event.id(), event.eventType(), e.toString());
                events.failAttempt(event.id(), e.toString(), maxAttempts);
                return true;
            }
        }
    }

    private boolean apply(StoredEvent event) throws MalformedEventException {
        VodEvent vod = parser.parse(event.body().getBytes(StandardCharsets.UTF_8)).event();
        if (vod instanceof VodEvent.Other other) {
            boolean ignored = events.finish(event.id(), ReceivedEvents.Outcome.IGNORED,
                    "event type " + other.eventType() + " is not acted on", videos -> { });
            if (ignored) {
                metrics.handled(event, "Other", "ignored");
                LOG.info("received event {} of type {}, which the app does not act on; kept as IGNORED", event.id(),
                        other.eventType());
            }
            return ignored;
        }
        Instant now = clock.instant();
        List<Change> changes = new ArrayList<>();
        boolean processed = events.finish(event.id(), ReceivedEvents.Outcome.PROCESSED, "", videos -> {
            changes.clear(); // the database may have aborted an earlier attempt
            // in FileId order, so that processors of two nodes lock the videos of their events in the same order
            for (String fileId : new TreeSet<>(vod.fileIds())) {
                AtomicReference<Optional<VideoState>> before = new AtomicReference<>(Optional.empty());
                Optional<Video> after = videos.change(fileId, current -> {
                    before.set(current.map(Video::state)); // the last call's video is the one changed
                    return transitions.apply(current, fileId, vod, event.sequence(), now);
                });
                changes.add(new Change(fileId, before.get(), after.map(Video::state)));
            }
        });
        if (processed) {
            metrics.handled(event, event.eventType(), "processed");
            changes.forEach(c -> log(c, event.eventType()));
        }
        return processed;
    }

    private static void log(Change c, String eventType) {
        if (c.before().equals(c.after())) {
            LOG.debug("video {} stays {} ({})", c.fileId(), shown(c.after()), eventType);
        } else {
            LOG.info("video {}: {} → {} ({})", c.fileId(), shown(c.before()), shown(c.after()), eventType);
        }
    }

    private static String shown(Optional<VideoState> state) {
        return state.map(VideoState::wireName).orElse("none");
    }
}
