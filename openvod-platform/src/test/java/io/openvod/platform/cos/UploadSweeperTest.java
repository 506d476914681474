package io.openvod.platform.cos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvod.platform.config.UploadConfig;
import io.openvod.platform.testing.CosTestClient;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.TestClock;
import io.openvod.platform.testing.Uploads;
import io.openvod.platform.ugc.SessionKeys;
import io.openvod.platform.ugc.StorageLayout;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweeper of abandoned uploads, on a platform whose clock the test moves: an expired session
 * goes with its credentials, multipart uploads, parts and objects; committed media and young
 * sessions stay; expired one-time-signature records are forgotten, unexpired ones kept.
 */
class UploadSweeperTest {
    private static final int MIB = 1024 * 1024;
    private static final Duration SESSION_VALIDITY = Duration.ofHours(1);
    /** Longer than a session lives, so only the session's end can stop its credentials. */
    private static final Duration CREDENTIAL_VALIDITY = Duration.ofHours(3);

    @TempDir
    static Path dir;
    static TestClock clock;
    static PlatformFixture platform;

    @BeforeAll
    static void start() {
        clock = TestClock.atNow();
        UploadConfig upload = new UploadConfig(CREDENTIAL_VALIDITY, SESSION_VALIDITY, 1L << 34, 1L << 30, Duration.ofHours(1),
                Duration.ofMinutes(15));
        platform = PlatformFixture.start(dir.resolve("platform"), upload, clock);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void anAbandonedSessionIsRemovedWithEverythingItWroteAndCommittedMediaStays() {
        long shortOnce = clock.instant().getEpochSecond();
        // A: abandoned. A one-time signature (expiring within the hour), a cover object, a
        // multipart upload with one part, and a second upload with none.
        String onceA = platform.signature(b -> b.oneTimeValid(true).currentTimeStamp(shortOnce).expireTime(shortOnce + 1800));
        JsonNode a = Uploads.data(platform.ugc("ApplyUploadUGC", Uploads.applyBody(onceA, "abandoned", "mp4", 2L * MIB)
                .put("coverName", "cover").put("coverType", "png").put("coverSize", 100)));
        CosTestClient cosA = CosTestClient.forApply(platform.url(), a);
        String videoA = CosTestClient.key(a.get("video").get("storagePath").asText());
        String coverA = CosTestClient.key(a.get("cover").get("storagePath").asText());
        ok(cosA.put(coverA, bytes(100, 1), Map.of(), Map.of()));
        String uploadA = cosA.initiate(videoA);
        ok(cosA.putPart(videoA, uploadA, 1, bytes(MIB, 2)));
        String emptyUploadA = cosA.initiate(videoA);

        // B: committed, with a one-time signature valid for ten hours, and a multipart upload of
        // its key left behind before the commit.
        long now = clock.instant().getEpochSecond();
        String onceB = platform.signature(b -> b.oneTimeValid(true).currentTimeStamp(now).expireTime(now + 36_000));
        JsonNode b = Uploads.data(platform.ugc("ApplyUploadUGC", Uploads.applyBody(onceB, "kept", "mp4", 100)));
        CosTestClient cosB = CosTestClient.forApply(platform.url(), b);
        String videoB = CosTestClient.key(b.get("video").get("storagePath").asText());
        String leftoverB = cosB.initiate(videoB);
        ok(cosB.putPart(videoB, leftoverB, 1, bytes(100, 3)));
        byte[] mediaB = bytes(100, 4);
        ok(cosB.put(videoB, mediaB, Map.of(), Map.of()));
        String fileIdB = Uploads.data(platform.ugc("CommitUploadUGC", PlatformFixture.json().put("signature", platform.signature())
                .put("vodSessionKey", b.get("vodSessionKey").asText()))).get("fileId").asText();
        assertThat(count("SELECT COUNT(*) FROM used_signatures")).isEqualTo(2);

        // C: applied half an hour later, so still young when A has expired.
        clock.advance(Duration.ofMinutes(30));
        JsonNode c = Uploads.data(platform.ugc("ApplyUploadUGC", Uploads.applyBody(platform.signature(), "young", "mp4", 100)));
        CosTestClient cosC = CosTestClient.forApply(platform.url(), c);
        String videoC = CosTestClient.key(c.get("video").get("storagePath").asText());
        String uploadC = cosC.initiate(videoC);

        clock.advance(Duration.ofMinutes(31));
        // A has expired: its credentials (which end with the session) are refused at once, before any
        // sweep, and it cannot be committed.
        cosError(cosA.put(coverA, bytes(100, 5), Map.of(), Map.of()), 403, "AccessDenied");
        assertThat(platform.ugc("CommitUploadUGC", PlatformFixture.json().put("signature", platform.signature())
                .put("vodSessionKey", a.get("vodSessionKey").asText())).get("code").asInt()).isEqualTo(10007);

        int removed = platform.node().sweepNow();

        assertThat(removed).as("session A (with its uploads) and B's leftover upload").isEqualTo(2);
        String hashA = SessionKeys.hash(a.get("vodSessionKey").asText());
        assertThat(count("SELECT COUNT(*) FROM upload_sessions WHERE session_hash = '" + hashA + "'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM temp_credentials WHERE session_hash = '" + hashA + "'")).isZero();
        for (String id : new String[] {uploadA, emptyUploadA, leftoverB}) {
            assertThat(count("SELECT COUNT(*) FROM multipart_uploads WHERE upload_id = '" + id + "'")).as(id).isZero();
            assertThat(count("SELECT COUNT(*) FROM multipart_parts WHERE upload_id = '" + id + "'")).as(id).isZero();
            assertThat(platform.store().list("_multipart/" + id)).as(id).isEmpty();
        }
        assertThat(platform.store().stat(StorageLayout.storeKey(cosA.bucket(), coverA))).isEmpty();
        assertThat(platform.store().list(cosA.bucket() + "/" + videoA.substring(0, videoA.lastIndexOf('/')))).isEmpty();
        cosError(cosA.put(coverA, bytes(100, 5), Map.of(), Map.of()), 403, "AccessDenied");
        cosError(cosA.listUploads(videoA), 403, "AccessDenied");

        // B's media, catalog entry and session record are untouched.
        assertThat(read(StorageLayout.storeKey(cosB.bucket(), videoB))).isEqualTo(mediaB);
        assertThat(platform.node().catalog().find(fileIdB)).isPresent();
        assertThat(count("SELECT COUNT(*) FROM upload_sessions WHERE state = 'COMMITTED' AND session_hash = '"
                + SessionKeys.hash(b.get("vodSessionKey").asText()) + "'")).isEqualTo(1);

        // C is young: its upload and credentials still work.
        assertThat(count("SELECT COUNT(*) FROM multipart_uploads WHERE upload_id = '" + uploadC + "'")).isEqualTo(1);
        ok(cosC.putPart(videoC, uploadC, 1, bytes(100, 6)));

        // A's one-time record expired and is gone; B's has hours left and stays (a replay is still refused).
        assertThat(count("SELECT COUNT(*) FROM used_signatures")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM used_signatures WHERE keep_until = " + Instant.ofEpochSecond(now + 36_000).toEpochMilli()))
                .isEqualTo(1);
        assertThat(platform.ugc("ApplyUploadUGC", Uploads.applyBody(onceB, "again", "mp4", 100)).get("code").asInt()).isEqualTo(10004);

        assertThat(platform.node().sweepNow()).as("a second sweep finds nothing").isZero();
    }

    private static void ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static void cosError(HttpResponse<String> response, int status, String code) {
        UploadObjectRejectionsHttpTest.cosError(response, status, code);
    }

    private static long count(String sql) {
        return platform.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static byte[] read(String storeKey) {
        long size = platform.store().stat(storeKey).orElseThrow().size();
        try (var in = platform.store().read(storeKey, 0, size)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }
}
