package io.openvod.server.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.app.receipt.StoredEvent;
import io.openvod.app.videos.Playback;
import io.openvod.app.videos.Video;
import io.openvod.platform.events.DeliveryRecord;
import io.openvod.platform.media.TestClips;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pull mode end to end over real HTTP: the platform's event configuration of the app's
 * sub-application is PULL, and the app backend runs with {@code app.receipt.pull} pointed at the
 * platform; alice uploads with the app's signature (procedure {@code ReviewTranscodeCover}, the
 * review by the real nsfwjs model, the transcode by FFmpeg), the app pulls, stores, processes and
 * confirms, and her video is published with a transcode that plays — and nothing is left
 * unconfirmed at the platform.
 */
class PullReceiptEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void pulledEventsPublishTheUsersVideoAndAreConfirmed() throws Exception {
        Path clip = TestClips.mp4(dir.resolve("clip.mp4"), Duration.ofSeconds(2), 320, 240);
        try (ReceiptStack stack = ReceiptStack.start(dir, "ReviewTranscodeCover", platformUrl -> List.of(
                "app.receipt.pull.enabled=true", "app.receipt.pull.endpoint=" + platformUrl,
                "app.receipt.pull.subAppId=" + ReceiptStack.SUB_APP_ID))) {
            stack.call("ModifyEventConfig", "\"Mode\":\"PULL\"");
            assertThat(stack.app().services().pullConsumer()).isPresent();

            String fileId = stack.uploadAsAlice(clip);
            Video video = stack.awaitPublished(fileId, Duration.ofSeconds(50));

            assertThat(video.userId()).contains(ReceiptStack.USER);
            assertThat(video.review()).isEqualTo("pass");
            assertThat(video.coverUrl()).isNotEmpty();
            assertThat(video.playbacks()).extracting(Playback::kind).contains("mp4");
            byte[] transcode = stack.fetch(video.playbacks().getFirst().url());
            assertThat(new String(Arrays.copyOfRange(transcode, 4, 8), StandardCharsets.ISO_8859_1))
                    .as("an MP4 file").isEqualTo("ftyp");
            List<StoredEvent> received = stack.app().services().receivedEvents().recent(10);
            assertThat(received).extracting(StoredEvent::eventType).containsExactlyInAnyOrder("NewFileUpload", "ProcedureStateChanged");
            assertThat(received).extracting(StoredEvent::source).containsOnly("pull");
            assertThat(received).extracting(StoredEvent::body).noneMatch(body -> body.contains("EventHandle"));

            awaitConfirmed(stack, fileId, 2, Duration.ofSeconds(10));
            assertThat(stack.call("DescribeEventsState", "").get("CountOfEventsToPull").asLong()).isZero();
        }
    }

    /** Waits for the upload's {@code count} PULL deliveries to be CONFIRMED (the app confirms right after storing). */
    private static void awaitConfirmed(ReceiptStack stack, String fileId, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<DeliveryRecord> deliveries = stack.deliveries(fileId);
        while (System.nanoTime() < deadline && !(deliveries.size() == count
                && deliveries.stream().allMatch(d -> d.channel().equals("PULL") && d.state().equals("CONFIRMED")))) {
            Thread.sleep(100);
            deliveries = stack.deliveries(fileId);
        }
        assertThat(deliveries).extracting(DeliveryRecord::channel, DeliveryRecord::state).hasSize(count)
                .allSatisfy(t -> assertThat(t.toList()).containsExactly("PULL", "CONFIRMED"));
    }
}
