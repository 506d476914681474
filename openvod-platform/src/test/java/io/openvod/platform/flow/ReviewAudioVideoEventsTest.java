package io.openvod.platform.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The ReviewAudioVideoTask shape of a stored review flow: running, failed, and told apart from a Procedure flow. */
class ReviewAudioVideoEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

    private static TaskFlow flow(String flowStatus, FlowTask task) {
        return new TaskFlow("1-ReviewAudioVideo-00t", "5285890813342811041", 1, 1, "", 0, "Finish", "ctx", "sid", flowStatus, AT, AT,
                Optional.empty(), List.of(task));
    }

    private static FlowTask task(String status, String code, String message, Optional<String> output) {
        return new FlowTask("1-ReviewAudioVideo-00t-0", "1-ReviewAudioVideo-00t", 0, "ReviewAudioVideo", "{\"Definition\":10}", 0,
                status, 0, 1, code, message, output, Optional.of(AT), Optional.of(AT));
    }

    @Test
    void aFailedReviewReportsItsErrorAndNoOutput() {
        TaskFlow failed = flow("FINISH", task("FAIL", TaskErrors.SOURCE_GONE, "media gone", Optional.empty()));
        JsonNode body = ReviewAudioVideoEvents.reviewAudioVideoComplete(failed);
        assertThat(body.get("EventType").asText()).isEqualTo("ReviewAudioVideoComplete");
        JsonNode event = body.get("ReviewAudioVideoCompleteEvent");
        assertThat(event.get("Status").asText()).isEqualTo("FINISH");
        assertThat(event.has("ErrCode")).as("ReviewAudioVideoTask has no numeric ErrCode (spec §7.1)").isFalse();
        assertThat(event.get("ErrCodeExt").asText()).isEqualTo("SourceFileError.DownloadNotAccessible");
        assertThat(event.get("Message").asText()).isEqualTo("media gone");
        assertThat(event.has("Output")).as("no Output: left out, not null").isFalse();
        assertThat(event.get("Input").get("ReviewContents").get(0).asText()).as("the default").isEqualTo("Media");
        assertThat(event.get("SessionId").asText()).isEqualTo("sid");
    }

    @Test
    void aRunningReviewIsProcessingEvenWhileAnAttemptWaitsForRetry() throws Exception {
        TaskFlow running = flow("PROCESSING", task("WAITING", "FailedOperation.ReviewUnavailable", "down", Optional.empty()));
        JsonNode task = ReviewAudioVideoEvents.reviewAudioVideoTask(running);
        assertThat(task.get("Status").asText()).isEqualTo("PROCESSING");
        assertThat(task.has("ErrCode")).isFalse();
        assertThat(task.get("ErrCodeExt").asText()).isEmpty();
        assertThat(task.has("Output")).isFalse();
        assertThat(ReviewAudioVideoEvents.isReview(running)).isTrue();

        FlowTask notBegun = new FlowTask("1-ReviewAudioVideo-00t-0", "1-ReviewAudioVideo-00t", 0, "ReviewAudioVideo",
                "{\"Definition\":10}", 0, "WAITING", 0, 0, "", "", Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(ReviewAudioVideoEvents.reviewAudioVideoTask(flow("PROCESSING", notBegun)).get("Status").asText())
                .as("no attempt yet").isEqualTo("WAITING");

        FlowTask porn = new FlowTask("x-0", "x", 0, "Porn", "{}", 0, "SUCCESS", 100, 1, "", "", Optional.of("{}"), Optional.of(AT),
                Optional.of(AT));
        assertThat(ReviewAudioVideoEvents.isReview(flow("FINISH", porn))).isFalse();
        assertThat(JSON.writeValueAsString(ReviewAudioVideoEvents.reviewAudioVideoComplete(flow("FINISH",
                task("SUCCESS", "", "", Optional.of("{\"Suggestion\":\"pass\"}")))).get("ReviewAudioVideoCompleteEvent").get("Output")))
                .isEqualTo("{\"Suggestion\":\"pass\"}");
    }
}
