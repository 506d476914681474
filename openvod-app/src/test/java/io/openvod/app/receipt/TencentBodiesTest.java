package io.openvod.app.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.app.videos.Playback;
import io.openvod.app.videos.Review;
import io.openvod.app.videos.VodEvent;
import io.openvod.app.videos.Video;
import io.openvod.app.videos.VideoState;
import io.openvod.app.videos.VideoTransitions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each of Tencent's documented bodies (test resources {@code tencent/}, see the README there): what it means, and the state it leads to. */
class TencentBodiesTest {
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final String FILE_ID = SpecEvents.FILE_ID;
    private final EventParser parser = new EventParser();
    private final VideoTransitions transitions = new VideoTransitions();

    private ParsedEvent parse(ObjectNode body) throws MalformedEventException {
        return parser.parse(SpecEvents.bytes(body));
    }

    private VodEvent event(String name) throws MalformedEventException {
        return parse(SpecEvents.tencent(name)).event();
    }

    private Optional<Video> after(Optional<Video> video, VodEvent event) {
        return transitions.apply(video, event.fileIds().getFirst(), event, 0, NOW);
    }

    private static ObjectNode pulledUpload() {
        return (ObjectNode) SpecEvents.tencent("v3-new-file-upload-pull-response.json").path("Response").path("EventSet").get(0);
    }

    @Test
    void theUploadsAnnounceTheirFlowAndReviewTask() throws Exception {
        var push = (VodEvent.FileUploaded) event("v3-new-file-upload-push.json");
        assertThat(push.fileId()).isEqualTo(FILE_ID);
        assertThat(push.name()).isEqualTo("lesson-07-intro");
        assertThat(push.sourceContext()).isEqualTo("uid=42&course=7");
        assertThat(push.procedureTaskId()).isEqualTo(SpecEvents.TASK_ID);
        assertThat(push.reviewTaskId()).isEqualTo("1500012345-ReviewAudioVideo-0a1b2c3d4e5f60718293a4b5c6d7e8f9t0");
        assertThat(after(Optional.empty(), push).orElseThrow().state()).isEqualTo(VideoState.PROCESSING);

        var pulled = (VodEvent.FileUploaded) parse(pulledUpload()).event();
        assertThat(pulled.reviewTaskId()).isEmpty();
        assertThat(pulled.procedureTaskId()).isEqualTo(SpecEvents.TASK_ID);
        assertThat(parse(pulledUpload()).contentKey()).as("a pulled and a pushed upload differ by the review task only")
                .isNotEqualTo(parse(SpecEvents.tencent("v3-new-file-upload-push.json")).contentKey());

        ParsedEvent v2 = parse(SpecEvents.tencent("v2-new-file-upload.json"));
        assertThat(v2.format()).isEqualTo("v2");
        var legacy = (VodEvent.FileUploaded) v2.event();
        assertThat(legacy.fileId()).isEqualTo(FILE_ID);
        assertThat(legacy.procedureTaskId()).startsWith("1500012345-procedurev2-");
        assertThat(legacy.reviewTaskId()).isEmpty();
        assertThat(after(Optional.empty(), legacy).orElseThrow().state()).isEqualTo(VideoState.PROCESSING);
    }

    @Test
    void theFinishedFlowRecordsTheTranscodeTemplateOfItsInputAndTheCover() throws Exception {
        var finish = (VodEvent.ProcedureChanged) event("v3-procedure-finish-transcode-cover.json");
        assertThat(finish.finished()).isTrue();
        assertThat(finish.playbacks()).extracting(Playback::definition).containsExactly(100020L);
        assertThat(finish.playbacks().getFirst().width()).isEqualTo(720);
        assertThat(finish.coverUrl()).hasValueSatisfying(u -> assertThat(u).endsWith("coverBySnapshot_10_0.jpg"));
        assertThat(finish.review().verdict()).isEqualTo(Review.Verdict.NONE);
        Video uploaded = after(Optional.empty(), event("v3-new-file-upload-push.json")).orElseThrow();
        assertThat(after(Optional.of(uploaded), finish).orElseThrow().state()).as("the review task's verdict is awaited")
                .isEqualTo(VideoState.PROCESSING);
        Video plain = after(Optional.empty(), parse(pulledUpload()).event()).orElseThrow();
        assertThat(after(Optional.of(plain), finish).orElseThrow().state()).isEqualTo(VideoState.PUBLISHED);
    }

    @Test
    void aTranscodeWhoseOutputHasNoDefinitionTakesItsInputs() throws Exception {
        ObjectNode body = SpecEvents.tencent("v3-procedure-finish-transcode-cover.json");
        ObjectNode task = (ObjectNode) body.get("ProcedureStateChangeEvent").get("MediaProcessResultSet").get(0).get("TranscodeTask");
        ((ObjectNode) task.get("Output")).put("Definition", 0);
        assertThat(((VodEvent.ProcedureChanged) parse(body).event()).playbacks()).extracting(Playback::definition)
                .containsExactly(100020L);
        ((ObjectNode) task.get("Output")).remove("Definition");
        assertThat(((VodEvent.ProcedureChanged) parse(body).event()).playbacks()).extracting(Playback::definition)
                .containsExactly(100020L);
        task.remove("Input");
        ((ObjectNode) task.get("Output")).put("Definition", 100030);
        assertThat(((VodEvent.ProcedureChanged) parse(body).event()).playbacks()).as("without an input, the output's")
                .extracting(Playback::definition).containsExactly(100030L);
    }

    @Test
    void theChangeModeEventKeepsTheVideoProcessing() throws Exception {
        var change = (VodEvent.ProcedureChanged) event("v3-procedure-change-processing.json");
        assertThat(change.finished()).isFalse();
        assertThat(change.playbacks()).extracting(Playback::definition).containsExactly(100010L);
        Video uploaded = after(Optional.empty(), parse(pulledUpload()).event()).orElseThrow();
        Video processing = after(Optional.of(uploaded), change).orElseThrow();
        assertThat(processing.state()).isEqualTo(VideoState.PROCESSING);
        assertThat(processing.playbacks()).hasSize(1);
    }

    @Test
    void theLegacyReviewInsideTheFlowAsksForAHuman() throws Exception {
        var review = (VodEvent.ProcedureChanged) event("v3-procedure-legacy-review.json");
        assertThat(review.fileId()).isEqualTo("5285890807869927353");
        assertThat(review.review()).isEqualTo(new Review(Review.Verdict.REVIEW, 90, "sexy"));
        ObjectNode upload = pulledUpload();
        ((ObjectNode) upload.get("FileUploadEvent")).put("FileId", "5285890807869927353")
                .put("ProcedureTaskId", review.taskId());
        Video uploaded = after(Optional.empty(), parse(upload).event()).orElseThrow();
        assertThat(after(Optional.of(uploaded), review).orElseThrow().state()).isEqualTo(VideoState.PENDING_REVIEW);
    }

    @Test
    void theV2FlowRecordsItsTranscodeCoverImageAndReview() throws Exception {
        var finish = (VodEvent.ProcedureChanged) event("v2-procedure-finish.json");
        assertThat(finish.finished()).isTrue();
        assertThat(finish.playbacks()).extracting(Playback::definition).as("input.definition").containsExactly(100020L);
        assertThat(finish.coverUrl()).as("output.imageUrl").hasValueSatisfying(u -> assertThat(u).endsWith("coverBySnapshot_10_0.jpg"));
        assertThat(finish.review().verdict()).isEqualTo(Review.Verdict.PASS);
        Video uploaded = after(Optional.empty(), event("v2-new-file-upload.json")).orElseThrow();
        Video published = after(Optional.of(uploaded), finish).orElseThrow();
        assertThat(published.state()).isEqualTo(VideoState.PUBLISHED);
        assertThat(published.coverUrl()).endsWith("coverBySnapshot_10_0.jpg");
    }

    @Test
    void theReviewTaskVerdictCarriesSuggestionTopConfidenceAndLabel() throws Exception {
        ParsedEvent parsed = parse(SpecEvents.tencent("v3-review-audio-video-complete.json"));
        assertThat(parsed.event().eventType()).isEqualTo("ReviewAudioVideoComplete");
        var verdict = (VodEvent.ReviewCompleted) parsed.event();
        assertThat(verdict.fileId()).isEqualTo(FILE_ID);
        assertThat(verdict.taskId()).isEqualTo("1500012345-ReviewAudioVideo-0a1b2c3d4e5f60718293a4b5c6d7e8f9t");
        assertThat(verdict.review()).isEqualTo(new Review(Review.Verdict.BLOCK, 99, "Porn"));
        assertThat(verdict.sessionContext()).isEqualTo("uid=42&course=7");
        Video uploaded = after(Optional.empty(), event("v3-new-file-upload-push.json")).orElseThrow();
        Video finished = after(Optional.of(uploaded), event("v3-procedure-finish-transcode-cover.json")).orElseThrow();
        assertThat(after(Optional.of(finished), verdict).orElseThrow().state()).isEqualTo(VideoState.BLOCKED);
        assertThat(after(Optional.of(finished), parse(SpecEvents.reviewTask("pass")).event()).orElseThrow().state())
                .isEqualTo(VideoState.PUBLISHED);
        assertThat(after(Optional.of(finished), parse(SpecEvents.reviewTask("review")).event()).orElseThrow().state())
                .isEqualTo(VideoState.PENDING_REVIEW);
    }

    @Test
    void aFailedReviewTaskIsAFailedVerdictNeverAPass() throws Exception {
        for (String field : List.of("Status", "ErrCode", "ErrCodeExt")) {
            ObjectNode body = SpecEvents.reviewTask("pass");
            ObjectNode event = (ObjectNode) body.get("ReviewAudioVideoCompleteEvent");
            switch (field) {
                case "Status" -> event.put("Status", "FAIL");
                case "ErrCode" -> event.put("ErrCode", 70000);
                default -> event.put("ErrCodeExt", "InternalError");
            }
            assertThat(((VodEvent.ReviewCompleted) parse(body).event()).review().verdict()).as(field)
                    .isEqualTo(Review.Verdict.FAILED);
        }
        ObjectNode processing = SpecEvents.reviewTask("pass");
        ((ObjectNode) processing.get("ReviewAudioVideoCompleteEvent")).put("Status", "PROCESSING");
        assertThat(((VodEvent.ReviewCompleted) parse(processing).event()).review().verdict()).isEqualTo(Review.Verdict.NONE);
        ObjectNode noFile = SpecEvents.reviewTask("pass");
        ((ObjectNode) noFile.get("ReviewAudioVideoCompleteEvent")).remove("Input");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse(noFile)).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void aDeletionOfTranscodesOnlyRemovesThoseRenditionsAndKeepsTheVideo() throws Exception {
        Video published = after(after(Optional.empty(), parse(pulledUpload()).event()),
                event("v3-procedure-finish-transcode-cover.json")).orElseThrow();
        assertThat(published.state()).isEqualTo(VideoState.PUBLISHED);
        ObjectNode transcodes = SpecEvents.tencent("v3-file-deleted.json");
        String body = transcodes.toString().replace("24961954183381008", FILE_ID);
        VodEvent deletion = parser.parse(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).event();
        Video after = after(Optional.of(published), deletion).orElseThrow();
        assertThat(after.state()).isEqualTo(VideoState.PUBLISHED);
        assertThat(after.playbacks()).isEmpty();
        assertThat(after.mediaUrl()).isEqualTo(published.mediaUrl());
        Video gone = after(Optional.of(after), parser.parse(body.replace("TranscodeFiles", "OriginalFiles")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).event()).orElseThrow();
        assertThat(gone.state()).isEqualTo(VideoState.DELETED);
    }

    @Test
    void bothDeletionBodiesDeleteTheirFiles() throws Exception {
        var v3 = (VodEvent.FilesDeleted) event("v3-file-deleted.json");
        assertThat(v3.fileIds()).containsExactly("24961954183381008");
        assertThat(v3.partial()).as("§8's example deletes the transcodes only")
                .containsEntry("24961954183381008", List.of(new VodEvent.DeletedPart("TranscodeFiles", 0)));
        ObjectNode whole = SpecEvents.tencent("v3-file-deleted.json");
        ((ObjectNode) whole.get("FileDeleteEvent").get("FileDeleteResultInfo").get(0).get("DeleteParts").get(0))
                .put("Type", "OriginalFiles");
        assertThat(((VodEvent.FilesDeleted) parse(whole).event()).partial()).isEmpty();
        ParsedEvent v2 = parse(SpecEvents.tencent("v2-file-deleted.json"));
        assertThat(v2.event().fileIds()).containsExactly(FILE_ID);
        Video uploaded = after(Optional.empty(), event("v2-new-file-upload.json")).orElseThrow();
        assertThat(after(Optional.of(uploaded), v2.event()).orElseThrow().state()).isEqualTo(VideoState.DELETED);
        ObjectNode both = SpecEvents.tencent("v2-file-deleted.json");
        ((ObjectNode) both.get("data")).putArray("fileId").add(FILE_ID).add("24961954183381008");
        assertThat(parse(both).event().fileIds()).containsExactly(FILE_ID, "24961954183381008");
        ((ObjectNode) both.get("data")).removeAll();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse(both)).isInstanceOf(MalformedEventException.class);
    }
}
