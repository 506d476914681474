package io.openvod.platform.cos;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.platform.sql.PlatformDatabase;
import io.openvod.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The contract of {@link MultipartUploads}, on every engine the platform runs on (SQLite and PostgreSQL). */
class MultipartUploadsContractTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final String MD5 = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;
    private PlatformDatabase database;

    private MultipartUploads open(TestDatabase engine) {
        database = PlatformDatabase.open(engine.newUrl(dir));
        return new SqlMultipartUploads(database.jdbi());
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    private static MultipartUpload upload(String id, String key, Instant at) {
        return new MultipartUpload(id, "vod1-1250000000", key, "video/mp4", at);
    }

    private static UploadedPart part(int n, PartPlace place) {
        return new UploadedPart(n, MD5, 100L * n, T0.plusSeconds(n), place);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void uploadsShouldBeFoundAndListedByBucketAndKeyPrefix(TestDatabase engine) {
        MultipartUploads uploads = open(engine);
        uploads.create(upload("u2", "1/b.mp4", T0.plusSeconds(1)));
        uploads.create(upload("u1", "1/a.mp4", T0));
        uploads.create(upload("u3", "2/c.mp4", T0));

        assertThat(uploads.find("u1")).contains(upload("u1", "1/a.mp4", T0));
        assertThat(uploads.find("nope")).isEmpty();
        assertThat(uploads.list("vod1-1250000000", "1/", 10)).extracting(MultipartUpload::uploadId).containsExactly("u1", "u2");
        assertThat(uploads.list("vod1-1250000000", "", 2)).extracting(MultipartUpload::uploadId).containsExactly("u1", "u2");
        assertThat(uploads.list("other-1250000000", "", 10)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void partsShouldKeepTheirPlaceAndAPartSentAgainShouldReplaceTheEarlierOne(TestDatabase engine) {
        MultipartUploads uploads = open(engine);
        uploads.create(upload("u1", "k", T0));

        assertThat(uploads.putPart("u1", part(1, new PartPlace.InDraft(0)))).isTrue();
        assertThat(uploads.putPart("u1", part(2, new PartPlace.InNativeUpload("\"etag-2\"")))).isTrue();
        assertThat(uploads.putPart("u1", part(3, PartPlace.OWN_OBJECT))).isTrue();
        assertThat(uploads.putPart("u1", part(1, PartPlace.OWN_OBJECT))).isTrue();

        assertThat(uploads.parts("u1", 0, 10)).containsExactly(part(1, PartPlace.OWN_OBJECT),
                part(2, new PartPlace.InNativeUpload("\"etag-2\"")), part(3, PartPlace.OWN_OBJECT));
        assertThat(uploads.parts("u1", 1, 1)).extracting(UploadedPart::partNumber).containsExactly(2);
        assertThat(uploads.putPart("nope", part(1, PartPlace.OWN_OBJECT))).as("no upload, no part").isFalse();
        assertThat(uploads.parts("nope", 0, 10)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCompletedUploadShouldKeepOnlyItsEtagUntilRemoved(TestDatabase engine) {
        MultipartUploads uploads = open(engine);
        uploads.create(upload("u1", "k", T0));
        uploads.putPart("u1", part(1, PartPlace.OWN_OBJECT));
        uploads.claimDraftRange("u1", 1);

        assertThat(uploads.markCompleted("u1", "\"etag-1\"")).isTrue();
        assertThat(uploads.markCompleted("u1", "\"etag-2\"")).as("completed once").isFalse();

        assertThat(uploads.completedEtag("u1", "vod1-1250000000", "k")).contains("\"etag-1\"");
        assertThat(uploads.completedEtag("u1", "vod1-1250000000", "other")).isEmpty();
        assertThat(uploads.find("u1")).isEmpty();
        assertThat(uploads.parts("u1", 0, 10)).isEmpty();
        assertThat(uploads.putPart("u1", part(2, PartPlace.OWN_OBJECT))).isFalse();
        assertThat(uploads.list("vod1-1250000000", "", 10)).isEmpty();
        assertThat(uploads.startedBefore(T0.plusSeconds(1), 10)).extracting(MultipartUpload::uploadId).containsExactly("u1");
        assertThat(uploads.claimDraftRange("u1", 1)).as("claims went with the parts").isTrue();

        assertThat(uploads.remove("u1")).isTrue();
        assertThat(uploads.remove("u1")).isFalse();
        assertThat(uploads.completedEtag("u1", "vod1-1250000000", "k")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void thePartSizeAndTheRouteShouldBeSettledByTheFirstToSetThem(TestDatabase engine) {
        MultipartUploads uploads = open(engine);
        uploads.create(upload("u1", "k", T0));
        uploads.create(upload("u2", "k", T0));

        assertThat(uploads.partSize("u1")).isEmpty();
        assertThat(uploads.settlePartSize("u1", 5)).isEqualTo(5);
        assertThat(uploads.settlePartSize("u1", 7)).isEqualTo(5);
        assertThat(uploads.partSize("u1")).contains(5L);

        assertThat(uploads.route("u1")).isEmpty();
        assertThat(uploads.settleRoute("u1", new PartRoute.Native("store-a"))).contains(new PartRoute.Native("store-a"));
        assertThat(uploads.settleRoute("u1", new PartRoute.Native("store-b"))).contains(new PartRoute.Native("store-a"));
        assertThat(uploads.settleRoute("u1", PartRoute.OWN_OBJECTS)).contains(new PartRoute.Native("store-a"));
        assertThat(uploads.settleRoute("u2", PartRoute.OWN_OBJECTS)).contains(PartRoute.OWN_OBJECTS);
        assertThat(uploads.route("u2")).contains(PartRoute.OWN_OBJECTS);
        assertThat(uploads.settleRoute("nope", PartRoute.OWN_OBJECTS)).isEmpty();

        uploads.markCompleted("u1", "\"e\"");
        assertThat(uploads.route("u1")).as("only uploads in progress have a route").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDraftRangeShouldBeClaimedOnceUntilGivenBack(TestDatabase engine) {
        MultipartUploads uploads = open(engine);
        uploads.create(upload("u1", "k", T0));

        assertThat(uploads.claimDraftRange("u1", 1)).isTrue();
        assertThat(uploads.claimDraftRange("u1", 1)).isFalse();
        assertThat(uploads.claimDraftRange("u1", 2)).isTrue();
        uploads.releaseDraftRange("u1", 1);
        assertThat(uploads.claimDraftRange("u1", 1)).isTrue();

        uploads.remove("u1");
        uploads.create(upload("u1", "k", T0));
        assertThat(uploads.claimDraftRange("u1", 2)).as("removing the upload dropped its claims").isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theCompletionLeaseShouldHaveOneHolderUntilReleasedOrRunOut(TestDatabase engine) {
        MultipartUploads uploads = open(engine);
        uploads.create(upload("u1", "k", T0));
        Instant until = T0.plusSeconds(30);

        assertThat(uploads.leaseCompletion("u1", "a", until, T0)).isTrue();
        assertThat(uploads.leaseCompletion("u1", "b", until, T0.plusSeconds(10))).isFalse();
        assertThat(uploads.renewCompletion("u1", "a", T0.plusSeconds(60))).isTrue();
        assertThat(uploads.leaseCompletion("u1", "b", T0.plusSeconds(90), T0.plusSeconds(45))).as("renewed").isFalse();
        assertThat(uploads.leaseCompletion("u1", "b", T0.plusSeconds(90), T0.plusSeconds(61))).as("run out").isTrue();
        assertThat(uploads.renewCompletion("u1", "a", T0.plusSeconds(120))).as("a lost it").isFalse();

        uploads.releaseCompletion("u1", "a");
        assertThat(uploads.leaseCompletion("u1", "c", T0.plusSeconds(100), T0.plusSeconds(62))).as("a cannot release b's").isFalse();
        uploads.releaseCompletion("u1", "b");
        assertThat(uploads.leaseCompletion("u1", "c", T0.plusSeconds(100), T0.plusSeconds(62))).isTrue();

        uploads.markCompleted("u1", "\"e\"");
        assertThat(uploads.leaseCompletion("u1", "d", T0.plusSeconds(200), T0.plusSeconds(150))).as("completed").isFalse();
        assertThat(uploads.leaseCompletion("nope", "d", T0.plusSeconds(200), T0)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void ofManyNodesLeasingAtOnceExactlyOneShouldWin(TestDatabase engine) throws Exception {
        MultipartUploads uploads = open(engine);
        uploads.create(upload("u1", "k", T0));
        int n = 8;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> won = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            for (int i = 0; i < n; i++) {
                String holder = "node-" + i;
                won.add(pool.submit(() -> {
                    go.await();
                    return uploads.leaseCompletion("u1", holder, T0.plus(Duration.ofSeconds(30)), T0);
                }));
            }
            go.countDown();
            int winners = 0;
            for (Future<Boolean> f : won) {
                winners += f.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theSweeperShouldSeeTheOldestUploadsFirst(TestDatabase engine) {
        MultipartUploads uploads = open(engine);
        uploads.create(upload("new", "k", T0.plusSeconds(100)));
        uploads.create(upload("old", "k", T0));
        uploads.create(upload("mid", "k", T0.plusSeconds(50)));

        assertThat(uploads.startedBefore(T0.plusSeconds(100), 10)).extracting(MultipartUpload::uploadId).containsExactly("old", "mid");
        assertThat(uploads.startedBefore(T0.plusSeconds(101), 1)).extracting(MultipartUpload::uploadId).containsExactly("old");
    }
}
