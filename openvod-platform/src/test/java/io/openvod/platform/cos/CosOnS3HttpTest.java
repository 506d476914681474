package io.openvod.platform.cos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvod.platform.storage.s3.S3MockProcess;
import io.openvod.platform.storage.s3.S3ObjectStore;
import io.openvod.platform.testing.CosTestClient;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.TestClock;
import io.openvod.platform.testing.Uploads;
import io.openvod.platform.ugc.StorageLayout;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * COS uploads over real HTTP on a platform whose objects are in S3 (S3Mock): parts of 5 MiB or more
 * go straight into S3's own multipart upload and Complete is S3's; 1 MiB parts fall back to
 * objects of their own composed at Complete; retried and out-of-order parts, Abort, the sweeper,
 * and ranged GETs of what was stored.
 */
class CosOnS3HttpTest {
    private static final int MIB = 1024 * 1024;
    private static final String BUCKET = "cos-on-s3";
    private static final AtomicInteger PREFIXES = new AtomicInteger();

    @TempDir
    static Path dir;
    static S3MockProcess s3mock;
    static PlatformFixture platform;

    @BeforeAll
    static void start() {
        s3mock = S3MockProcess.shared();
        s3mock.createBucket(BUCKET);
        platform = onS3(dir.resolve("platform"), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    /** A platform whose objects are in a folder of their own of the bucket. */
    static PlatformFixture onS3(Path dir, Clock clock) {
        String prefix = "platform-" + PREFIXES.incrementAndGet();
        return PlatformFixture.startOn(dir, () -> S3ObjectStore.open(s3mock.settings(BUCKET, prefix)),
                new io.openvod.platform.config.UploadConfig(Duration.ofHours(1), Duration.ofHours(1), 1L << 34, 1L << 30,
                        Duration.ofHours(1), Duration.ofMinutes(15)), clock);
    }

    @Test
    void partsOfFiveMebibytesOrMoreGoStraightIntoS3sMultipartUpload() throws Exception {
        byte[] file = bytes(10 * MIB + 1234, 1);
        Upload u = apply(platform, file.length);
        String uploadId = u.cos.initiate(u.key);
        List<String> etags = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            etags.add(put(u, uploadId, n, slice(file, (n - 1) * 5 * MIB, 5 * MIB)));
        }

        assertThat(platform.store().list("_multipart/")).as("no part was written as an object").isEmpty();
        assertThat(openS3Uploads(u)).as("the parts are in S3's multipart upload of the object").hasSize(1);
        assertThat(u.cos.listParts(u.key, uploadId).body()).contains("<Size>" + (5 * MIB) + "</Size>", "<Size>1234</Size>");
        HttpResponse<String> done = u.cos.complete(u.key, uploadId, Uploads.completeXml(etags));

        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(done.body().replace("&quot;", "\"")).contains(Uploads.md5Hex(concatMd5s(file, 5 * MIB)) + "-3\"");
        assertStored(u, file);
        assertThat(openS3Uploads(u)).isEmpty();
        assertThat(platform.store().list("_multipart/")).isEmpty();
    }

    @Test
    void oneMebibytePartsFallBackToObjectsOfTheirOwnComposedAtComplete() throws Exception {
        byte[] file = bytes(2 * MIB + 500, 2);
        Upload u = apply(platform, file.length);
        String uploadId = u.cos.initiate(u.key);
        List<String> etags = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            etags.add(put(u, uploadId, n, slice(file, (n - 1) * MIB, MIB)));
        }

        assertThat(platform.store().list("_multipart/" + uploadId + "/"))
                .containsExactly("_multipart/" + uploadId + "/1", "_multipart/" + uploadId + "/2", "_multipart/" + uploadId + "/3");
        assertThat(openS3Uploads(u)).as("no S3 multipart upload was begun for small parts").isEmpty();
        HttpResponse<String> done = u.cos.complete(u.key, uploadId, Uploads.completeXml(etags));

        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertStored(u, file);
        assertThat(platform.store().list("_multipart/")).isEmpty();
        assertThat(openS3Uploads(u)).isEmpty();
    }

    @Test
    void aLastPartSentFirstIsCopiedInAndARetriedPartReplacesTheEarlierOne() throws Exception {
        byte[] file = bytes(10 * MIB + 77, 3);
        Upload u = apply(platform, file.length);
        String uploadId = u.cos.initiate(u.key);
        String[] etags = new String[3];
        etags[2] = put(u, uploadId, 3, slice(file, 10 * MIB, 77));
        assertThat(platform.store().list("_multipart/")).as("the short last part, before the part size is known")
                .containsExactly("_multipart/" + uploadId + "/3");
        put(u, uploadId, 1, bytes(5 * MIB, 99));
        etags[0] = put(u, uploadId, 1, slice(file, 0, 5 * MIB));
        etags[1] = put(u, uploadId, 2, slice(file, 5 * MIB, 5 * MIB));
        byte[] damaged = bytes(5 * MIB, 98);
        HttpResponse<String> badRetry = u.cos.put(u.key, damaged, CosTestClient.params("partNumber", "2", "uploadId", uploadId),
                Map.of("Content-MD5", Base64.getEncoder().encodeToString(md5(slice(file, 5 * MIB, 5 * MIB)))));
        UploadObjectRejectionsHttpTest.cosError(badRetry, 400, "BadDigest");

        HttpResponse<String> done = u.cos.complete(u.key, uploadId, Uploads.completeXml(List.of(etags)));

        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertStored(u, file);
        assertThat(platform.store().list("_multipart/")).isEmpty();
    }

    @Test
    void aSmallPartBetweenPartsThatWentToS3IsEntityTooSmall() {
        byte[] file = bytes(11 * MIB, 4);
        Upload u = apply(platform, file.length);
        String uploadId = u.cos.initiate(u.key);
        List<String> etags = List.of(put(u, uploadId, 1, slice(file, 0, 5 * MIB)), put(u, uploadId, 2, slice(file, 5 * MIB, MIB)),
                put(u, uploadId, 3, slice(file, 6 * MIB, 5 * MIB)));

        HttpResponse<String> done = u.cos.complete(u.key, uploadId, Uploads.completeXml(etags));

        UploadObjectRejectionsHttpTest.cosError(done, 400, "EntityTooSmall");
        assertThat(done.body()).contains("Part 2 has " + MIB + " bytes");
        assertThat(platform.store().stat(u.storeKey())).isEmpty();
        assertThat(u.cos.abort(u.key, uploadId).statusCode()).isEqualTo(204);
        assertThat(openS3Uploads(u)).isEmpty();
        assertThat(platform.store().list("_multipart/")).isEmpty();
    }

    @Test
    void anAbortEndsTheS3MultipartUploadToo() {
        Upload u = apply(platform, 6 * MIB);
        String uploadId = u.cos.initiate(u.key);
        put(u, uploadId, 1, bytes(5 * MIB, 5));
        assertThat(openS3Uploads(u)).hasSize(1);

        assertThat(u.cos.abort(u.key, uploadId).statusCode()).isEqualTo(204);

        assertThat(openS3Uploads(u)).isEmpty();
        UploadObjectRejectionsHttpTest.cosError(u.cos.putPart(u.key, uploadId, 2, bytes(MIB, 6)), 404, "NoSuchUpload");
        UploadObjectRejectionsHttpTest.cosError(u.cos.complete(u.key, uploadId, Uploads.completeXml(List.of("\"x\""))), 404,
                "NoSuchUpload");
        assertThat(platform.store().list("_multipart/")).isEmpty();
    }

    @Test
    void theSweeperAbortsTheS3MultipartUploadOfAnAbandonedUpload(@TempDir Path own) {
        TestClock clock = TestClock.atNow();
        try (PlatformFixture swept = onS3(own, clock)) {
            Upload u = apply(swept, 6 * MIB);
            String uploadId = u.cos.initiate(u.key);
            put(u, uploadId, 1, bytes(5 * MIB, 7));
            assertThat(openS3Uploads(u)).hasSize(1);

            clock.advance(Duration.ofHours(2));
            assertThat(swept.node().sweepNow()).isEqualTo(1);

            assertThat(openS3Uploads(u)).isEmpty();
            long rows = swept.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM multipart_uploads")
                    .mapTo(Long.class).one());
            assertThat(rows).isZero();
        }
    }

    @Test
    void aRangedGetServesOnlyTheBytesAskedFor() throws Exception {
        byte[] file = bytes(5 * MIB + 4321, 8);
        Upload u = apply(platform, file.length);
        String uploadId = u.cos.initiate(u.key);
        List<String> etags = List.of(put(u, uploadId, 1, slice(file, 0, 5 * MIB)), put(u, uploadId, 2, slice(file, 5 * MIB, 4321)));
        assertThat(u.cos.complete(u.key, uploadId, Uploads.completeXml(etags)).statusCode()).isEqualTo(200);
        URI uri = URI.create(platform.url() + "/" + u.cos.bucket() + "/" + u.key);
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<byte[]> across = http.send(HttpRequest.newBuilder(uri).header("Range", "bytes=5242000-5243999").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> tail = http.send(HttpRequest.newBuilder(uri).header("Range", "bytes=-100").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> whole = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(across.statusCode()).isEqualTo(206);
        assertThat(across.headers().firstValue("Content-Range")).contains("bytes 5242000-5243999/" + file.length);
        assertThat(across.body()).isEqualTo(Arrays.copyOfRange(file, 5242000, 5244000));
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(file, file.length - 100, file.length));
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(Uploads.sha256(new ByteArrayInputStream(whole.body()))).isEqualTo(Uploads.sha256(new ByteArrayInputStream(file)));
    }

    record Upload(CosTestClient cos, String key) {
        String storeKey() {
            return StorageLayout.storeKey(cos.bucket(), key);
        }
    }

    static Upload apply(PlatformFixture on, long size) {
        JsonNode data = Uploads.data(on.ugc("ApplyUploadUGC", Uploads.applyBody(on.signature(), "v", "mp4", size)));
        return new Upload(CosTestClient.forApply(on.url(), data), CosTestClient.key(data.get("video").get("storagePath").asText()));
    }

    static String put(Upload u, String uploadId, int n, byte[] body) {
        HttpResponse<String> response = u.cos.putPart(u.key, uploadId, n, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.headers().firstValue("ETag").orElseThrow();
    }

    /** The S3 multipart uploads in progress for the object of {@code u}. */
    static List<String> openS3Uploads(Upload u) {
        return s3mock.multipartUploadKeys(BUCKET).stream().filter(k -> k.endsWith("/" + u.storeKey())).toList();
    }

    private static void assertStored(Upload u, byte[] file) throws IOException {
        assertThat(platform.store().stat(u.storeKey()).orElseThrow().size()).isEqualTo(file.length);
        try (InputStream in = platform.store().read(u.storeKey(), 0, file.length)) {
            assertThat(Uploads.sha256(in)).isEqualTo(Uploads.sha256(new ByteArrayInputStream(file)));
        }
    }

    /** The MD5s of the file's parts of {@code partSize}, one after the other (what a multipart ETag digests). */
    private static byte[] concatMd5s(byte[] file, int partSize) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int offset = 0; offset < file.length; offset += partSize) {
            out.writeBytes(md5(slice(file, offset, partSize)));
        }
        return out.toByteArray();
    }

    static byte[] md5(byte[] bytes) {
        return java.util.HexFormat.of().parseHex(Uploads.md5Hex(bytes));
    }

    static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static byte[] slice(byte[] file, int offset, int length) {
        return Arrays.copyOfRange(file, offset, Math.min(file.length, offset + length));
    }
}
