package io.openvod.app.videos;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.app.receipt.EventParser;
import io.openvod.app.receipt.SpecEvents;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VideoTransitionsTest {
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private final VideoTransitions transitions = new VideoTransitions();

    private record Delivery(VodEvent event, long sequence) {
    }

    private static VodEvent event(ObjectNode body) {
        try {
            return new EventParser().parse(SpecEvents.bytes(body)).event();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static ObjectNode processing() {
        ObjectNode body = SpecEvents.load("v3-procedure-change-processing.json");
        return body;
    }

    private static ObjectNode finishPass() {
        return SpecEvents.review("pass", 4.5);
    }

    private Optional<Video> run(List<Delivery> deliveries) {
        Optional<Video> video = Optional.empty();
        for (Delivery d : deliveries) {
            Optional<Video> next = transitions.apply(video, SpecEvents.FILE_ID, d.event(), d.sequence(), NOW);
            if (next.isPresent()) {
                video = next;
            }
        }
        return video;
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.size() <= 1) {
            return List.of(items);
        }
        List<List<T>> all = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T first = rest.remove(i);
            for (List<T> p : permutations(rest)) {
                List<T> withFirst = new ArrayList<>();
                withFirst.add(first);
                withFirst.addAll(p);
                all.add(withFirst);
            }
        }
        return all;
    }

    @Test
    void everyOrderAndRepetitionOfUploadProcessingAndFinishEndsPublished() {
        for (boolean withSequence : new boolean[] {true, false}) {
            List<Delivery> flow = List.of(new Delivery(event(SpecEvents.upload("alice", "req-1")), withSequence ? 1 : 0),
                    new Delivery(event(processing()), withSequence ? 2 : 0), new Delivery(event(finishPass()), withSequence ? 3 : 0));
            for (List<Delivery> order : permutations(flow)) {
                List<Delivery> twice = new ArrayList<>(order);
                twice.addAll(order.reversed());
                for (List<Delivery> deliveries : List.of(order, twice)) {
                    Video video = run(deliveries).orElseThrow();
                    assertThat(video.state()).as("sequence %s, order %s", withSequence, deliveries).isEqualTo(VideoState.PUBLISHED);
                    assertThat(video.userId()).contains("alice");
                    assertThat(video.requestId()).isEqualTo("req-1");
                    assertThat(video.review()).isEqualTo("pass");
                    assertThat(video.mediaUrl()).endsWith("MHoT2yOdJg4A.mp4");
                    assertThat(video.playbacks()).extracting(Playback::definition).containsExactly(100010L);
                }
            }
        }
    }

    @Test
    void anUploadWithoutATaskFlowIsPublishedAndOneWithAFlowIsProcessing() {
        ObjectNode noFlow = SpecEvents.upload("bob", "r");
        ((ObjectNode) noFlow.get("FileUploadEvent")).put("ProcedureTaskId", "");
        assertThat(run(List.of(new Delivery(event(noFlow), 0))).orElseThrow().state()).isEqualTo(VideoState.PUBLISHED);
        assertThat(run(List.of(new Delivery(event(SpecEvents.upload("bob", "r")), 0))).orElseThrow().state())
                .isEqualTo(VideoState.PROCESSING);
    }

    @Test
    void theReviewDecides() {
        Delivery upload = new Delivery(event(SpecEvents.upload("carol", "r")), 0);
        assertThat(run(List.of(upload, new Delivery(event(SpecEvents.review("block", 97)), 0))).orElseThrow().state())
                .isEqualTo(VideoState.BLOCKED);
        Video review = run(List.of(upload, new Delivery(event(SpecEvents.review("review", 71)), 0))).orElseThrow();
        assertThat(review.state()).isEqualTo(VideoState.PENDING_REVIEW);
        assertThat(review.reviewConfidence()).isEqualTo(71);
        ObjectNode failedTranscode = SpecEvents.load("v3-procedure-finish-transcode-cover.json");
        ((ObjectNode) failedTranscode.get("ProcedureStateChangeEvent").get("MediaProcessResultSet").get(0).get("TranscodeTask"))
                .put("Status", "FAIL").put("ErrCode", 30010);
        assertThat(run(List.of(upload, new Delivery(event(failedTranscode), 0))).orElseThrow().state()).isEqualTo(VideoState.FAILED);
    }

    @Test
    void aStaleEventFillsInTheUserButNeverTheState() {
        Video finished = run(List.of(new Delivery(event(SpecEvents.review("block", 95)), 3))).orElseThrow();
        assertThat(finished.userId()).isEmpty();
        Video late = run(List.of(new Delivery(event(SpecEvents.review("block", 95)), 3),
                new Delivery(event(SpecEvents.upload("dave", "r9")), 1))).orElseThrow();
        assertThat(late.state()).isEqualTo(VideoState.BLOCKED);
        assertThat(late.userId()).contains("dave");
        assertThat(late.lastSequence()).isEqualTo(3);
    }

    @Test
    void aModeratorsDecisionStandsUntilTheMediaIsDeleted() {
        Video pending = run(List.of(new Delivery(event(SpecEvents.upload("erin", "r")), 0),
                new Delivery(event(SpecEvents.review("review", 75)), 0))).orElseThrow();
        Video approved = transitions.moderate(pending, true, "mod-1", NOW);
        assertThat(approved.state()).isEqualTo(VideoState.PUBLISHED);
        assertThat(approved.moderation()).hasValueSatisfying(m -> assertThat(m.moderator()).isEqualTo("mod-1"));
        Video again = transitions.apply(Optional.of(approved), SpecEvents.FILE_ID, event(SpecEvents.review("block", 99)), 0, NOW)
                .orElseThrow();
        assertThat(again.state()).isEqualTo(VideoState.PUBLISHED);
        Video deleted = transitions.apply(Optional.of(again), SpecEvents.FILE_ID,
                new VodEvent.FilesDeleted(List.of(SpecEvents.FILE_ID)), 0, NOW).orElseThrow();
        assertThat(deleted.state()).isEqualTo(VideoState.DELETED);
        assertThat(transitions.apply(Optional.empty(), "1", new VodEvent.FilesDeleted(List.of("1")), 0, NOW)).isEmpty();
    }

    @Test
    void anAnnouncedReviewTaskIsAwaitedInEveryOrderAndItsVerdictDecides() {
        for (String suggestion : List.of("pass", "review", "block", "FAIL")) {
            ObjectNode verdict = suggestion.equals("FAIL") ? failedReviewTask() : SpecEvents.reviewTask(suggestion);
            VideoState expected = switch (suggestion) {
                case "pass" -> VideoState.PUBLISHED;
                case "block" -> VideoState.BLOCKED;
                default -> VideoState.PENDING_REVIEW;
            };
            for (boolean withSequence : new boolean[] {true, false}) {
                List<Delivery> flow = List.of(new Delivery(event(SpecEvents.reviewedUpload("gina", "r")), withSequence ? 1 : 0),
                        new Delivery(event(SpecEvents.tencent("v3-procedure-finish-transcode-cover.json")), withSequence ? 2 : 0),
                        new Delivery(event(verdict), withSequence ? 3 : 0));
                for (List<Delivery> order : permutations(flow)) {
                    List<Delivery> twice = new ArrayList<>(order);
                    twice.addAll(order.reversed());
                    for (List<Delivery> deliveries : List.of(order, twice)) {
                        for (int n = 1; n < 3; n++) {
                            assertThat(run(deliveries.subList(0, n)).orElseThrow().state())
                                    .as("%s after %d of %s", suggestion, n, deliveries).isNotEqualTo(VideoState.PUBLISHED);
                        }
                        Video video = run(deliveries).orElseThrow();
                        assertThat(video.state()).as("%s, sequence %s, order %s", suggestion, withSequence, deliveries)
                                .isEqualTo(expected);
                        assertThat(video.playbacks()).extracting(Playback::definition).containsExactly(100020L);
                        assertThat(video.userId()).contains("gina");
                    }
                }
            }
        }
    }

    private static ObjectNode failedReviewTask() {
        ObjectNode body = SpecEvents.reviewTask("pass");
        ((ObjectNode) body.get("ReviewAudioVideoCompleteEvent")).put("Status", "FAIL").put("ErrCode", 70000);
        return body;
    }

    @Test
    void aFlowWithOnlyAReviewTaskWaitsForTheVerdict() {
        ObjectNode reviewOnly = SpecEvents.reviewedUpload("hank", "r");
        ((ObjectNode) reviewOnly.get("FileUploadEvent")).put("ProcedureTaskId", "");
        Delivery upload = new Delivery(event(reviewOnly), 0);
        assertThat(run(List.of(upload)).orElseThrow().state()).isEqualTo(VideoState.PROCESSING);
        Video passed = run(List.of(upload, new Delivery(event(SpecEvents.reviewTask("pass")), 0))).orElseThrow();
        assertThat(passed.state()).isEqualTo(VideoState.PUBLISHED);
        assertThat(passed.reviewConfidence()).isEqualTo(99);
        assertThat(run(List.of(upload, new Delivery(event(failedReviewTask()), 0))).orElseThrow().state())
                .isEqualTo(VideoState.PENDING_REVIEW);
    }

    @Test
    void aLegacyReviewAndAReviewTaskBothCountTheWorseShows() {
        Delivery upload = new Delivery(event(SpecEvents.reviewedUpload("ivy", "r")), 0);
        Video video = run(List.of(upload, new Delivery(event(SpecEvents.review("review", 60)), 0),
                new Delivery(event(SpecEvents.reviewTask("pass")), 0))).orElseThrow();
        assertThat(video.state()).isEqualTo(VideoState.PENDING_REVIEW);
        assertThat(video.review()).isEqualTo("review");
        assertThat(video.reviewConfidence()).isEqualTo(60);
        Video blocked = run(List.of(upload, new Delivery(event(SpecEvents.reviewTask("block")), 0),
                new Delivery(event(SpecEvents.review("pass", 1)), 0))).orElseThrow();
        assertThat(blocked.state()).isEqualTo(VideoState.BLOCKED);
        assertThat(blocked.review()).isEqualTo("block");
        assertThat(blocked.reviewLabel()).isEqualTo("Porn");
    }

    @Test
    void aLateReviewTaskVerdictDoesNotMoveAModeratorsDecision() {
        Video pending = run(List.of(new Delivery(event(SpecEvents.reviewedUpload("jay", "r")), 0),
                new Delivery(event(SpecEvents.tencent("v3-procedure-finish-transcode-cover.json")), 0),
                new Delivery(event(SpecEvents.reviewTask("review")), 0))).orElseThrow();
        assertThat(pending.state()).isEqualTo(VideoState.PENDING_REVIEW);
        Video approved = transitions.moderate(pending, true, "mod-2", NOW);
        for (ObjectNode late : List.of(SpecEvents.reviewTask("block"), SpecEvents.reviewTask("review"), SpecEvents.review("block", 99),
                SpecEvents.reviewedUpload("jay", "r"))) {
            assertThat(transitions.apply(Optional.of(approved), SpecEvents.FILE_ID, event(late), 0, NOW).orElseThrow().state())
                    .isEqualTo(VideoState.PUBLISHED);
        }
    }

    @Test
    void aLaterFlowOnAPublishedVideoDoesNotMakeItWaitAgain() {
        Video published = run(List.of(new Delivery(event(SpecEvents.upload("kim", "r")), 0),
                new Delivery(event(finishPass()), 0))).orElseThrow();
        assertThat(published.state()).isEqualTo(VideoState.PUBLISHED);
        ObjectNode another = processing();
        ((ObjectNode) another.get("ProcedureStateChangeEvent")).put("TaskId", "1500012345-procedurev2-fffffffffffffffffffffffffffffffft0");
        assertThat(transitions.apply(Optional.of(published), SpecEvents.FILE_ID, event(another), 0, NOW).orElseThrow().state())
                .isEqualTo(VideoState.PUBLISHED);
        assertThat(transitions.apply(Optional.of(published), SpecEvents.FILE_ID, event(SpecEvents.reviewTask("pass")), 0, NOW)
                .orElseThrow().state()).isEqualTo(VideoState.PUBLISHED);
    }

    @Test
    void aFileThatIsNotMediaFailsAsNotPlayableInEveryOrderAndNeverWaitsForAModerator() {
        for (boolean withSequence : new boolean[] {true, false}) {
            // what OpenVOD's platform sends for a renamed text file: a size-only MetaData, then every task failing
            List<Delivery> flow = List.of(new Delivery(event(SpecEvents.notMediaUpload("ann", "req-9")), withSequence ? 1 : 0),
                    new Delivery(event(SpecEvents.failedFlow("FailedOperation.InvalidInput")), withSequence ? 2 : 0),
                    new Delivery(event(SpecEvents.failedReviewTask("FailedOperation.InvalidInput")), withSequence ? 3 : 0));
            for (List<Delivery> order : permutations(flow)) {
                Optional<Video> video = Optional.empty();
                List<VideoState> seen = new ArrayList<>();
                for (Delivery d : order) {
                    video = transitions.apply(video, SpecEvents.FILE_ID, d.event(), d.sequence(), NOW);
                    seen.add(video.orElseThrow().state());
                }
                Video last = video.orElseThrow();
                assertThat(last.state()).as("sequence %s, order %s", withSequence, order).isEqualTo(VideoState.FAILED);
                assertThat(last.failureReason()).contains(Video.NOT_PLAYABLE);
                assertThat(last.mediaError()).isEqualTo("MetaData: no audio or video stream");
                assertThat(last.userId()).contains("ann");
                assertThat(seen).as("never in the moderators' queue, order %s", order).doesNotContain(VideoState.PENDING_REVIEW);
                assertThat(transitions.approvable(last)).isFalse();
            }
        }
    }

    @Test
    void tencentsSourceFileErrorsAlsoSayTheFileIsNotMedia() {
        Video video = run(List.of(new Delivery(event(SpecEvents.reviewedUpload("bo", "r")), 0),
                new Delivery(event(SpecEvents.failedFlow("SourceFileError.ContentMalformed")), 0),
                new Delivery(event(SpecEvents.failedReviewTask("SourceFileError")), 0))).orElseThrow();
        assertThat(video.state()).isEqualTo(VideoState.FAILED);
        assertThat(video.failureReason()).contains(Video.NOT_PLAYABLE);
        assertThat(video.mediaError()).isEqualTo("Transcode: SourceFileError.ContentMalformed");
    }

    @Test
    void failedTasksOfAFileNotKnownToBeBadAreNotCalledUnplayable() {
        // nothing says the file is not media: the flow failed, and a review that could not run needs a person
        Video unreviewed = run(List.of(new Delivery(event(SpecEvents.reviewedUpload("cy", "r")), 0),
                new Delivery(event(SpecEvents.failedFlow("FailedOperation.InvalidInput")), 0),
                new Delivery(event(SpecEvents.failedReviewTask("FailedOperation.ReviewUnavailable")), 0))).orElseThrow();
        assertThat(unreviewed.state()).isEqualTo(VideoState.PENDING_REVIEW);
        assertThat(unreviewed.unplayable()).isFalse();
        Video failed = run(List.of(new Delivery(event(SpecEvents.upload("cy", "r")), 0),
                new Delivery(event(SpecEvents.failedFlow("InternalError")), 0))).orElseThrow();
        assertThat(failed.state()).isEqualTo(VideoState.FAILED);
        assertThat(failed.failureReason()).contains(Video.PROCESSING_FAILED);
        assertThat(transitions.approvable(failed)).as("a failed video is not approved either").isFalse();
    }

    @Test
    void anApprovalNeverPublishesAFileThatIsNotMedia() {
        Video pending = run(List.of(new Delivery(event(SpecEvents.reviewedUpload("di", "r")), 0),
                new Delivery(event(SpecEvents.tencent("v3-procedure-finish-transcode-cover.json")), 0),
                new Delivery(event(SpecEvents.reviewTask("review")), 0))).orElseThrow();
        Video approved = transitions.moderate(pending, true, "mod", NOW);
        assertThat(approved.state()).isEqualTo(VideoState.PUBLISHED);
        Video reported = transitions.apply(Optional.of(approved), SpecEvents.FILE_ID,
                event(SpecEvents.failedReviewTask("SourceFileError")), 0, NOW).orElseThrow();
        assertThat(reported.state()).as("a later report that the file is not media").isEqualTo(VideoState.FAILED);
        assertThat(reported.moderation()).isPresent();

        Video notMedia = run(List.of(new Delivery(event(SpecEvents.notMediaUpload("di", "r")), 0))).orElseThrow();
        assertThat(transitions.moderate(notMedia, true, "mod", NOW).state()).isEqualTo(VideoState.FAILED);
        assertThat(transitions.moderate(notMedia, false, "mod", NOW).state()).as("blocking stays possible").isEqualTo(VideoState.BLOCKED);
    }
}
