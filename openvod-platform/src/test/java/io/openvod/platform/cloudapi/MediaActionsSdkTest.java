package io.openvod.platform.cloudapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.qcloud.cos.COSClient;
import com.qcloud.cos.ClientConfig;
import com.qcloud.cos.auth.BasicSessionCredentials;
import com.qcloud.cos.endpoint.EndpointResolver;
import com.qcloud.cos.http.HttpProtocol;
import com.qcloud.cos.model.PutObjectRequest;
import com.qcloud.cos.region.Region;
import com.qcloud.cos.transfer.TransferManager;
import com.qcloud.cos.transfer.TransferManagerConfiguration;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.vod.v20180717.VodClient;
import com.tencentcloudapi.vod.v20180717.models.ApplyUploadRequest;
import com.tencentcloudapi.vod.v20180717.models.ApplyUploadResponse;
import com.tencentcloudapi.vod.v20180717.models.CommitUploadRequest;
import com.tencentcloudapi.vod.v20180717.models.CommitUploadResponse;
import com.tencentcloudapi.vod.v20180717.models.DeleteMediaRequest;
import com.tencentcloudapi.vod.v20180717.models.DescribeMediaInfosRequest;
import com.tencentcloudapi.vod.v20180717.models.DescribeMediaInfosResponse;
import com.tencentcloudapi.vod.v20180717.models.MediaInfo;
import io.openvod.platform.catalog.Media;
import io.openvod.platform.catalog.StoredEvent;
import io.openvod.platform.media.TestClips;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.Uploads;
import io.openvod.platform.ugc.StorageLayout;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DescribeMediaInfos, DeleteMedia and the server-side upload (ApplyUpload, the bytes with
 * Tencent's {@code cos_api}, CommitUpload) through Tencent's own Java SDK ({@code VodClient})
 * against a platform on loopback.
 */
class MediaActionsSdkTest {
    private static final long MIB = 1024 * 1024;

    @TempDir
    static Path dir;
    static PlatformFixture platform;
    static VodClient vod;
    static Path clip;

    @BeforeAll
    static void start() {
        platform = PlatformFixture.start(dir.resolve("platform"));
        HttpProfile http = new HttpProfile();
        http.setEndpoint("127.0.0.1:" + platform.node().port());
        http.setProtocol(HttpProfile.REQ_HTTP);
        ClientProfile profile = new ClientProfile();
        profile.setHttpProfile(http);
        vod = new VodClient(new Credential(PlatformFixture.SECRET_ID, PlatformFixture.SECRET_KEY), "ap-guangzhou", profile);
        clip = TestClips.mp4(dir.resolve("clip.mp4"), Duration.ofSeconds(2), 320, 240);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void describeMediaInfosAnswersTheCatalogAndListsUnknownFileIds() throws Exception {
        String fileId = Uploads.uploadSmall(platform, Files.readAllBytes(clip), b -> b.sourceContext("sdk")).get("fileId").asText();
        DescribeMediaInfosRequest request = new DescribeMediaInfosRequest();
        request.setFileIds(new String[] {fileId, "5000000000000000001"});
        DescribeMediaInfosResponse answer = vod.DescribeMediaInfos(request);

        assertThat(answer.getRequestId()).isNotBlank();
        assertThat(answer.getNotExistFileIdSet()).containsExactly("5000000000000000001");
        assertThat(answer.getMediaInfoSet()).hasSize(1);
        MediaInfo info = answer.getMediaInfoSet()[0];
        assertThat(info.getFileId()).isEqualTo(fileId);
        assertThat(info.getBasicInfo().getType()).isEqualTo("mp4");
        assertThat(info.getBasicInfo().getClassId()).isZero();
        assertThat(info.getBasicInfo().getSourceInfo().getSourceContext()).isEqualTo("sdk");
        assertThat(info.getBasicInfo().getExpireTime()).isEqualTo("9999-12-31T23:59:59Z");
        assertThat(info.getMetaData().getWidth()).isEqualTo(320L);
        assertThat(info.getMetaData().getHeight()).isEqualTo(240L);
        assertThat(info.getMetaData().getSize()).isEqualTo(Files.size(clip));
        assertThat(info.getMetaData().getDuration()).isBetween(1.9f, 2.1f);
        assertThat(info.getMetaData().getVideoStreamSet()[0].getFps()).isEqualTo(25L);
        assertThat(info.getTranscodeInfo()).isNull();

        request.setFilters(new String[] {"basicInfo"});
        MediaInfo basicOnly = vod.DescribeMediaInfos(request).getMediaInfoSet()[0];
        assertThat(basicOnly.getBasicInfo()).isNotNull();
        assertThat(basicOnly.getMetaData()).isNull();

        DescribeMediaInfosRequest tooMany = new DescribeMediaInfosRequest();
        tooMany.setFileIds(java.util.stream.IntStream.range(0, 21).mapToObj(Integer::toString).toArray(String[]::new));
        assertThat(catchThrowableOfType(TencentCloudSDKException.class, () -> vod.DescribeMediaInfos(tooMany)).getErrorCode())
                .isEqualTo("InvalidParameterValue.FileIdsTooMany");
    }

    @Test
    void deleteMediaRemovesItWritesFileDeletedAndAnUnknownFileIdIsFileNotExist() throws Exception {
        String fileId = Uploads.uploadSmall(platform, "bytes to delete".getBytes(), b -> b).get("fileId").asText();
        Media media = platform.node().catalog().find(fileId).orElseThrow();
        DeleteMediaRequest delete = new DeleteMediaRequest();
        delete.setFileId(fileId);
        assertThat(vod.DeleteMedia(delete).getRequestId()).isNotBlank();

        DescribeMediaInfosRequest describe = new DescribeMediaInfosRequest();
        describe.setFileIds(new String[] {fileId});
        DescribeMediaInfosResponse answer = vod.DescribeMediaInfos(describe);
        assertThat(answer.getMediaInfoSet()).isEmpty();
        assertThat(answer.getNotExistFileIdSet()).containsExactly(fileId);
        assertThat(platform.store().stat(StorageLayout.storeKey(media.bucket(), media.mediaKey()))).isEmpty();
        assertThat(platform.node().catalog().events(fileId)).extracting(StoredEvent::event)
                .extracting(e -> e.eventType()).containsExactly("NewFileUpload", "FileDeleted");

        TencentCloudSDKException again = catchThrowableOfType(TencentCloudSDKException.class, () -> vod.DeleteMedia(delete));
        assertThat(again.getErrorCode()).isEqualTo("ResourceNotFound.FileNotExist");
        assertThat(again.getRequestId()).isNotBlank();
    }

    @Test
    void serverSideUploadWithApplyUploadCosApiAndCommitUpload() throws Exception {
        Path video = TestClips.ffmpeg(dir.resolve("long.mp4"), java.util.List.of("-f", "lavfi", "-i",
                "testsrc2=duration=4:size=640x360:rate=25", "-f", "lavfi", "-i", "anoisesrc=d=4", "-c:v", "libx264",
                "-preset", "ultrafast", "-b:v", "12M", "-c:a", "aac", "-shortest", "-y", dir.resolve("long.mp4").toString()));
        assertThat(Files.size(video)).as("big enough for a multipart upload").isGreaterThan(MIB + 1);
        Path cover = TestClips.bytes(dir.resolve("cover.jpg"), 20_000, 3L);

        ApplyUploadRequest apply = new ApplyUploadRequest();
        apply.setMediaType("mp4");
        apply.setMediaName("server side");
        apply.setCoverType("jpg");
        apply.setSourceContext("from the server");
        ApplyUploadResponse applied = vod.ApplyUpload(apply);
        String bucket = applied.getStorageBucket();
        assertThat(bucket).isEqualTo("vod" + PlatformFixture.APP_ID + "-" + PlatformFixture.APP_ID);
        assertThat(applied.getTempCertificate().getExpiredTime()).isGreaterThan(System.currentTimeMillis() / 1000);

        // As Tencent's server SDK does: the COS client with the temporary credentials, the bucket and
        // the storage paths exactly as answered.
        COSClient cos = cos(applied);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        TransferManager transfers = new TransferManager(cos, pool);
        try {
            TransferManagerConfiguration config = new TransferManagerConfiguration();
            config.setMultipartUploadThreshold(MIB);
            config.setMinimumUploadPartSize(MIB);
            transfers.setConfiguration(config);
            transfers.upload(new PutObjectRequest(bucket, applied.getMediaStoragePath(), video.toFile())).waitForUploadResult();
            transfers.upload(new PutObjectRequest(bucket, applied.getCoverStoragePath(), cover.toFile())).waitForUploadResult();
        } finally {
            transfers.shutdownNow(true);
        }

        CommitUploadRequest commit = new CommitUploadRequest();
        commit.setVodSessionKey(applied.getVodSessionKey());
        CommitUploadResponse committed = vod.CommitUpload(commit);
        assertThat(committed.getFileId()).matches("[0-9]{19}");
        assertThat(committed.getMediaUrl()).isEqualTo(platform.url() + "/" + bucket + applied.getMediaStoragePath());
        assertThat(committed.getCoverUrl()).isEqualTo(platform.url() + "/" + bucket + applied.getCoverStoragePath());

        Media media = platform.node().catalog().find(committed.getFileId()).orElseThrow();
        assertThat(media.name()).isEqualTo("server side");
        assertThat(media.sourceContext()).isEqualTo("from the server");
        assertThat(media.size()).isEqualTo(Files.size(video));
        try (InputStream stored = platform.store().read(StorageLayout.storeKey(bucket, media.mediaKey()), 0, media.size())) {
            assertThat(Uploads.sha256(stored)).isEqualTo(Uploads.sha256(video));
        }
        DescribeMediaInfosRequest describe = new DescribeMediaInfosRequest();
        describe.setFileIds(new String[] {committed.getFileId()});
        assertThat(vod.DescribeMediaInfos(describe).getMediaInfoSet()[0].getMetaData().getWidth()).isEqualTo(640L);

        CommitUploadRequest unknown = new CommitUploadRequest();
        unknown.setVodSessionKey("no-such-session");
        assertThat(catchThrowableOfType(TencentCloudSDKException.class, () -> vod.CommitUpload(unknown)).getErrorCode())
                .isEqualTo("InvalidParameterValue.VodSessionKey");
    }

    /** Tencent's COS client for an ApplyUpload answer, connecting to the platform by virtual host. */
    private static COSClient cos(ApplyUploadResponse applied) {
        var cert = applied.getTempCertificate();
        ClientConfig config = new ClientConfig(new Region(applied.getStorageRegion()));
        config.setHttpProtocol(HttpProtocol.http);
        String endpoint = "127.0.0.1:" + platform.node().port();
        config.setEndpointResolver(new EndpointResolver() {
            @Override
            public String resolveGeneralApiEndpoint(String generalApiEndpoint) {
                return endpoint;
            }

            @Override
            public String resolveGetServiceApiEndpoint(String getServiceApiEndpoint) {
                return endpoint;
            }
        });
        return new COSClient(new BasicSessionCredentials(cert.getSecretId(), cert.getSecretKey(), cert.getToken()), config);
    }
}
