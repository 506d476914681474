package io.openvod.platform.cos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.qcloud.cos.COSClient;
import com.qcloud.cos.ClientConfig;
import com.qcloud.cos.auth.BasicSessionCredentials;
import com.qcloud.cos.endpoint.EndpointResolver;
import com.qcloud.cos.exception.CosServiceException;
import com.qcloud.cos.http.HttpProtocol;
import com.qcloud.cos.model.COSObject;
import com.qcloud.cos.model.GetObjectRequest;
import com.qcloud.cos.model.ObjectMetadata;
import com.qcloud.cos.model.PutObjectRequest;
import com.qcloud.cos.model.PutObjectResult;
import com.qcloud.cos.model.UploadResult;
import com.qcloud.cos.region.Region;
import com.qcloud.cos.transfer.TransferManager;
import com.qcloud.cos.transfer.TransferManagerConfiguration;
import io.openvod.platform.media.TestClips;
import io.openvod.platform.testing.CosTestClient;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.Uploads;
import io.openvod.platform.ugc.StorageLayout;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conformance with Tencent's own Java COS client ({@code com.qcloud:cos_api}), unmodified: it
 * connects to the platform on loopback while its {@code Host} header (which it signs) stays the
 * virtual-host name {@code <bucket>-<appid>.cos.<region>.myqcloud.com}, so the platform routes
 * and verifies exactly what the client would send to COS. The temporary credentials are those
 * of an ApplyUploadUGC answer; the upload is committed through the UGC API afterwards.
 */
class CosApiConformanceTest {
    private static final long MIB = 1024 * 1024;
    private static final long VIDEO_SIZE = 12 * MIB + 123;
    private static final long COVER_SIZE = 48_000 + 7;
    private static final long PART_SIZE = 5 * MIB;

    @TempDir
    static Path dir;
    static Path video;
    static Path cover;
    static PlatformFixture platform;
    static int port;

    @BeforeAll
    static void start() {
        video = TestClips.bytes(dir.resolve("video.mp4"), VIDEO_SIZE, 20_240_601L);
        cover = TestClips.bytes(dir.resolve("cover.jpg"), COVER_SIZE, 7L);
        platform = PlatformFixture.start(dir.resolve("platform"));
        port = URI.create(platform.url()).getPort();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void putObjectAndTransferManagerMultipartUploadAreCommittedWithTheExactBytes() throws Exception {
        JsonNode apply = apply();
        String bucket = bucket(apply);
        String videoKey = CosTestClient.key(apply.get("video").get("storagePath").asText());
        String coverKey = CosTestClient.key(apply.get("cover").get("storagePath").asText());
        COSClient cos = client(apply, secretKey(apply), c -> { });
        try {
            PutObjectResult put = cos.putObject(new PutObjectRequest(bucket, coverKey, cover.toFile()));
            assertThat(put.getETag()).isEqualTo(Uploads.md5Hex(Files.readAllBytes(cover)));
            assertThat(put.getRequestId()).isNotBlank();

            ExecutorService pool = Executors.newFixedThreadPool(4);
            TransferManager transfers = new TransferManager(cos, pool);
            try {
                TransferManagerConfiguration config = new TransferManagerConfiguration();
                config.setMultipartUploadThreshold(PART_SIZE);
                config.setMinimumUploadPartSize(PART_SIZE);
                transfers.setConfiguration(config);
                UploadResult uploaded = transfers.upload(new PutObjectRequest(bucket, videoKey, video.toFile())).waitForUploadResult();
                assertThat(uploaded.getKey()).isEqualTo(videoKey);
                assertThat(uploaded.getETag()).as("a multipart ETag names its part count").endsWith("-3");
            } finally {
                transfers.shutdownNow(false);
            }

            JsonNode committed = Uploads.data(platform.ugc("CommitUploadUGC", PlatformFixture.json()
                    .put("signature", platform.signature()).put("vodSessionKey", apply.get("vodSessionKey").asText())));
            assertThat(committed.get("fileId").asText()).matches("[0-9]{19}");
            assertThat(committed.get("cover").get("url").asText()).endsWith("/" + coverKey);
            assertStored(bucket, videoKey, video);
            assertStored(bucket, coverKey, cover);

            ObjectMetadata head = cos.getObjectMetadata(bucket, videoKey);
            assertThat(head.getContentLength()).isEqualTo(VIDEO_SIZE);

            GetObjectRequest ranged = new GetObjectRequest(bucket, videoKey);
            ranged.setRange(5 * MIB - 100, 5 * MIB + 99);
            try (COSObject object = cos.getObject(ranged); InputStream in = object.getObjectContent()) {
                assertThat(in.readAllBytes()).isEqualTo(Uploads.slice(video, 5 * MIB - 100, 200));
                assertThat(object.getObjectMetadata().getContentLength()).isEqualTo(200);
                assertThat(object.getObjectMetadata().getInstanceLength()).isEqualTo(VIDEO_SIZE);
            }
            GetObjectRequest tail = new GetObjectRequest(bucket, videoKey);
            tail.setRange(VIDEO_SIZE - 50, VIDEO_SIZE + 1000);
            try (COSObject object = cos.getObject(tail); InputStream in = object.getObjectContent()) {
                assertThat(in.readAllBytes()).as("a last position past the end is clamped")
                        .isEqualTo(Uploads.slice(video, VIDEO_SIZE - 50, 50));
            }
            try (COSObject object = cos.getObject(bucket, coverKey); InputStream in = object.getObjectContent()) {
                assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(cover));
            }
        } finally {
            cos.shutdown();
        }
    }

    @Test
    void aWrongTemporarySecretKeyIsSignatureDoesNotMatch() {
        JsonNode apply = apply();
        String coverKey = CosTestClient.key(apply.get("cover").get("storagePath").asText());
        COSClient cos = client(apply, secretKey(apply) + "x", c -> c.setMaxErrorRetry(0));
        try {
            CosServiceException e = catchThrowableOfType(CosServiceException.class,
                    () -> cos.putObject(new PutObjectRequest(bucket(apply), coverKey, video.toFile())));
            assertThat(e.getStatusCode()).isEqualTo(403);
            assertThat(e.getErrorCode()).isEqualTo("SignatureDoesNotMatch");
            assertThat(e.getRequestId()).as("x-cos-request-id").isNotBlank();
        } finally {
            cos.shutdown();
        }
        assertThat(platform.store().stat(StorageLayout.storeKey(bucket(apply), coverKey))).isEmpty();
    }

    /** The refusal comes before the 12 MiB body is read; the client still gets the COS error, not a reset. */
    @Test
    void aKeyOutsideTheUploadIsAccessDenied() {
        JsonNode apply = apply();
        String videoKey = CosTestClient.key(apply.get("video").get("storagePath").asText());
        String otherKey = videoKey.substring(0, videoKey.lastIndexOf('/') + 1) + "not-mine.mp4";
        COSClient cos = client(apply, secretKey(apply), c -> c.setMaxErrorRetry(0));
        try {
            CosServiceException e = catchThrowableOfType(CosServiceException.class,
                    () -> cos.putObject(new PutObjectRequest(bucket(apply), otherKey, video.toFile())));
            assertThat(e.getStatusCode()).isEqualTo(403);
            assertThat(e.getErrorCode()).isEqualTo("AccessDenied");
            assertThat(e.getRequestId()).as("x-cos-request-id").isNotBlank();
        } finally {
            cos.shutdown();
        }
        assertThat(platform.store().stat(StorageLayout.storeKey(bucket(apply), otherKey))).isEmpty();
    }

    @Test
    void headMissingObjectsAndUnsatisfiableRangesAnswerAsCos() throws Exception {
        JsonNode apply = apply();
        String bucket = bucket(apply);
        String coverKey = CosTestClient.key(apply.get("cover").get("storagePath").asText());
        COSClient cos = client(apply, secretKey(apply), c -> c.setMaxErrorRetry(0));
        try {
            cos.putObject(new PutObjectRequest(bucket, coverKey, cover.toFile()));
            assertThat(cos.getObjectMetadata(bucket, coverKey).getContentLength()).isEqualTo(COVER_SIZE);
            assertThat(cos.doesObjectExist(bucket, coverKey)).isTrue();
            assertThat(cos.doesObjectExist(bucket, coverKey + ".missing")).isFalse();
            CosServiceException headMissing = catchThrowableOfType(CosServiceException.class,
                    () -> cos.getObjectMetadata(bucket, coverKey + ".missing"));
            assertThat(headMissing.getStatusCode()).isEqualTo(404);
            assertThat(headMissing.getRequestId()).isNotBlank();

            GetObjectRequest beyond = new GetObjectRequest(bucket, coverKey);
            beyond.setRange(COVER_SIZE, COVER_SIZE + 10);
            CosServiceException unsatisfiable = catchThrowableOfType(CosServiceException.class, () -> cos.getObject(beyond));
            assertThat(unsatisfiable.getStatusCode()).isEqualTo(416);
            assertThat(unsatisfiable.getErrorCode()).isEqualTo("InvalidRange");
        } finally {
            cos.shutdown();
        }
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create(platform.url() + "/" + bucket + "/" + coverKey);

        HttpResponse<Void> head = http.send(HttpRequest.newBuilder(uri).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).contains(Long.toString(COVER_SIZE));
        assertThat(head.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(head.headers().firstValue("Accept-Ranges")).contains("bytes");
        assertThat(head.headers().firstValue("Last-Modified")).isPresent();
        assertThat(head.headers().firstValue("x-cos-request-id")).isPresent();

        HttpResponse<Void> missing = http.send(HttpRequest.newBuilder(URI.create(uri + ".missing"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("x-cos-request-id")).isPresent();

        HttpResponse<String> beyond = http.send(HttpRequest.newBuilder(uri).header("Range", "bytes=" + COVER_SIZE + "-").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("Content-Range")).contains("bytes */" + COVER_SIZE);
        assertThat(beyond.headers().firstValue("x-cos-request-id")).isPresent();
        assertThat(beyond.body()).contains("<Code>InvalidRange</Code>");

        HttpResponse<String> tooLong = http.send(HttpRequest.newBuilder(URI.create(platform.url() + "/" + bucket + "/"
                + "k".repeat(1100))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("<Code>KeyTooLong</Code>");
        assertThat(tooLong.headers().firstValue("x-cos-request-id")).as("a refused address has a request id too").isPresent();
    }

    /** A new upload of the video and the cover. */
    private static JsonNode apply() {
        var body = Uploads.applyBody(platform.signature(), "cos api conformance", "mp4", VIDEO_SIZE);
        body.put("coverName", "poster").put("coverType", "jpg").put("coverSize", COVER_SIZE);
        JsonNode data = Uploads.data(platform.ugc("ApplyUploadUGC", body));
        assertThat(data.get("storageRegionV5").asText()).isEqualTo("ap-guangzhou");
        return data;
    }

    private static String bucket(JsonNode apply) {
        return apply.get("storageBucket").asText() + "-" + apply.get("storageAppId").asLong();
    }

    private static String secretKey(JsonNode apply) {
        return apply.get("tempCertificate").get("secretKey").asText();
    }

    /**
     * A cos_api client with the Apply answer's temporary credentials; every request connects to
     * the platform, with the virtual-host {@code Host} header cos_api builds for the region.
     */
    private static COSClient client(JsonNode apply, String secretKey, Consumer<ClientConfig> customize) {
        JsonNode cert = apply.get("tempCertificate");
        BasicSessionCredentials credentials = new BasicSessionCredentials(cert.get("secretId").asText(), secretKey,
                cert.get("token").asText());
        ClientConfig config = new ClientConfig(new Region(apply.get("storageRegionV5").asText()));
        config.setHttpProtocol(HttpProtocol.http);
        config.setEndpointResolver(new EndpointResolver() {
            @Override
            public String resolveGeneralApiEndpoint(String generalApiEndpoint) {
                return "127.0.0.1:" + port;
            }

            @Override
            public String resolveGetServiceApiEndpoint(String getServiceApiEndpoint) {
                return "127.0.0.1:" + port;
            }
        });
        customize.accept(config);
        return new COSClient(credentials, config);
    }

    private static void assertStored(String bucket, String key, Path source) throws Exception {
        long size = Files.size(source);
        try (InputStream stored = platform.store().read(StorageLayout.storeKey(bucket, key), 0, size)) {
            assertThat(Uploads.sha256(stored)).isEqualTo(Uploads.sha256(source));
        }
        assertThat(platform.store().stat(StorageLayout.storeKey(bucket, key)).orElseThrow().size()).isEqualTo(size);
    }
}
