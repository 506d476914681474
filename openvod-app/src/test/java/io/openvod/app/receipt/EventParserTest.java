package io.openvod.app.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.app.videos.Playback;
import io.openvod.app.videos.Review;
import io.openvod.app.videos.VodEvent;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventParserTest {
    private final EventParser parser = new EventParser();

    @Test
    void readsTheDocumentedNewFileUploadPush() throws Exception {
        ParsedEvent parsed = parser.parse(SpecEvents.bytes(SpecEvents.load("v3-new-file-upload-push.json")));
        assertThat(parsed.format()).isEqualTo("v3");
        VodEvent.FileUploaded upload = (VodEvent.FileUploaded) parsed.event();
        assertThat(upload.fileId()).isEqualTo(SpecEvents.FILE_ID);
        assertThat(upload.name()).isEqualTo("lesson-07-intro");
        assertThat(upload.sourceContext()).isEqualTo("uid=42&course=7");
        assertThat(upload.procedureTaskId()).isEqualTo(SpecEvents.TASK_ID);
        assertThat(upload.mediaUrl()).endsWith("/MHoT2yOdJg4A.mp4");
        assertThat(upload.coverUrl()).isEmpty();
    }

    @Test
    void nullSiblingsReadLikeAbsentOnesAndKeepTheSameContentKey() throws Exception {
        ObjectNode plain = SpecEvents.load("v3-procedure-finish-transcode-cover.json");
        ParsedEvent a = parser.parse(SpecEvents.bytes(plain));
        ParsedEvent b = parser.parse(SpecEvents.bytes(SpecEvents.withNullSiblings(plain)));
        assertThat(b.event()).isEqualTo(a.event());
        assertThat(b.contentKey()).isEqualTo(a.contentKey());
        VodEvent.ProcedureChanged finish = (VodEvent.ProcedureChanged) a.event();
        assertThat(finish.finished()).isTrue();
        assertThat(finish.playbacks()).containsExactly(new Playback("mp4", 100020,
                "http://1500012345.vod2.myqcloud.com/7d3c31f7vodtranscq1500012345/3ad8f5c85285890813342811041/v.f100020.mp4", 720, 540));
        assertThat(finish.coverUrl()).hasValueSatisfying(u -> assertThat(u).endsWith("coverBySnapshot_10_0.jpg"));
        assertThat(finish.review()).isEqualTo(Review.NONE);
        assertThat(finish.failedTasks()).isZero();
    }

    @Test
    void aMetaDataWithoutAnyStreamSaysTheFileIsNotMedia() throws Exception {
        VodEvent.FileUploaded notMedia = (VodEvent.FileUploaded) parser.parse(SpecEvents.bytes(
                SpecEvents.notMediaUpload("alice", "req-1"))).event();
        assertThat(notMedia.mediaError()).isEqualTo("MetaData: no audio or video stream");

        ObjectNode withoutMeta = SpecEvents.reviewedUpload("alice", "req-1");
        assertThat(((VodEvent.FileUploaded) parser.parse(SpecEvents.bytes(withoutMeta)).event()).mediaError())
                .as("no MetaData says nothing").isEmpty();
        ((ObjectNode) withoutMeta.get("FileUploadEvent")).putNull("MetaData");
        assertThat(((VodEvent.FileUploaded) parser.parse(SpecEvents.bytes(withoutMeta)).event()).mediaError())
                .as("a null MetaData says nothing").isEmpty();
        JsonNode pulled = SpecEvents.load("v3-pull-events-response.json").get("Response").get("EventSet").get(0);
        assertThat(((VodEvent.FileUploaded) parser.parse(SpecEvents.bytes(pulled)).event()).mediaError())
                .as("a MetaData with streams").isEmpty();
        ObjectNode audioOnly = SpecEvents.notMediaUpload("alice", "req-1");
        ((ObjectNode) audioOnly.get("FileUploadEvent").get("MetaData")).putArray("AudioStreamSet").addObject().put("Codec", "aac");
        assertThat(((VodEvent.FileUploaded) parser.parse(SpecEvents.bytes(audioOnly)).event()).mediaError())
                .as("audio is media").isEmpty();
    }

    @Test
    void aSourceFileErrorSaysTheFileIsNotMediaAnInvalidInputDoesNot() throws Exception {
        for (String code : new String[] {"SourceFileError", "SourceFileError.ContentMalformed"}) {
            VodEvent.ProcedureChanged flow = (VodEvent.ProcedureChanged) parser.parse(SpecEvents.bytes(SpecEvents.failedFlow(code))).event();
            assertThat(flow.failedTasks()).isEqualTo(2);
            assertThat(flow.mediaError()).isEqualTo("Transcode: " + code);
            VodEvent.ReviewCompleted review = (VodEvent.ReviewCompleted) parser.parse(
                    SpecEvents.bytes(SpecEvents.failedReviewTask(code))).event();
            assertThat(review.review().verdict()).isEqualTo(Review.Verdict.FAILED);
            assertThat(review.mediaError()).isEqualTo("ReviewAudioVideo: " + code);
        }
        for (String code : new String[] {"FailedOperation.InvalidInput", "SourceFileError.NoVideoMedia", "InternalError"}) {
            VodEvent.ProcedureChanged flow = (VodEvent.ProcedureChanged) parser.parse(SpecEvents.bytes(SpecEvents.failedFlow(code))).event();
            assertThat(flow.failedTasks()).isEqualTo(2);
            assertThat(flow.mediaError()).as(code + " says a task failed, not what the file is").isEmpty();
            assertThat(((VodEvent.ReviewCompleted) parser.parse(SpecEvents.bytes(SpecEvents.failedReviewTask(code))).event())
                    .mediaError()).isEmpty();
        }
        ObjectNode sizeOnlyMeta = SpecEvents.failedFlow("FailedOperation.InvalidInput");
        ((ObjectNode) sizeOnlyMeta.get("ProcedureStateChangeEvent")).set("MetaData",
                SpecEvents.notMediaUpload("a", "r").get("FileUploadEvent").get("MetaData"));
        assertThat(((VodEvent.ProcedureChanged) parser.parse(SpecEvents.bytes(sizeOnlyMeta)).event()).mediaError())
                .as("the flow's own MetaData may say it").isEqualTo("MetaData: no audio or video stream");
    }

    @Test
    void aPulledEventIsTheSameEventAsItsPush() throws Exception {
        JsonNode pulled = SpecEvents.load("v3-pull-events-response.json").get("Response").get("EventSet").get(0);
        ParsedEvent parsed = parser.parse(SpecEvents.bytes(pulled));
        assertThat(parsed.event()).isInstanceOf(VodEvent.FileUploaded.class);
        ObjectNode otherHandle = pulled.deepCopy();
        otherHandle.put("EventHandle", "EventHandle.2");
        assertThat(parser.parse(SpecEvents.bytes(otherHandle)).contentKey()).as("a redelivery has a new handle")
                .isEqualTo(parsed.contentKey());
        assertThat(parser.parse(EventParser.withoutHandle(pulled)).contentKey()).isEqualTo(parsed.contentKey());
    }

    /** Found by EventParserFuzzTest: an unknown event took its FileId from an EventHandle object, so its pull read differently. */
    @Test
    void anUnknownEventsFileIdIsNeverTakenFromItsEventHandle() throws Exception {
        byte[] body = ("{\"EventType\":\"SomeNewEvent\",\"EventHandle\":{\"FileId\":\"5285890807869927353\"},"
                + "\"SomeNewEventEvent\":{\"Status\":\"FINISH\"}}").getBytes(StandardCharsets.UTF_8);
        ParsedEvent parsed = parser.parse(body);
        assertThat(parsed.event()).isEqualTo(new VodEvent.Other("SomeNewEvent", java.util.List.of()));
        assertThat(parser.parse(EventParser.withoutHandle(new com.fasterxml.jackson.databind.ObjectMapper().readTree(body))).event())
                .isEqualTo(parsed.event());
    }

    @Test
    void readsTheLegacyV2Shape() throws Exception {
        ParsedEvent parsed = parser.parse(SpecEvents.bytes(SpecEvents.load("v2-new-file-upload.json")));
        assertThat(parsed.format()).isEqualTo("v2");
        VodEvent.FileUploaded upload = (VodEvent.FileUploaded) parsed.event();
        assertThat(upload.fileId()).isEqualTo(SpecEvents.FILE_ID);
        assertThat(upload.sourceContext()).isEqualTo("uid=42&course=7");
        assertThat(upload.name()).isEqualTo("lesson-07-intro");
    }

    @Test
    void theReviewVerdictIsTheWorstSuggestionOfTheReviewTasks() throws Exception {
        VodEvent.ProcedureChanged review = (VodEvent.ProcedureChanged) parser.parse(
                SpecEvents.bytes(SpecEvents.load("v3-procedure-review.json"))).event();
        assertThat(review.review()).isEqualTo(new Review(Review.Verdict.REVIEW, 90, "sexy"));
        VodEvent.ProcedureChanged block = (VodEvent.ProcedureChanged) parser.parse(SpecEvents.bytes(SpecEvents.review("block", 97)))
                .event();
        assertThat(block.review().verdict()).isEqualTo(Review.Verdict.BLOCK);
        assertThat(block.review().confidence()).isEqualTo(97);

        ObjectNode failed = SpecEvents.review("pass", 3);
        ((ObjectNode) failed.get("ProcedureStateChangeEvent").get("AiContentReviewResultSet").get(0).get("PornTask"))
                .put("Status", "FAIL").put("ErrCodeExt", "FailedOperation.ReviewUnavailable");
        assertThat(((VodEvent.ProcedureChanged) parser.parse(SpecEvents.bytes(failed)).event()).review().verdict())
                .as("a failed review never reads as pass").isEqualTo(Review.Verdict.FAILED);
    }

    @Test
    void aChangeModeSnapshotIsNotFinished() throws Exception {
        VodEvent.ProcedureChanged processing = (VodEvent.ProcedureChanged) parser.parse(
                SpecEvents.bytes(SpecEvents.load("v3-procedure-change-processing.json"))).event();
        assertThat(processing.finished()).isFalse();
        assertThat(processing.playbacks()).extracting(Playback::definition).containsExactly(100010L);
    }

    @Test
    void unknownTypesAreReadAndMalformedBodiesRefused() throws Exception {
        VodEvent other = parser.parse("{\"EventType\":\"TranscodeComplete\",\"TranscodeCompleteEvent\":{\"FileId\":\"123\"}}"
                .getBytes(StandardCharsets.UTF_8)).event();
        assertThat(other).isEqualTo(new VodEvent.Other("TranscodeComplete", java.util.List.of("123")));

        for (String bad : new String[] {"", "not json", "[]", "{}", "{\"EventType\":\"NewFileUpload\"}",
                "{\"EventType\":\"NewFileUpload\",\"FileUploadEvent\":{\"FileId\":null}}",
                "{\"EventType\":\"NewFileUpload\",\"FileUploadEvent\":{\"FileId\":\"../etc\"}}",
                "{\"EventType\":\"ProcedureStateChanged\",\"ProcedureStateChangeEvent\":{\"FileId\":\"1\"}}",
                "{\"eventType\":\"NewFileUpload\"}"}) {
            assertThatThrownBy(() -> parser.parse(bad.getBytes(StandardCharsets.UTF_8))).as(bad)
                    .isInstanceOf(MalformedEventException.class);
        }
    }
}
