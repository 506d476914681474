package io.openvod.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The event audit: exactly once per committed FileId, and the delays of the uploads committed within the measured period. */
class EventAuditTest {
    private static final long MS = 1_000_000L;
    private static final long START = 1_000 * MS;
    private static final long END = 2_000 * MS;

    private static EventSink.Arrival upload(String eventId, String fileId, long at) {
        return new EventSink.Arrival(eventId, "NewFileUpload", fileId, at);
    }

    @Test
    void everyCommitNotifiedOnceIsExactlyOnce() {
        Map<String, Long> commits = Map.of("f1", 1_100 * MS, "f2", 1_200 * MS, "f3", 1_300 * MS);
        EventAudit a = EventAudit.of(commits, List.of(upload("e1", "f1", 1_110 * MS), upload("e2", "f2", 1_230 * MS),
                upload("e3", "f3", 1_340 * MS)), START, END);
        assertThat(a.committed()).isEqualTo(3);
        assertThat(a.notified()).isEqualTo(3);
        assertThat(a.missing()).isZero();
        assertThat(a.duplicates()).isZero();
        assertThat(a.exactlyOnce()).isTrue();
        assertThat(a.eventsInWindow()).isEqualTo(3);
        assertThat(a.delays().count()).isEqualTo(3);
        assertThat(a.delays().percentile(50) / (double) MS).isCloseTo(30, org.assertj.core.data.Offset.offset(0.5));
        assertThat(a.delays().max() / MS).isEqualTo(40);
    }

    @Test
    void countsMissingDuplicateConflictingAndUnexpectedEvents() {
        Map<String, Long> commits = Map.of("f1", 1_100 * MS, "f2", 1_200 * MS, "f3", 1_300 * MS, "f4", 1_400 * MS);
        EventAudit a = EventAudit.of(commits, List.of(
                upload("e1", "f1", 1_150 * MS),
                upload("e1", "f1", 1_900 * MS),       // the same event again: a redelivery
                upload("e2", "f2", 1_250 * MS),
                upload("e2b", "f2", 1_260 * MS),      // a second event for one upload
                upload("e9", "f9", 1_500 * MS),       // nobody committed f9
                new EventSink.Arrival("e7", "ProcedureStateChanged", "", 1_500 * MS)), START, END);
        assertThat(a.committed()).isEqualTo(4);
        assertThat(a.notified()).isEqualTo(2);
        assertThat(a.missing()).isEqualTo(2);
        assertThat(a.duplicates()).isEqualTo(1);
        assertThat(a.conflicting()).isEqualTo(1);
        assertThat(a.unexpected()).isEqualTo(1);
        assertThat(a.otherEvents()).isEqualTo(1);
        assertThat(a.eventsInWindow()).isEqualTo(5);
        assertThat(a.exactlyOnce()).isFalse();
        assertThat(a.delays().count()).as("one delay per notified upload, from its first event").isEqualTo(2);
        assertThat(a.delays().max() / MS).isEqualTo(50);
    }

    @Test
    void onlyUploadsCommittedInTheMeasuredPeriodHaveADelayAndEarlyEventsCountAsZero() {
        Map<String, Long> commits = Map.of("warm", 900 * MS, "in", 1_500 * MS, "late", 2_100 * MS, "early", 1_600 * MS);
        EventAudit a = EventAudit.of(commits, List.of(upload("e1", "warm", 1_050 * MS), upload("e2", "in", 1_700 * MS),
                upload("e3", "late", 2_200 * MS), upload("e4", "early", 1_590 * MS)), START, END);
        assertThat(a.notified()).isEqualTo(4);
        assertThat(a.eventsInWindow()).as("arrivals from START (inclusive) to END (exclusive)").isEqualTo(3);
        assertThat(a.delays().count()).isEqualTo(2);
        assertThat(a.early()).isEqualTo(1);
        assertThat(a.delays().percentile(1)).isZero();
        assertThat(a.delays().max() / MS).isEqualTo(200);
    }

    @Test
    void nothingCommittedAndNothingArrivedIsExactlyOnce() {
        EventAudit a = EventAudit.of(Map.of(), List.of(), START, END);
        assertThat(a.exactlyOnce()).isTrue();
        assertThat(a.delays().count()).isZero();
        assertThat(a.delays().percentile(99)).isZero();
    }
}
