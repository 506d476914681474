package io.openvod.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvod.app.config.RateLimitConfig;
import io.openvod.app.policy.UserPolicy;
import io.openvod.app.videos.VideoState;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "My videos" and the moderation API over real HTTP, fed by events pushed to the receipt service:
 * each user sees only their own videos, playable URLs only when published; moderators (by account
 * role or per-user policy) see the queue and decide, anyone else is refused.
 */
class VideosAndModerationHttpTest {
    // alice: published, pending_review, blocked; bob: published, deleted
    private static final String A_PUBLISHED = "5285890800000000001";
    private static final String A_PENDING = "5285890800000000002";
    private static final String A_BLOCKED = "5285890800000000003";
    private static final String B_PUBLISHED = "5285890800000000004";
    private static final String B_DELETED = "5285890800000000005";

    @TempDir
    Path dir;
    AppBackend backend;
    URI base;
    String alice;
    String bob;
    String mia;
    String carol;

    @BeforeEach
    void start() throws Exception {
        var roles = Map.of("user", AppFixture.role(List.of(), "", List.of(), null, -1, -1, -1),
                "moderator", AppFixture.role(List.of(), "", List.of(), null, -1, -1, -1));
        backend = AppBackend.start(AppFixture.config(dir, AppFixture.keyA(), roles,
                Map.of("carol", new UserPolicy("moderator", null, null, null, null, null, null, null, null, null, null)),
                new RateLimitConfig(0, 0), AppFixture.noJwt()), Clock.systemUTC());
        base = backend.url();
        var accounts = backend.services().accounts();
        accounts.createUser("alice", "", Optional.empty());
        accounts.createUser("bob", "", Optional.empty());
        accounts.createUser("mia", "moderator", Optional.empty());
        accounts.createUser("carol", "", Optional.empty());
        alice = accounts.createApiToken("alice", "test", Optional.empty()).token();
        bob = accounts.createApiToken("bob", "test", Optional.empty()).token();
        mia = accounts.createApiToken("mia", "test", Optional.empty()).token();
        carol = accounts.createApiToken("carol", "test", Optional.empty()).token();

        for (String body : List.of(
                VodEventBodies.upload(A_PUBLISHED, "alice", "first"), VodEventBodies.finish(A_PUBLISHED, "alice", "pass"),
                VodEventBodies.upload(A_PENDING, "alice", "second"), VodEventBodies.finish(A_PENDING, "alice", "review"),
                VodEventBodies.upload(A_BLOCKED, "alice", "third"), VodEventBodies.finish(A_BLOCKED, "alice", "block"),
                VodEventBodies.plainUpload(B_PUBLISHED, "bob"),
                VodEventBodies.plainUpload(B_DELETED, "bob"), VodEventBodies.deleted(B_DELETED))) {
            assertThat(VodEventBodies.push(base, body).status()).isEqualTo(200);
        }
        VodEventBodies.await("the pushed events to be processed", Duration.ofSeconds(10), () ->
                backend.services().videos().find(B_DELETED).map(v -> v.state() == VideoState.DELETED).orElse(false)
                        && backend.services().videos().find(A_BLOCKED).map(v -> v.state() == VideoState.BLOCKED).orElse(false));
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    private static List<String> fileIds(AppFixture.Reply reply) {
        List<String> ids = new ArrayList<>();
        reply.body().path("data").path("videos").forEach(v -> ids.add(v.path("fileId").asText()));
        return ids;
    }

    private static JsonNode video(AppFixture.Reply reply, String fileId) {
        for (JsonNode v : reply.body().path("data").path("videos")) {
            if (v.path("fileId").asText().equals(fileId)) {
                return v;
            }
        }
        throw new AssertionError(fileId + " is not in " + reply.body());
    }

    @Test
    void eachUserSeesOnlyTheirOwnVideosNewestFirstWithPlayableUrlsOnlyWhenPublished() {
        AppFixture.Reply mine = AppFixture.get(base, "api/v1/videos", alice);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.code()).isZero();
        assertThat(fileIds(mine)).containsExactly(A_BLOCKED, A_PENDING, A_PUBLISHED);

        JsonNode published = video(mine, A_PUBLISHED);
        assertThat(published.path("state").asText()).isEqualTo("published");
        assertThat(published.path("name").asText()).isEqualTo("first");
        assertThat(published.path("mediaUrl").asText()).isEqualTo("http://media.example/" + A_PUBLISHED + ".mp4");
        assertThat(published.path("coverUrl").asText()).isEqualTo("http://media.example/" + A_PUBLISHED + ".jpg");
        JsonNode playback = published.path("playbacks").path(0);
        assertThat(playback.path("kind").asText()).isEqualTo("mp4");
        assertThat(playback.path("definition").asLong()).isEqualTo(100030);
        assertThat(playback.path("url").asText()).isEqualTo("http://media.example/" + A_PUBLISHED + "/v.f100030.mp4");
        assertThat(playback.path("width").asInt()).isEqualTo(1280);
        assertThat(playback.path("height").asInt()).isEqualTo(720);
        assertThat(published.path("review").path("suggestion").asText()).isEqualTo("pass");
        assertThat(published.path("review").path("confidence").asDouble()).isEqualTo(87.5);
        assertThat(published.path("review").path("label").asText()).isEqualTo("sexy");
        assertThat(Instant.parse(published.path("createdAt").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(published.path("updatedAt").asText()).endsWith("Z");
        assertThat(published.has("moderation")).isFalse();

        for (String hidden : List.of(A_PENDING, A_BLOCKED)) {
            JsonNode v = video(mine, hidden);
            assertThat(v.has("mediaUrl")).as("no playable URL for " + v.path("state")).isFalse();
            assertThat(v.has("playbacks")).isFalse();
            assertThat(v.toString()).doesNotContain("http://media.example/" + hidden + ".mp4", "v.f100030.mp4");
            assertThat(v.path("coverUrl").asText()).isNotEmpty();
        }
        assertThat(video(mine, A_PENDING).path("state").asText()).isEqualTo("pending_review");
        assertThat(video(mine, A_PENDING).path("review").path("suggestion").asText()).isEqualTo("review");
        assertThat(video(mine, A_BLOCKED).path("state").asText()).isEqualTo("blocked");

        AppFixture.Reply bobs = AppFixture.get(base, "api/v1/videos", bob);
        assertThat(fileIds(bobs)).as("bob's deleted video is left out").containsExactly(B_PUBLISHED);
        assertThat(video(bobs, B_PUBLISHED).has("review")).as("no review known").isFalse();

        assertThat(fileIds(AppFixture.get(base, "api/v1/videos?limit=1", alice))).containsExactly(A_BLOCKED);
        for (String limit : List.of("0", "101", "x")) {
            AppFixture.Reply bad = AppFixture.get(base, "api/v1/videos?limit=" + limit, alice);
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.error()).isEqualTo("BAD_REQUEST");
        }
    }

    @Test
    void oneVideoIsFoundOnlyByItsOwner() {
        AppFixture.Reply own = AppFixture.get(base, "api/v1/videos/" + A_PUBLISHED, alice);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body().path("data").path("video").path("fileId").asText()).isEqualTo(A_PUBLISHED);
        assertThat(own.body().path("data").path("video").path("userId").isMissingNode()).isTrue();

        for (String[] refused : new String[][] {{B_PUBLISHED, alice}, {A_PENDING, bob}, {"9999999999", alice}, {B_DELETED, bob}}) {
            AppFixture.Reply r = AppFixture.get(base, "api/v1/videos/" + refused[0], refused[1]);
            assertThat(r.status()).as(refused[0]).isEqualTo(404);
            assertThat(r.error()).isEqualTo("VIDEO_NOT_FOUND");
            assertThat(r.code()).isEqualTo(40401);
        }
        AppFixture.Reply anonymous = AppFixture.get(base, "api/v1/videos", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.error()).isEqualTo("NOT_SIGNED_IN");
        assertThat(AppFixture.get(base, "api/v1/videos/" + A_PUBLISHED, "not-a-token").status()).isEqualTo(401);
    }

    @Test
    void nonModeratorsAreRefusedAndChangeNothing() {
        for (String token : List.of(alice, bob)) {
            AppFixture.Reply queue = AppFixture.get(base, "api/v1/moderation/queue", token);
            assertThat(queue.status()).isEqualTo(403);
            assertThat(queue.error()).isEqualTo("NOT_A_MODERATOR");
            assertThat(queue.code()).isEqualTo(40305);
            AppFixture.Reply approve = AppFixture.post(base, "api/v1/moderation/videos/" + A_PENDING + "/approve", token, null, "");
            assertThat(approve.status()).isEqualTo(403);
            assertThat(approve.error()).isEqualTo("NOT_A_MODERATOR");
        }
        assertThat(AppFixture.post(base, "api/v1/moderation/videos/" + A_PENDING + "/block", null, null, "").status()).isEqualTo(401);
        assertThat(backend.services().videos().find(A_PENDING).orElseThrow().state()).isEqualTo(VideoState.PENDING_REVIEW);
        assertThat(backend.services().videos().find(A_PENDING).orElseThrow().moderation()).isEmpty();
    }

    @Test
    void aModeratorSeesTheQueueAndDecides() {
        AppFixture.Reply queue = AppFixture.get(base, "api/v1/moderation/queue", mia);
        assertThat(queue.status()).isEqualTo(200);
        assertThat(fileIds(queue)).containsExactly(A_PENDING);
        JsonNode pending = video(queue, A_PENDING);
        assertThat(pending.path("userId").asText()).isEqualTo("alice");
        assertThat(pending.path("mediaUrl").asText()).as("the moderator can look").isEqualTo("http://media.example/" + A_PENDING + ".mp4");
        assertThat(pending.path("playbacks").path(0).path("url").asText()).endsWith("/v.f100030.mp4");
        assertThat(pending.path("coverUrl").asText()).isEqualTo("http://media.example/" + A_PENDING + ".jpg");
        assertThat(pending.path("review").path("suggestion").asText()).isEqualTo("review");
        assertThat(pending.path("review").path("confidence").asDouble()).isEqualTo(87.5);

        AppFixture.Reply approved = AppFixture.post(base, "api/v1/moderation/videos/" + A_PENDING + "/approve", mia, null, "");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.body().path("data").path("video").path("state").asText()).isEqualTo("published");
        assertThat(approved.body().path("data").path("video").path("moderation").path("moderator").asText()).isEqualTo("mia");
        var stored = backend.services().videos().find(A_PENDING).orElseThrow();
        assertThat(stored.state()).isEqualTo(VideoState.PUBLISHED);
        assertThat(stored.moderation().orElseThrow().decision()).isEqualTo("approved");
        assertThat(stored.moderation().orElseThrow().moderator()).isEqualTo("mia");
        assertThat(fileIds(AppFixture.get(base, "api/v1/moderation/queue", mia))).isEmpty();

        JsonNode owners = AppFixture.get(base, "api/v1/videos/" + A_PENDING, alice).body().path("data").path("video");
        assertThat(owners.path("state").asText()).isEqualTo("published");
        assertThat(owners.path("mediaUrl").asText()).isEqualTo("http://media.example/" + A_PENDING + ".mp4");
        assertThat(owners.path("moderation").path("decision").asText()).isEqualTo("approved");
        assertThat(owners.path("moderation").has("moderator")).as("the owner is not told who decided").isFalse();

        AppFixture.Reply blocked = AppFixture.post(base, "api/v1/moderation/videos/" + B_PUBLISHED + "/block", carol, null, "");
        assertThat(blocked.status()).as("carol is a moderator by her per-user policy entry").isEqualTo(200);
        assertThat(backend.services().videos().find(B_PUBLISHED).orElseThrow().state()).isEqualTo(VideoState.BLOCKED);
        JsonNode bobs = AppFixture.get(base, "api/v1/videos/" + B_PUBLISHED, bob).body().path("data").path("video");
        assertThat(bobs.path("state").asText()).isEqualTo("blocked");
        assertThat(bobs.has("mediaUrl")).isFalse();
        assertThat(bobs.path("moderation").path("decision").asText()).isEqualTo("blocked");

        AppFixture.Reply unknown = AppFixture.post(base, "api/v1/moderation/videos/9999999999/approve", mia, null, "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.error()).isEqualTo("VIDEO_NOT_FOUND");
        AppFixture.Reply gone = AppFixture.post(base, "api/v1/moderation/videos/" + B_DELETED + "/approve", mia, null, "");
        assertThat(gone.status()).isEqualTo(409);
        assertThat(gone.error()).isEqualTo("VIDEO_DELETED");
        assertThat(gone.code()).isEqualTo(40901);
        assertThat(backend.services().videos().find(B_DELETED).orElseThrow().state()).isEqualTo(VideoState.DELETED);
    }
}
