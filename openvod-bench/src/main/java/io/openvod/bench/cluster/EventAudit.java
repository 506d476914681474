package io.openvod.bench.cluster;

import io.openvod.bench.load.LatencyHistogram;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the event sink received, checked against what the clients committed: every committed FileId
 * must have had its {@code NewFileUpload} event exactly once. Times are {@link System#nanoTime()}
 * values of one JVM.
 *
 * @param committed      FileIds whose CommitUploadUGC answered (warm-up and measured)
 * @param notified       committed FileIds whose NewFileUpload arrived
 * @param missing        committed FileIds whose NewFileUpload never arrived
 * @param duplicates     arrivals of a NewFileUpload event id that had arrived before (a redelivery)
 * @param conflicting    FileIds with NewFileUpload events under more than one event id (two commits of one upload)
 * @param unexpected     NewFileUpload events of a FileId no client saw committed (e.g. a commit whose answer was lost)
 * @param otherEvents    events of other types
 * @param eventsInWindow NewFileUpload events that arrived within the measured period
 * @param early          events that arrived before their commit's answer reached the client (their delay counts as 0)
 * @param delays         commit answer → first arrival, for the FileIds committed within the measured period
 */
record EventAudit(int committed, int notified, int missing, int duplicates, int conflicting, int unexpected, int otherEvents,
                  int eventsInWindow, int early, LatencyHistogram delays) {

    static final String NEW_FILE_UPLOAD = "NewFileUpload";

    /** Checks {@code arrivals} against {@code commits} (FileId → when its commit answered); the measured period is {@code [start, end)}. */
    static EventAudit of(Map<String, Long> commits, List<EventSink.Arrival> arrivals, long start, long end) {
        Map<String, Long> firstArrival = new HashMap<>();
        Map<String, Set<String>> eventIds = new HashMap<>();
        Set<String> seenEvents = new HashSet<>();
        int duplicates = 0;
        int unexpected = 0;
        int other = 0;
        int inWindow = 0;
        for (EventSink.Arrival a : arrivals) {
            if (!a.eventType().equals(NEW_FILE_UPLOAD)) {
                other++;
                continue;
            }
            if (!seenEvents.add(a.eventId())) {
                duplicates++;
            }
            if (a.nanos() - start >= 0 && a.nanos() - end < 0) {
                inWindow++;
            }
            if (!commits.containsKey(a.fileId())) {
                unexpected++;
            }
            eventIds.computeIfAbsent(a.fileId(), id -> new HashSet<>()).add(a.eventId());
            firstArrival.merge(a.fileId(), a.nanos(), (x, y) -> x - y <= 0 ? x : y);
        }
        int notified = 0;
        int early = 0;
        LatencyHistogram delays = new LatencyHistogram();
        for (Map.Entry<String, Long> c : commits.entrySet()) {
            Long arrived = firstArrival.get(c.getKey());
            if (arrived == null) {
                continue;
            }
            notified++;
            long committedAt = c.getValue();
            if (committedAt - start >= 0 && committedAt - end < 0) {
                long delay = arrived - committedAt;
                if (delay < 0) {
                    early++;
                }
                delays.record(delay);
            }
        }
        int conflicting = (int) eventIds.values().stream().filter(ids -> ids.size() > 1).count();
        return new EventAudit(commits.size(), notified, commits.size() - notified, duplicates, conflicting, unexpected, other,
                inWindow, early, delays);
    }

    /** Whether every committed upload was notified exactly once and nothing else arrived. */
    boolean exactlyOnce() {
        return missing == 0 && duplicates == 0 && conflicting == 0 && unexpected == 0;
    }
}
