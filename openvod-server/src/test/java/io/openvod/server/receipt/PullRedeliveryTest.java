package io.openvod.server.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvod.app.config.ReceiptConfig;
import io.openvod.app.receipt.EventReceipts;
import io.openvod.app.receipt.pull.PullConsumer;
import io.openvod.app.receipt.pull.Tc3VodEventsClient;
import io.openvod.app.vod.VodApiException;
import io.openvod.app.receipt.pull.VodEventsClient;
import io.openvod.app.store.AppDatabase;
import io.openvod.app.store.SqlReceivedEvents;
import io.openvod.app.store.SqlVideos;
import io.openvod.app.videos.Video;
import io.openvod.app.videos.VideoState;
import io.openvod.core.trace.Tracing;
import io.openvod.platform.config.EventsConfig;
import io.openvod.platform.events.DeliveryRecord;
import io.openvod.platform.media.TestClips;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.Uploads;
import io.openvod.signature.Credential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pull consumer against a real platform whose pulled events reappear after 1 s: a confirm
 * that fails leaves the event with the platform, it is handed out again with a new handle, stored
 * once and confirmed the second time.
 */
class PullRedeliveryTest {
    @TempDir
    Path dir;

    @Test
    void anEventWhoseConfirmFailedComesAgainAndIsStoredOnce() throws Exception {
        EventsConfig events = new EventsConfig("PULL", "", "ON", "ON", EventsConfig.defaults().push(),
                new EventsConfig.Pull(Duration.ofSeconds(1), Duration.ofDays(4)));
        try (PlatformFixture platform = PlatformFixture.start(dir.resolve("platform"), events);
             AppDatabase database = AppDatabase.openSqlite(dir.resolve("app.db"))) {
            SqlReceivedEvents received = new SqlReceivedEvents(database.jdbi(), Clock.systemUTC());
            SqlVideos videos = new SqlVideos(database.jdbi());
            EventReceipts receipts = new EventReceipts(received, Clock.systemUTC(), false, Tracing.local("openvod-app"));
            Tc3VodEventsClient tc3 = new Tc3VodEventsClient(new ReceiptConfig.Pull(true, platform.url(), "", 0, Duration.ofSeconds(10)),
                    new Credential(PlatformFixture.SECRET_ID, PlatformFixture.SECRET_KEY), Clock.systemUTC());
            AtomicBoolean failConfirm = new AtomicBoolean(true);
            VodEventsClient flaky = new VodEventsClient() {
                @Override
                public List<PulledEvent> pull() throws IOException, InterruptedException {
                    return tc3.pull();
                }

                @Override
                public void confirm(List<String> handles) throws IOException, InterruptedException {
                    if (failConfirm.getAndSet(false)) {
                        throw new VodApiException("ConfirmEvents", "InternalError", "dropped by the test", "");
                    }
                    tc3.confirm(handles);
                }
            };
            PullConsumer consumer = new PullConsumer(flaky, receipts);

            byte[] clip = Files.readAllBytes(TestClips.mp4(dir.resolve("clip.mp4"), Duration.ofSeconds(1), 160, 120));
            String fileId = Uploads.uploadSmall(platform, clip, b -> b.sourceContext("uid=erin&req=r-1")).get("fileId").asText();

            assertThatThrownBy(consumer::cycle).isInstanceOf(VodApiException.class);
            assertThat(received.recent(10)).as("stored before the confirm that failed").hasSize(1);
            assertThat(deliveries(platform, fileId)).extracting(DeliveryRecord::state).containsExactly("PENDING");

            PullConsumer.Cycle again = consumer.cycle();

            assertThat(again).as("handed out again after the visibility, recognised as the same event")
                    .isEqualTo(new PullConsumer.Cycle(1, 0, 1, 0));
            assertThat(received.recent(10)).hasSize(1);
            assertThat(deliveries(platform, fileId)).extracting(DeliveryRecord::channel, DeliveryRecord::state)
                    .allSatisfy(t -> assertThat(t.toList()).containsExactly("PULL", "CONFIRMED")).hasSize(1);
            Video video = videos.find(fileId).orElseThrow();
            assertThat(video.state()).isEqualTo(VideoState.PUBLISHED);
            assertThat(video.userId()).contains("erin");
            receipts.close();
        }
    }

    private static List<DeliveryRecord> deliveries(PlatformFixture platform, String fileId) {
        return platform.node().push().deliveries().list(Optional.empty(), Optional.of(fileId), 10);
    }
}
