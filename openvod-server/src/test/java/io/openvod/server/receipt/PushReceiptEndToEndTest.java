package io.openvod.server.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvod.app.receipt.StoredEvent;
import io.openvod.app.videos.Video;
import io.openvod.platform.events.DeliveryRecord;
import io.openvod.platform.media.TestClips;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Push mode end to end over real HTTP: the platform's event configuration of the app's
 * sub-application is PUSH to the app's {@code /api/v1/vod/events/<pathToken>}, signed with a
 * {@code whsec_} secret the app verifies; alice uploads with the app's signature (procedure
 * {@code Review}, run with the real nsfwjs model), and NewFileUpload then ProcedureStateChanged
 * make her video published.
 */
class PushReceiptEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void pushedEventsPublishTheUsersVideo() throws Exception {
        Path clip = TestClips.mp4(dir.resolve("clip.mp4"), Duration.ofSeconds(2), 320, 240);
        try (ReceiptStack stack = ReceiptStack.start(dir, "Review", platformUrl -> List.of())) {
            stack.call("ModifyEventConfig", "\"Mode\":\"PUSH\",\"NotificationUrl\":\"" + stack.notificationUrl() + "\"");
            JsonNode config = stack.call("DescribeEventConfig", "");
            assertThat(config.get("Mode").asText()).isEqualTo("PUSH");
            assertThat(config.get("NotificationUrl").asText()).isEqualTo(stack.notificationUrl());

            String fileId = stack.uploadAsAlice(clip);
            Video video = stack.awaitPublished(fileId, Duration.ofSeconds(45));

            assertThat(video.userId()).contains(ReceiptStack.USER);
            assertThat(video.review()).isEqualTo("pass");
            assertThat(video.procedureTaskId()).contains("-procedurev2-");
            assertThat(stack.fetch(video.mediaUrl())).as("the media URL plays the upload").isEqualTo(Files.readAllBytes(clip));
            List<StoredEvent> received = stack.app().services().receivedEvents().recent(10);
            assertThat(received).extracting(StoredEvent::eventType).containsExactlyInAnyOrder("NewFileUpload", "ProcedureStateChanged");
            assertThat(received).extracting(StoredEvent::source).containsOnly("push");
            assertThat(received).extracting(StoredEvent::state).containsOnly("PROCESSED");
            int unsigned = stack.postUnsigned(stack.notificationUrl(), received.getFirst().body());
            assertThat(unsigned).as("the same body unsigned is refused: the platform's signature let it in").isEqualTo(401);
            assertThat(stack.deliveries(fileId)).extracting(DeliveryRecord::channel, DeliveryRecord::state)
                    .as("the platform delivered both events and the app took them").hasSize(2).allSatisfy(t ->
                            assertThat(t.toList()).containsExactly("PUSH", "DELIVERED"));
        }
    }

    @Test
    void aReviewAudioVideoVerdictPublishesTheUsersVideoOnlyOnceItArrives() throws Exception {
        Path clip = TestClips.mp4(dir.resolve("clip.mp4"), Duration.ofSeconds(2), 320, 240);
        try (ReceiptStack stack = ReceiptStack.start(dir, "ReviewAudioVideo", platformUrl -> List.of())) {
            stack.call("ModifyEventConfig", "\"Mode\":\"PUSH\",\"NotificationUrl\":\"" + stack.notificationUrl() + "\"");

            String fileId = stack.uploadAsAlice(clip);
            Video video = stack.awaitPublished(fileId, Duration.ofSeconds(45));

            assertThat(video.userId()).contains(ReceiptStack.USER);
            assertThat(video.review()).as("the verdict of the review task").isEqualTo("pass");
            List<StoredEvent> received = stack.app().services().receivedEvents().recent(10);
            assertThat(received).extracting(StoredEvent::eventType).containsExactlyInAnyOrder("NewFileUpload",
                    "ReviewAudioVideoComplete");
            assertThat(received).extracting(StoredEvent::state).containsOnly("PROCESSED");
            JsonNode upload = ReceiptStack.JSON.readTree(received.stream().filter(e -> e.eventType().equals("NewFileUpload"))
                    .findFirst().orElseThrow().body());
            assertThat(upload.path("FileUploadEvent").path("ReviewAudioVideoTaskId").asText()).contains("-ReviewAudioVideo-");
            assertThat(upload.path("FileUploadEvent").path("ProcedureTaskId").asText()).as("the procedure holds the review only")
                    .isEmpty();
        }
    }
}
