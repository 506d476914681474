package io.openvod.platform.cloudapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.core.trace.Tracing;
import io.openvod.platform.media.FfmpegTools;
import io.openvod.platform.media.MediaProbe;
import io.openvod.platform.media.ProbeInspector;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.ugc.SignatureCheck;
import io.openvod.platform.ugc.StorageLayout;
import io.openvod.platform.ugc.UgcService;
import io.openvod.platform.ugc.UploadCommitter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The media actions on a running test platform's database and objects, called directly with a
 * {@link CloudCall} of the platform's account, as the API 3.0 front door calls them.
 */
final class MediaActionsFixture {
    static final String REGION = "ap-guangzhou";
    private static final ObjectMapper JSON = new ObjectMapper();

    final PlatformFixture platform;
    final DescribeMediaInfosAction describe;
    final DeleteMediaAction delete;
    final ApplyUploadAction apply;
    final CommitUploadAction commit;

    MediaActionsFixture(PlatformFixture platform) {
        this.platform = platform;
        Clock clock = Clock.systemUTC();
        var catalog = platform.node().catalog();
        SignatureCheck signatures = new SignatureCheck(platform.keys(), platform.stores().replays(), clock, Duration.ofMinutes(5),
                Duration.ofDays(90), 32768);
        UgcService ugc = new UgcService(signatures, platform.stores().sessions(), catalog, PlatformFixture.defaultUpload(), REGION,
                URI.create(platform.url()).getHost(), clock,
                Tracing.local("openvod-platform"));
        UploadCommitter committer = new UploadCommitter(signatures, ugc, platform.store(), catalog,
                new ProbeInspector(new MediaProbe(FfmpegTools.bundled()), platform.store()), new StorageLayout(platform.url()), clock);
        this.describe = new DescribeMediaInfosAction(catalog);
        this.delete = new DeleteMediaAction(catalog, platform.store(), Tracing.local("openvod-platform"));
        this.apply = new ApplyUploadAction(ugc, REGION);
        this.commit = new CommitUploadAction(committer);
    }

    /** A call by the platform's configured key. */
    CloudCall call() {
        return new CloudCall(PlatformFixture.APP_ID, PlatformFixture.SECRET_ID, UUID.randomUUID().toString(),
                (appId, requested) -> platform.keys().resolveSubApp(appId, Optional.ofNullable(requested)));
    }

    static ObjectNode request(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static JsonNode tree(String json) {
        return request(json);
    }
}
