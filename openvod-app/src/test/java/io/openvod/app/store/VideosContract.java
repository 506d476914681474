package io.openvod.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvod.app.videos.Playback;
import io.openvod.app.videos.Review;
import io.openvod.app.videos.Video;
import io.openvod.app.videos.VideoState;
import io.openvod.app.videos.VideoTransitions;
import io.openvod.app.videos.Videos;
import io.openvod.app.videos.VodEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link Videos} must do, on one node and on two app nodes sharing the database (each
 * with its own connection pool): videos read back whole, and changes of one video never overwrite
 * each other, so the state {@link VideoTransitions} decides from all events is the one stored.
 */
public interface VideosContract {
    Instant T0 = Instant.parse("2026-05-01T08:00:00.123Z");

    /** The first node's videos, over an empty database. */
    Videos videos();

    /** The second node's videos: its own pool on the same database. */
    Videos otherNode();

    @Test
    default void aSavedVideoReadsBackWhole() {
        Video full = new Video("f1", Optional.of("alice"), "req-1", "holiday.mp4", VideoState.BLOCKED, "https://m/f1.mp4",
                "https://m/f1.jpg", "task-1", List.of(new Playback("mp4", 100010, "https://m/f1-hd.mp4", 1280, 720),
                new Playback("hls", 12, "https://m/f1.m3u8", 0, 0)), "block", 97.5, "Porn",
                Optional.of(new Video.Moderation("blocked", "mod", T0.plusSeconds(30))), 42, T0, T0.plusSeconds(60),
                new Video.Awaited(true, "success", "review-1", "block"), "Transcode: SourceFileError");
        Video bare = Video.unknown("f2", T0);
        videos().save(full);
        otherNode().save(bare);

        assertThat(otherNode().find("f1")).contains(full);
        assertThat(videos().find("f2")).contains(bare);
        assertThat(videos().find("f3")).isEmpty();
    }

    @Test
    default void savingAgainReplacesAllButTheCreationTime() {
        videos().save(video("f1", "alice", VideoState.PROCESSING, T0));
        Video later = with(video("f1", "bob", VideoState.PUBLISHED, T0.plusSeconds(99)), T0.plusSeconds(100));
        otherNode().save(later);

        Video stored = videos().find("f1").orElseThrow();
        assertThat(stored.state()).isEqualTo(VideoState.PUBLISHED);
        assertThat(stored.userId()).contains("bob");
        assertThat(stored.updatedAt()).isEqualTo(T0.plusSeconds(100));
        assertThat(stored.createdAt()).isEqualTo(T0);
    }

    @Test
    default void aUsersVideosAreNewestFirstWithoutDeletedOnes() {
        videos().save(video("a", "alice", VideoState.PUBLISHED, T0));
        videos().save(video("b", "alice", VideoState.DELETED, T0.plusSeconds(1)));
        videos().save(video("c", "alice", VideoState.PENDING_REVIEW, T0.plusSeconds(2)));
        videos().save(video("d", "bob", VideoState.PUBLISHED, T0.plusSeconds(3)));
        videos().save(video("e", "alice", VideoState.PROCESSING, T0.plusSeconds(4)));

        assertThat(videos().ofUser("alice", 10)).extracting(Video::fileId).containsExactly("e", "c", "a");
        assertThat(otherNode().ofUser("alice", 2)).extracting(Video::fileId).containsExactly("e", "c");
        assertThat(videos().ofUser("carol", 10)).isEmpty();
    }

    @Test
    default void videosInAStateAreOldestChangeFirst() {
        videos().save(with(video("a", "alice", VideoState.PENDING_REVIEW, T0), T0.plusSeconds(30)));
        videos().save(with(video("b", "bob", VideoState.PENDING_REVIEW, T0), T0.plusSeconds(10)));
        videos().save(with(video("c", "carol", VideoState.PUBLISHED, T0), T0.plusSeconds(5)));
        videos().save(with(video("d", "dave", VideoState.PENDING_REVIEW, T0), T0.plusSeconds(20)));

        assertThat(videos().inState(VideoState.PENDING_REVIEW, 10)).extracting(Video::fileId).containsExactly("b", "d", "a");
        assertThat(otherNode().inState(VideoState.PENDING_REVIEW, 1)).extracting(Video::fileId).containsExactly("b");
        assertThat(videos().inState(VideoState.FAILED, 10)).isEmpty();
    }

    @Test
    default void aChangeCreatesReplacesOrLeavesAVideoAsItsFunctionSays() {
        assertThat(videos().change("f1", v -> Optional.empty())).isEmpty();
        assertThat(videos().find("f1")).isEmpty();

        Video created = videos().change("f1", v -> Optional.of(video("f1", "alice", VideoState.PROCESSING, T0))).orElseThrow();
        assertThat(otherNode().find("f1")).contains(created);

        Video changed = otherNode().change("f1", v -> Optional.of(with(v.orElseThrow(), T0.plusSeconds(5)))).orElseThrow();
        assertThat(changed.updatedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(videos().find("f1")).contains(changed);

        assertThat(videos().change("f1", v -> Optional.empty())).as("nothing to store: the video as it is").contains(changed);
    }

    @Test
    default void aChangeThatThrowsStoresNothing() {
        videos().save(video("f1", "alice", VideoState.PROCESSING, T0));

        assertThatThrownBy(() -> videos().change("f1", v -> {
            throw new IllegalStateException("refused");
        })).isInstanceOf(IllegalStateException.class).hasMessage("refused");
        assertThatThrownBy(() -> videos().change("f1", v -> Optional.of(video("f2", "alice", VideoState.PUBLISHED, T0))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(videos().find("f1").orElseThrow().state()).isEqualTo(VideoState.PROCESSING);
        assertThat(videos().find("f2")).isEmpty();
    }

    @Test
    @Timeout(120)
    default void changesOfOneVideoOnTwoNodesAtOnceAreNeverLost() throws Exception {
        int changes = 16;
        List<Callable<Optional<Video>>> writers = new ArrayList<>();
        for (int i = 0; i < changes; i++) {
            Videos node = i % 2 == 0 ? videos() : otherNode();
            Playback added = new Playback("mp4", i, "https://m/" + i + ".mp4", 0, 0);
            writers.add(() -> node.change("shared", v -> {
                Video current = v.orElse(Video.unknown("shared", T0));
                List<Playback> playbacks = new ArrayList<>(current.playbacks());
                playbacks.add(added);
                return Optional.of(new Video(current.fileId(), current.userId(), current.requestId(), current.name(), current.state(),
                        current.mediaUrl(), current.coverUrl(), current.procedureTaskId(), playbacks, current.review(),
                        current.reviewConfidence(), current.reviewLabel(), current.moderation(), current.lastSequence(),
                        current.createdAt(), current.updatedAt(), current.awaited()));
            }));
        }

        assertThat(Race.run(writers)).noneMatch(Race.Outcome::failed);
        assertThat(videos().find("shared").orElseThrow().playbacks()).extracting(Playback::definition)
                .containsExactlyInAnyOrderElementsOf(java.util.stream.LongStream.range(0, changes).boxed().toList());
    }

    @Test
    @Timeout(120)
    default void eventsAppliedOnTwoNodesAtOnceEndInTheStateAllOfThemLeadTo() throws Exception {
        VideoTransitions transitions = new VideoTransitions();
        int videosCount = 10;
        List<Callable<Optional<Video>>> processors = new ArrayList<>();
        for (int n = 0; n < videosCount; n++) {
            String fileId = "v" + n;
            List<VodEvent> events = List.of(
                    new VodEvent.FileUploaded(fileId, "clip.mp4", "https://m/" + fileId + ".mp4", "", "uid=alice&req=r" + n,
                            "task-" + n, "review-" + n),
                    new VodEvent.ProcedureChanged("task-" + n, fileId, true, 0, "", "", Optional.of("https://m/" + fileId + ".jpg"),
                            List.of(new Playback("mp4", 100010, "https://m/" + fileId + "-hd.mp4", 1280, 720)), Review.NONE, 0),
                    new VodEvent.ReviewCompleted("review-" + n, fileId, new Review(Review.Verdict.PASS, 12, ""), ""));
            for (int e = 0; e < events.size(); e++) {
                Videos node = (n + e) % 2 == 0 ? videos() : otherNode();
                VodEvent event = events.get(e);
                processors.add(() -> node.change(fileId, v -> transitions.apply(v, fileId, event, 0, T0)));
            }
        }

        assertThat(Race.run(processors)).noneMatch(Race.Outcome::failed);
        for (int n = 0; n < videosCount; n++) {
            Video video = otherNode().find("v" + n).orElseThrow();
            assertThat(video.state()).as("v%d: upload, flow and review all known", n).isEqualTo(VideoState.PUBLISHED);
            assertThat(video.userId()).contains("alice");
            assertThat(video.coverUrl()).isEqualTo("https://m/v" + n + ".jpg");
            assertThat(video.playbacks()).hasSize(1);
            assertThat(video.review()).isEqualTo("pass");
            assertThat(video.awaited()).isEqualTo(new Video.Awaited(true, "success", "review-" + n, "pass"));
        }
    }

    @Test
    default void aModeratorsDecisionIsStoredAndStandsAgainstALaterVerdict() {
        VideoTransitions transitions = new VideoTransitions();
        videos().save(video("f1", "alice", VideoState.PENDING_REVIEW, T0));
        otherNode().change("f1", v -> Optional.of(transitions.moderate(v.orElseThrow(), true, "mod", T0.plusSeconds(9))));
        VodEvent block = new VodEvent.ReviewCompleted("review-9", "f1", new Review(Review.Verdict.BLOCK, 99, "Porn"), "");
        videos().change("f1", v -> transitions.apply(v, "f1", block, 0, T0.plusSeconds(10)));

        Video stored = videos().find("f1").orElseThrow();
        assertThat(stored.state()).isEqualTo(VideoState.PUBLISHED);
        assertThat(stored.moderation()).contains(new Video.Moderation("approved", "mod", T0.plusSeconds(9)));
    }

    @Test
    default void aFileThatIsNotMediaIsStoredFailedWithWhatSaidSoAndIsNotQueuedForAModerator() {
        VideoTransitions transitions = new VideoTransitions();
        VodEvent notMedia = new VodEvent.FileUploaded("f1", "notes", "https://m/f1.mp4", "", "uid=alice&req=r1", "task-1", "review-1",
                "MetaData: no audio or video stream");
        videos().change("f1", v -> transitions.apply(v, "f1", notMedia, 1, T0));
        VodEvent reviewFailed = new VodEvent.ReviewCompleted("review-1", "f1", new Review(Review.Verdict.FAILED, 0, ""), "");
        otherNode().change("f1", v -> transitions.apply(v, "f1", reviewFailed, 2, T0.plusSeconds(1)));

        Video stored = videos().find("f1").orElseThrow();
        assertThat(stored.state()).isEqualTo(VideoState.FAILED);
        assertThat(stored.mediaError()).isEqualTo("MetaData: no audio or video stream");
        assertThat(stored.failureReason()).contains(Video.NOT_PLAYABLE);
        assertThat(otherNode().inState(VideoState.PENDING_REVIEW, 10)).isEmpty();
        assertThat(otherNode().inState(VideoState.FAILED, 10)).extracting(Video::fileId).containsExactly("f1");
    }

    private static Video video(String fileId, String userId, VideoState state, Instant createdAt) {
        return new Video(fileId, Optional.of(userId), "req-" + fileId, fileId + ".mp4", state, "https://m/" + fileId + ".mp4", "", "",
                List.of(), "", 0, "", Optional.empty(), 0, createdAt, createdAt, Video.Awaited.NOTHING);
    }

    private static Video with(Video v, Instant updatedAt) {
        return new Video(v.fileId(), v.userId(), v.requestId(), v.name(), v.state(), v.mediaUrl(), v.coverUrl(), v.procedureTaskId(),
                v.playbacks(), v.review(), v.reviewConfidence(), v.reviewLabel(), v.moderation(), v.lastSequence(), v.createdAt(),
                updatedAt, v.awaited());
    }
}
