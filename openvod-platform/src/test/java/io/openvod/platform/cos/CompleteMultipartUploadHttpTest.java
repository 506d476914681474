package io.openvod.platform.cos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvod.platform.testing.CosTestClient;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.Uploads;
import io.openvod.platform.ugc.StorageLayout;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Complete Multipart Upload over real HTTP: its {@code Content-MD5} is checked against the body,
 * and repeated or concurrent Completes of one upload all answer the same result.
 */
class CompleteMultipartUploadHttpTest {
    private static final int MIB = 1024 * 1024;
    private static final Pattern ETAG = Pattern.compile("<ETag>([^<]+)</ETag>");
    private static final Pattern CODE = Pattern.compile("<Error>\\s*<Code>([^<]+)</Code>");

    @TempDir
    static Path dir;
    static PlatformFixture platform;

    @BeforeAll
    static void start() {
        platform = PlatformFixture.start(dir.resolve("platform"));
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void aWrongContentMd5IsBadDigestAndDoesNotComplete() {
        Upload u = uploadTwoParts(1);
        String xml = Uploads.completeXml(u.etags());

        assertError(complete(u, xml, contentMd5("something else".getBytes(StandardCharsets.UTF_8))), 400, "BadDigest");
        assertThat(platform.store().stat(u.storeKey())).as("nothing was published").isEmpty();
        assertThat(u.cos().listParts(u.key(), u.uploadId()).body()).as("the upload is still open").contains("<Part>");

        HttpResponse<String> done = complete(u, xml, contentMd5(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(read(u)).isEqualTo(u.bytes());
    }

    @Test
    void anUnparseableContentMd5IsInvalidDigestAndDoesNotComplete() {
        Upload u = uploadTwoParts(2);
        String xml = Uploads.completeXml(u.etags());
        String sixBytes = Base64.getEncoder().encodeToString(new byte[6]);
        for (String garbage : List.of("not base64 at all!", sixBytes, "%%%%%%%%%%%%%%%%%%%%%%==")) {
            assertError(complete(u, xml, garbage), 400, "InvalidDigest");
        }
        assertThat(platform.store().stat(u.storeKey())).as("nothing was published").isEmpty();

        HttpResponse<String> done = complete(u, xml, null);
        assertThat(done.statusCode()).as("without Content-MD5 the body is not checked: " + done.body()).isEqualTo(200);
        assertThat(read(u)).isEqualTo(u.bytes());
    }

    @Test
    void concurrentAndRepeatedCompletesAllAnswerTheSameResult() throws Exception {
        Upload u = uploadTwoParts(3);
        String xml = Uploads.completeXml(u.etags());
        String md5 = contentMd5(xml.getBytes(StandardCharsets.UTF_8));
        int n = 8;
        List<HttpResponse<String>> answers = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return complete(u, xml, md5);
                }));
            }
            go.countDown();
            for (Future<HttpResponse<String>> f : futures) {
                answers.add(f.get());
            }
        }
        answers.add(complete(u, xml, md5));

        String expected = multipartEtagOf(u);
        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("<Key>" + u.key() + "</Key>");
            Matcher etag = ETAG.matcher(answer.body().replace("&quot;", "\""));
            assertThat(etag.find()).as(answer.body()).isTrue();
            assertThat(etag.group(1)).isEqualTo(expected);
        }
        assertThat(read(u)).isEqualTo(u.bytes());

        String otherListing = Uploads.completeXml(List.of(u.etags().getFirst()));
        assertError(complete(u, otherListing, null), 400, "InvalidPart");
        assertThat(read(u)).as("a different listing after success changes nothing").isEqualTo(u.bytes());
        assertError(u.cos().putPart(u.key(), u.uploadId(), 1, u.bytes()), 404, "NoSuchUpload");
        assertThat(u.cos().listUploads(u.key()).body()).as("a completed upload is no longer listed").doesNotContain(u.uploadId());
    }

    /** An upload of a 1 MiB part and a 10-byte part, not yet completed. */
    record Upload(CosTestClient cos, String key, String uploadId, List<String> etags, byte[] bytes) {
        String storeKey() {
            return StorageLayout.storeKey(cos.bucket(), key);
        }
    }

    static Upload uploadTwoParts(long seed) {
        byte[] bytes = bytes(MIB + 10, seed);
        JsonNode apply = Uploads.data(platform.ugc("ApplyUploadUGC", Uploads.applyBody(platform.signature(), "v", "mp4", bytes.length)));
        CosTestClient cos = CosTestClient.forApply(platform.url(), apply);
        String key = CosTestClient.key(apply.get("video").get("storagePath").asText());
        String uploadId = cos.initiate(key);
        List<String> etags = new ArrayList<>();
        etags.add(put(cos, key, uploadId, 1, java.util.Arrays.copyOfRange(bytes, 0, MIB)));
        etags.add(put(cos, key, uploadId, 2, java.util.Arrays.copyOfRange(bytes, MIB, bytes.length)));
        return new Upload(cos, key, uploadId, etags, bytes);
    }

    private static String put(CosTestClient cos, String key, String uploadId, int n, byte[] part) {
        HttpResponse<String> response = cos.putPart(key, uploadId, n, part);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.headers().firstValue("ETag").orElseThrow();
    }

    static HttpResponse<String> complete(Upload u, String xml, String contentMd5) {
        Map<String, String> headers = contentMd5 == null ? Map.of("content-type", "application/xml")
                : Map.of("content-type", "application/xml", "content-md5", contentMd5);
        return u.cos().send("POST", "/" + u.key(), CosTestClient.params("uploadId", u.uploadId()), headers,
                HttpRequest.BodyPublishers.ofString(xml));
    }

    static void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        Matcher m = CODE.matcher(response.body());
        assertThat(m.find()).as(response.body()).isTrue();
        assertThat(m.group(1)).isEqualTo(code);
    }

    /** The S3-style ETag of the upload's two parts. */
    static String multipartEtagOf(Upload u) throws Exception {
        MessageDigest all = MessageDigest.getInstance("MD5");
        all.update(md5(java.util.Arrays.copyOfRange(u.bytes(), 0, MIB)));
        all.update(md5(java.util.Arrays.copyOfRange(u.bytes(), MIB, u.bytes().length)));
        return "\"" + java.util.HexFormat.of().formatHex(all.digest()) + "-2\"";
    }

    static byte[] read(Upload u) {
        long size = platform.store().stat(u.storeKey()).orElseThrow().size();
        try (InputStream in = platform.store().read(u.storeKey(), 0, size)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static String contentMd5(byte[] body) {
        return Base64.getEncoder().encodeToString(md5(body));
    }

    private static byte[] md5(byte[] body) {
        try {
            return MessageDigest.getInstance("MD5").digest(body);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }
}
