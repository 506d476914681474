package io.openvod.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvod.app.receipt.ForwardStatus;
import io.openvod.app.receipt.ParsedEvent;
import io.openvod.app.receipt.PendingForward;
import io.openvod.app.receipt.ReceivedEvents;
import io.openvod.app.receipt.StoredEvent;
import io.openvod.app.videos.Video;
import io.openvod.app.videos.Videos;
import io.openvod.app.videos.VodEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link ReceivedEvents} must do, on one node and on two app nodes sharing the database
 * (each with its own connection pool): a content is stored once, an event is applied once.
 */
public interface ReceivedEventsContract {
    String FILE_ID = "5285890813342811041";
    String TRACE_ID = "019a2b3c4d5e7f608a9b0c1d2e3f4a5b";

    /** The inbox of the first node, over an empty database. */
    ReceivedEvents events();

    /** The second node's inbox: its own pool on the same database. */
    ReceivedEvents otherNode();

    /** The first node's videos. */
    Videos videos();

    @Test
    default void aContentIsStoredOnceAndItsIdAnsweredAgain() {
        ReceivedEvents.Stored first = store(events(), "key-1", "push");
        ReceivedEvents.Stored again = store(otherNode(), "key-1", "pull");

        assertThat(first.isNew()).isTrue();
        assertThat(again).isEqualTo(new ReceivedEvents.Stored(first.id(), false));
        StoredEvent stored = events().find(first.id()).orElseThrow();
        assertThat(stored.source()).isEqualTo("push");
        assertThat(stored.state()).isEqualTo("RECEIVED");
        assertThat(stored.fileIds()).containsExactly(FILE_ID);
        assertThat(stored.eventType()).isEqualTo("NewFileUpload");
        assertThat(stored.eventId()).contains("evt-key-1");
        assertThat(stored.sequence()).isEqualTo(7);
        assertThat(stored.body()).isEqualTo("{\"body\":\"key-1\"}");
        assertThat(events().received(10)).extracting(StoredEvent::id).containsExactly(first.id());
    }

    @Test
    default void anEventKeepsItsTraceThroughEveryReadingAndARepeatKeepsTheFirst() {
        String traced = events().store("push", parsed("traced"), "{}", Optional.empty(), 0, true, Optional.of(TRACE_ID)).id();
        ReceivedEvents.Stored again = otherNode().store("pull", parsed("traced"), "{}", Optional.empty(), 0, true,
                Optional.of("0".repeat(31) + "1"));
        String plain = store(events(), "untraced", "push").id();

        assertThat(again).isEqualTo(new ReceivedEvents.Stored(traced, false));
        assertThat(otherNode().find(traced).orElseThrow().traceId()).contains(TRACE_ID);
        assertThat(events().find(plain).orElseThrow().traceId()).isEmpty();
        assertThat(events().received(10)).extracting(StoredEvent::id, StoredEvent::traceId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(traced, Optional.of(TRACE_ID)),
                        org.assertj.core.groups.Tuple.tuple(plain, Optional.empty()));
        assertThat(otherNode().recent(10)).extracting(StoredEvent::traceId).containsExactly(Optional.empty(), Optional.of(TRACE_ID));
        events().finish(traced, ReceivedEvents.Outcome.PROCESSED, "", videos -> { });
        assertThat(otherNode().dueForwards(10)).extracting(p -> p.event().traceId()).containsExactly(Optional.of(TRACE_ID));
    }

    @Test
    default void theInboxCountsTheEventsWaitingAndKnowsTheOldest() {
        assertThat(events().inbox()).isEqualTo(new ReceivedEvents.Inbox(0, Optional.empty()));
        String first = store(events(), "inbox-1", "push").id();
        String second = store(otherNode(), "inbox-2", "pull").id();
        Instant oldest = events().find(first).orElseThrow().receivedAt();

        assertThat(otherNode().inbox()).isEqualTo(new ReceivedEvents.Inbox(2, Optional.of(oldest)));
        assertThat(events().finish(first, ReceivedEvents.Outcome.PROCESSED, "", ReceivedEventsContract::countOnce)).isTrue();
        assertThat(events().inbox()).isEqualTo(new ReceivedEvents.Inbox(1, Optional.of(events().find(second).orElseThrow().receivedAt())));
    }

    @Test
    @Timeout(120)
    default void aBodyDeliveredToTwoNodesAtOnceIsStoredOnce() throws Exception {
        int rounds = 20;
        for (int round = 0; round < rounds; round++) {
            String key = "race-" + round;
            List<Callable<ReceivedEvents.Stored>> deliveries = new ArrayList<>();
            for (ReceivedEvents node : List.of(events(), otherNode(), events(), otherNode())) {
                deliveries.add(() -> store(node, key, "push"));
            }
            List<Race.Outcome<ReceivedEvents.Stored>> outcomes = Race.run(deliveries);

            assertThat(outcomes).as("round %d", round).noneMatch(Race.Outcome::failed);
            assertThat(outcomes).filteredOn(o -> o.value().isNew()).hasSize(1);
            assertThat(outcomes).extracting(o -> o.value().id()).containsOnly(outcomes.getFirst().value().id());
        }
        assertThat(otherNode().recent(100)).hasSize(rounds);
    }

    @Test
    @Timeout(120)
    default void anEventReadByTwoNodesAtOnceIsAppliedOnce() throws Exception {
        int rounds = 20;
        for (int round = 0; round < rounds; round++) {
            String id = store(events(), "applied-" + round, "push").id();
            List<Callable<Boolean>> processors = new ArrayList<>();
            for (ReceivedEvents node : List.of(events(), otherNode(), events(), otherNode())) {
                processors.add(() -> node.finish(id, ReceivedEvents.Outcome.PROCESSED, "", ReceivedEventsContract::countOnce));
            }
            List<Race.Outcome<Boolean>> outcomes = Race.run(processors);

            assertThat(outcomes).as("round %d", round).noneMatch(Race.Outcome::failed);
            assertThat(outcomes).filteredOn(Race.Outcome::value).hasSize(1);
            StoredEvent done = otherNode().find(id).orElseThrow();
            assertThat(done.state()).isEqualTo("PROCESSED");
            assertThat(done.attempts()).isEqualTo(1);
        }
        assertThat(videos().find(FILE_ID).orElseThrow().lastSequence()).as("each event applied once").isEqualTo(rounds);
        assertThat(events().received(100)).isEmpty();
    }

    @Test
    default void anEventNoLongerReceivedIsNotAppliedAgain() {
        String id = store(events(), "twice", "push").id();

        assertThat(events().finish(id, ReceivedEvents.Outcome.PROCESSED, "", ReceivedEventsContract::countOnce)).isTrue();
        assertThat(otherNode().finish(id, ReceivedEvents.Outcome.PROCESSED, "", ReceivedEventsContract::countOnce)).isFalse();
        assertThat(events().finish("no-such-event", ReceivedEvents.Outcome.PROCESSED, "", ReceivedEventsContract::countOnce)).isFalse();
        assertThat(videos().find(FILE_ID).orElseThrow().lastSequence()).isEqualTo(1);
    }

    @Test
    default void changesThatFailLeaveTheEventReceivedAndTheVideosAsTheyWere() {
        String id = store(events(), "failing", "push").id();

        assertThatThrownBy(() -> events().finish(id, ReceivedEvents.Outcome.PROCESSED, "", videos -> {
            countOnce(videos);
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThat(videos().find(FILE_ID)).isEmpty();
        assertThat(events().find(id).orElseThrow().state()).isEqualTo("RECEIVED");
        assertThat(events().finish(id, ReceivedEvents.Outcome.PROCESSED, "", ReceivedEventsContract::countOnce)).isTrue();
    }

    @Test
    default void ignoredEventsAreDoneWithTheirNote() {
        String id = store(events(), "ignored", "pull").id();

        assertThat(events().finish(id, ReceivedEvents.Outcome.IGNORED, "event type X is not acted on", videos -> { })).isTrue();
        StoredEvent stored = events().find(id).orElseThrow();
        assertThat(stored.state()).isEqualTo("IGNORED");
        assertThat(stored.note()).isEqualTo("event type X is not acted on");
        assertThat(events().received(10)).isEmpty();
    }

    @Test
    default void failedAttemptsEndInFailedAfterTheLast() {
        String id = store(events(), "failing-attempts", "push").id();
        events().failAttempt(id, "first", 3);
        otherNode().failAttempt(id, "second", 3);
        assertThat(events().find(id).orElseThrow()).extracting(StoredEvent::state, StoredEvent::attempts, StoredEvent::note)
                .containsExactly("RECEIVED", 2, "second");

        events().failAttempt(id, "third", 3);
        assertThat(events().find(id).orElseThrow()).extracting(StoredEvent::state, StoredEvent::attempts)
                .containsExactly("FAILED", 3);
        assertThat(events().received(10)).isEmpty();
        assertThat(events().finish(id, ReceivedEvents.Outcome.PROCESSED, "", ReceivedEventsContract::countOnce)).isFalse();
    }

    @Test
    default void receivedIsOldestFirstAndRecentNewestFirst() throws Exception {
        String a = store(events(), "order-a", "push").id();
        Thread.sleep(2);
        String b = store(otherNode(), "order-b", "push").id();
        Thread.sleep(2);
        String c = store(events(), "order-c", "push").id();

        assertThat(events().received(10)).extracting(StoredEvent::id).containsExactly(a, b, c);
        assertThat(events().received(2)).extracting(StoredEvent::id).containsExactly(a, b);
        assertThat(otherNode().recent(10)).extracting(StoredEvent::id).containsExactly(c, b, a);
    }

    @Test
    default void onlyProcessedEventsToForwardAreDueAndOneNodeClaimsEach() throws Exception {
        String pending = storeForwarded("forward-1");
        String notForwarded = store(events(), "forward-none", "push").id();
        assertThat(events().dueForwards(10)).as("not processed yet").isEmpty();
        events().finish(pending, ReceivedEvents.Outcome.PROCESSED, "", videos -> { });
        events().finish(notForwarded, ReceivedEvents.Outcome.PROCESSED, "", videos -> { });
        assertThat(events().dueForwards(10)).extracting(p -> p.event().id()).containsExactly(pending);
        assertThat(events().forwardStatus(notForwarded)).contains(new ForwardStatus("NONE", 0, Optional.empty()));

        Instant now = Instant.now();
        Instant until = now.plusSeconds(60);
        List<Race.Outcome<Boolean>> claims = Race.run(List.of(() -> events().claimForward(pending, now, until),
                () -> otherNode().claimForward(pending, now, until), () -> otherNode().claimForward(pending, now, until)));

        assertThat(claims).noneMatch(Race.Outcome::failed);
        assertThat(claims).filteredOn(Race.Outcome::value).hasSize(1);
        assertThat(otherNode().dueForwards(10)).as("claimed").isEmpty();
        assertThat(events().claimForward(notForwarded, now, until)).isFalse();
        assertThat(events().claimForward(pending, until.plusMillis(1), until.plusSeconds(60))).as("after the claim ran out").isTrue();
    }

    @Test
    default void forwardingEndsSentOrDeadAfterTheLastAttempt() {
        String sent = storeForwarded("forward-sent");
        String dead = storeForwarded("forward-dead");
        events().finish(sent, ReceivedEvents.Outcome.PROCESSED, "", videos -> { });
        events().finish(dead, ReceivedEvents.Outcome.IGNORED, "", videos -> { });
        Instant retryAt = Instant.parse("2000-01-01T00:00:01Z");

        assertThat(events().forwardFailed(sent, 2, retryAt)).isFalse();
        assertThat(events().forwardStatus(sent)).contains(new ForwardStatus("PENDING", 1, Optional.of(retryAt)));
        List<PendingForward> due = otherNode().dueForwards(10);
        assertThat(due).extracting(p -> p.event().id(), PendingForward::attempts)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(sent, 1), org.assertj.core.groups.Tuple.tuple(dead, 0));
        otherNode().forwardSent(sent);
        assertThat(events().forwardStatus(sent)).contains(new ForwardStatus("SENT", 2, Optional.empty()));

        assertThat(events().forwardFailed(dead, 2, retryAt)).isFalse();
        assertThat(otherNode().forwardFailed(dead, 2, retryAt)).isTrue();
        assertThat(events().forwardStatus(dead)).contains(new ForwardStatus("DEAD", 2, Optional.empty()));
        assertThat(events().dueForwards(10)).isEmpty();
        assertThat(events().forwardStatus("no-such-event")).isEmpty();
    }

    /** Stores an upload event of {@link #FILE_ID} whose content key is {@code key}. */
    private static ReceivedEvents.Stored store(ReceivedEvents node, String key, String source) {
        return node.store(source, parsed(key), "{\"body\":\"" + key + "\"}", Optional.of("evt-" + key), 7, false, Optional.empty());
    }

    private String storeForwarded(String key) {
        return events().store("push", parsed(key), "{}", Optional.empty(), 0, true, Optional.empty()).id();
    }

    private static ParsedEvent parsed(String key) {
        return new ParsedEvent("v3", new VodEvent.FileUploaded(FILE_ID, "clip", "", "", "", "", ""), key, OptionalLong.empty());
    }

    /** An event's change that can be counted: the video's {@code lastSequence} goes up by one. */
    private static void countOnce(Videos videos) {
        videos.change(FILE_ID, v -> {
            Video current = v.orElse(Video.unknown(FILE_ID, Instant.EPOCH));
            return Optional.of(new Video(current.fileId(), current.userId(), current.requestId(), current.name(), current.state(),
                    current.mediaUrl(), current.coverUrl(), current.procedureTaskId(), current.playbacks(), current.review(),
                    current.reviewConfidence(), current.reviewLabel(), current.moderation(), current.lastSequence() + 1,
                    current.createdAt(), current.updatedAt(), current.awaited()));
        });
    }
}
