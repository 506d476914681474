package io.openvod.platform.cloudapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.vod.v20180717.VodClient;
import com.tencentcloudapi.vod.v20180717.models.ConfirmEventsRequest;
import com.tencentcloudapi.vod.v20180717.models.DescribeEventConfigRequest;
import com.tencentcloudapi.vod.v20180717.models.DescribeEventConfigResponse;
import com.tencentcloudapi.vod.v20180717.models.DescribeEventsStateRequest;
import com.tencentcloudapi.vod.v20180717.models.EventContent;
import com.tencentcloudapi.vod.v20180717.models.ModifyEventConfigRequest;
import com.tencentcloudapi.vod.v20180717.models.PullEventsRequest;
import io.openvod.platform.config.EventsConfig;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.TestClock;
import io.openvod.platform.testing.Uploads;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PullEvents, ConfirmEvents, DescribeEventsState and the event configuration through Tencent's
 * own Java SDK ({@code VodClient}) against a platform on loopback. The platform's clock is a test
 * clock (near the real time, since the SDK signs with the real time), moved to pass the visibility.
 */
class PullEventsSdkTest {
    private static final long APP = PlatformFixture.APP_ID;

    @TempDir
    static Path dir;
    static TestClock clock;
    static PlatformFixture platform;
    static VodClient vod;

    @BeforeAll
    static void start() {
        clock = TestClock.atNow();
        EventsConfig d = EventsConfig.defaults();
        EventsConfig events = new EventsConfig("PUSH", "", "ON", "ON", d.push(), new EventsConfig.Pull(Duration.ofSeconds(30), Duration.ofDays(4)));
        platform = PlatformFixture.start(dir.resolve("platform"), PlatformFixture.defaultUpload(), clock, events);
        vod = client(PlatformFixture.SECRET_KEY);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @BeforeEach
    void pullModeAndAnEmptyQueue() throws Exception {
        ModifyEventConfigRequest modify = new ModifyEventConfigRequest();
        modify.setMode("PULL");
        modify.setUploadMediaCompleteEventSwitch("ON");
        vod.ModifyEventConfig(modify);
        platform.database().jdbi().useHandle(h -> h.execute("UPDATE event_deliveries SET state = 'CONFIRMED' WHERE state = 'PENDING'"));
    }

    static VodClient client(String secretKey) {
        HttpProfile http = new HttpProfile();
        http.setEndpoint("127.0.0.1:" + platform.node().port());
        http.setProtocol(HttpProfile.REQ_HTTP);
        ClientProfile profile = new ClientProfile();
        profile.setHttpProfile(http);
        return new VodClient(new Credential(PlatformFixture.SECRET_ID, secretKey), "ap-guangzhou", profile);
    }

    @Test
    void anUploadIsPulledAndGoneOnceConfirmed() throws Exception {
        String fileId = upload();
        assertThat(vod.DescribeEventsState(new DescribeEventsStateRequest()).getCountOfEventsToPull()).isEqualTo(1L);
        EventContent[] events = pull();
        assertThat(events).hasSize(1);
        assertThat(events[0].getEventType()).isEqualTo("NewFileUpload");
        assertThat(events[0].getFileUploadEvent().getFileId()).isEqualTo(fileId);
        assertThat(events[0].getFileUploadEvent().getMediaBasicInfo().getSourceInfo().getSourceType()).isEqualTo("Upload");
        assertThat(events[0].getEventHandle()).matches("[A-Za-z0-9_-]{32}");
        assertThat(vod.DescribeEventsState(new DescribeEventsStateRequest()).getCountOfEventsToPull()).isZero();

        confirm(events[0].getEventHandle());
        confirm(events[0].getEventHandle()); // confirming again is harmless
        clock.advance(Duration.ofSeconds(31));
        long started = System.nanoTime();
        assertThat(pull()).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofSeconds(4));
    }

    @Test
    void anEventNotConfirmedInTimeComesBackWithAnotherHandle() throws Exception {
        String fileId = upload();
        EventContent first = pull()[0];
        clock.advance(Duration.ofSeconds(31));
        EventContent again = pull()[0];
        assertThat(again.getFileUploadEvent().getFileId()).isEqualTo(fileId);
        assertThat(again.getEventHandle()).isNotEqualTo(first.getEventHandle());
        assertThatThrownBy(() -> confirm(first.getEventHandle()))
                .isInstanceOfSatisfying(TencentCloudSDKException.class, e -> assertThat(e.getErrorCode()).isEqualTo("InvalidParameter"));
        confirm(again.getEventHandle());
        clock.advance(Duration.ofSeconds(31));
        assertThat(vod.DescribeEventsState(new DescribeEventsStateRequest()).getCountOfEventsToPull()).isZero();
    }

    @Test
    void manyEventsComeSixteenAtATimeAndNeverTwice() throws Exception {
        for (int i = 0; i < 18; i++) {
            platform.database().jdbi().useHandle(h -> copyOfAnEvent(h));
        }
        List<CompletableFuture<EventContent[]>> pulls = List.of(CompletableFuture.supplyAsync(PullEventsSdkTest::pullQuietly),
                CompletableFuture.supplyAsync(PullEventsSdkTest::pullQuietly));
        List<String> handles = pulls.stream().flatMap(p -> Arrays.stream(p.join())).map(EventContent::getEventHandle).toList();
        assertThat(handles).hasSize(18).doesNotHaveDuplicates();
        assertThat(pulls.stream().mapToInt(p -> p.join().length).max().orElseThrow()).isLessThanOrEqualTo(16);
    }

    @Test
    void aLongPollAnswersWithAnEventThatArrivesDuringTheWait() throws Exception {
        CompletableFuture<EventContent[]> waiting = CompletableFuture.supplyAsync(PullEventsSdkTest::pullQuietly);
        Thread.sleep(700);
        assertThat(waiting).isNotDone();
        String fileId = upload();
        EventContent[] events = waiting.get(10, TimeUnit.SECONDS);
        assertThat(events).extracting(e -> e.getFileUploadEvent().getFileId()).containsExactly(fileId);
        confirm(events[0].getEventHandle());
    }

    @Test
    void anotherApplicationsHandleIsRefusedAndItsQueueIsItsOwn() throws Exception {
        platform.keys().addApp(APP, 1_500_000_002L, "other");
        upload();
        PullEventsRequest other = new PullEventsRequest();
        other.setSubAppId(1_500_000_002L);
        CompletableFuture<EventContent[]> otherPull = CompletableFuture.supplyAsync(() -> {
            try {
                return vod.PullEvents(other).getEventSet();
            } catch (TencentCloudSDKException e) {
                throw new IllegalStateException(e);
            }
        });
        EventContent mine = pull()[0];
        assertThat(otherPull.get(10, TimeUnit.SECONDS)).isEmpty();
        ConfirmEventsRequest wrongApp = new ConfirmEventsRequest();
        wrongApp.setEventHandles(new String[] {mine.getEventHandle()});
        wrongApp.setSubAppId(1_500_000_002L);
        assertThatThrownBy(() -> vod.ConfirmEvents(wrongApp))
                .isInstanceOfSatisfying(TencentCloudSDKException.class, e -> assertThat(e.getErrorCode()).isEqualTo("InvalidParameter"));
        confirm(mine.getEventHandle());
    }

    @Test
    void eventConfigRoundTripsThroughTheSdk() throws Exception {
        ModifyEventConfigRequest modify = new ModifyEventConfigRequest();
        modify.setMode("PUSH");
        modify.setNotificationUrl("https://8.8.8.8/vod/events");
        modify.setDeleteMediaCompleteEventSwitch("OFF");
        vod.ModifyEventConfig(modify);
        DescribeEventConfigResponse config = vod.DescribeEventConfig(new DescribeEventConfigRequest());
        assertThat(config.getMode()).isEqualTo("PUSH");
        assertThat(config.getNotificationUrl()).isEqualTo("https://8.8.8.8/vod/events");
        assertThat(config.getUploadMediaCompleteEventSwitch()).isEqualTo("ON");
        assertThat(config.getDeleteMediaCompleteEventSwitch()).isEqualTo("OFF");
        assertThat(config.getRequestId()).isNotEmpty();

        ModifyEventConfigRequest refused = new ModifyEventConfigRequest();
        refused.setNotificationUrl("http://10.0.0.8/hook");
        assertThatThrownBy(() -> vod.ModifyEventConfig(refused)).isInstanceOfSatisfying(TencentCloudSDKException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo("InvalidParameterValue.NotificationUrl"));
        ModifyEventConfigRequest clear = new ModifyEventConfigRequest();
        clear.setNotificationUrl("");
        vod.ModifyEventConfig(clear);
        assertThat(vod.DescribeEventConfig(new DescribeEventConfigRequest()).getNotificationUrl()).isEmpty();
    }

    @Test
    void aRequestSignedWithAnotherKeyIsASignatureFailure() {
        assertThatThrownBy(() -> client("NotTheSecretKey00000000000000000").DescribeEventsState(new DescribeEventsStateRequest()))
                .isInstanceOfSatisfying(TencentCloudSDKException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo("AuthFailure.SignatureFailure");
                    assertThat(e.getRequestId()).isNotEmpty();
                });
    }

    private static String upload() {
        return Uploads.uploadSmall(platform, new byte[] {1, 2, 3}, b -> b).get("fileId").asText();
    }

    private static EventContent[] pull() throws TencentCloudSDKException {
        EventContent[] set = vod.PullEvents(new PullEventsRequest()).getEventSet();
        return set == null ? new EventContent[0] : set;
    }

    private static EventContent[] pullQuietly() {
        try {
            return pull();
        } catch (TencentCloudSDKException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void confirm(String handle) throws TencentCloudSDKException {
        ConfirmEventsRequest request = new ConfirmEventsRequest();
        request.setEventHandles(new String[] {handle});
        vod.ConfirmEvents(request);
    }

    /** A copy of the newest event of the primary application, queued for pulling. */
    private static void copyOfAnEvent(org.jdbi.v3.core.Handle h) {
        String id = "copy-" + java.util.UUID.randomUUID();
        long now = clock.millis();
        int copied = h.createUpdate("INSERT INTO event_outbox (event_id, app_id, sub_app_id, file_id, seq, event_type, body, created_at) "
                        + "SELECT :id, app_id, sub_app_id, :id, 1, event_type, body, :now FROM event_outbox WHERE sub_app_id = :app "
                        + "ORDER BY created_at DESC LIMIT 1")
                .bind("id", id).bind("now", now).bind("app", APP).execute();
        if (copied == 0) {
            upload();
            copyOfAnEvent(h);
            return;
        }
        h.createUpdate("INSERT INTO event_deliveries (event_id, sub_app_id, channel, state, attempts, next_attempt_at, created_at) "
                        + "VALUES (:id, :app, 'PULL', 'PENDING', 0, :now, :now)")
                .bind("id", id).bind("app", APP).bind("now", now).execute();
    }
}
