package io.openvod.server.platform;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.openvod.core.metrics.ServiceMetrics;
import io.openvod.platform.account.ApiKey;
import io.openvod.platform.account.ApiKeys;
import io.openvod.platform.config.PlatformConfig;
import io.openvod.platform.config.ReviewConfig;
import io.openvod.platform.config.StorageConfig;
import io.openvod.platform.flow.JointStep;
import io.openvod.platform.flow.TaskStep;
import io.openvod.platform.flow.steps.AdaptiveDynamicStreamingStep;
import io.openvod.platform.flow.steps.CoverBySnapshotStep;
import io.openvod.platform.flow.steps.PornReviewStep;
import io.openvod.platform.flow.steps.RenditionLadder;
import io.openvod.platform.flow.steps.ReviewAudioVideoStep;
import io.openvod.platform.flow.steps.SampleSnapshotStep;
import io.openvod.platform.flow.steps.SnapshotByTimeOffsetStep;
import io.openvod.platform.flow.steps.TranscodeStep;
import io.openvod.platform.media.FfmpegTools;
import io.openvod.platform.media.MediaProbe;
import io.openvod.platform.media.ProbeInspector;
import io.openvod.platform.review.ContentReviewer;
import io.openvod.platform.review.HttpContentReviewer;
import io.openvod.platform.review.NsfwjsSidecar;
import io.openvod.platform.review.OnnxContentReviewer;
import io.openvod.platform.sql.PlatformDatabase;
import io.openvod.platform.sql.PlatformStores;
import io.openvod.platform.storage.ObjectStore;
import io.openvod.platform.storage.local.LocalDiskObjectStore;
import io.openvod.platform.storage.s3.S3ObjectStore;
import io.openvod.platform.storage.s3.S3StoreSettings;
import io.openvod.server.config.ApiKeyConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The platform's adapters, chosen from configuration — the one place that names them: the SQL
 * database and its stores ({@link PlatformStores}), the API keys (stored ones plus the configuration's top-level {@code keys}, which
 * belong to {@code platform.account}), the object store (local directory or S3), the
 * FFmpeg-based media inspector, and the content reviewer of {@code platform.review.engine}
 * (the nsfwjs sidecar, an ONNX model, or an external HTTP service).
 */
public final class PlatformServices implements AutoCloseable {
    private final PlatformConfig config;
    private final PlatformDatabase database;
    private final PlatformStores stores;
    private final ObjectStore store;
    private final ProbeInspector inspector;
    private final FfmpegTools ffmpeg;
    private final ContentReviewer reviewer;
    private final ServiceMetrics metrics;

    private PlatformServices(PlatformConfig config, List<ApiKeyConfig> configuredKeys, Clock clock, boolean withStore) {
        this.config = config;
        this.database = PlatformDatabase.open(config.databaseUrl(), config.databaseUser(), config.databaseSecret(),
                config.databasePoolSize());
        this.metrics = ServiceMetrics.create();
        try {
            database.bindMetrics(metrics.registry());
            long appId = config.account().appId();
            List<ApiKey> configured = configuredKeys.stream()
                    .map(k -> new ApiKey(k.secretId(), k.secretKey().reveal(), appId, true, Instant.EPOCH, true)).toList();
            this.stores = PlatformStores.on(database, configured, config.events(), clock);
            stores.keys().addApp(appId, appId, config.account().name());
            this.store = withStore ? objectStore(config.storage()) : null;
            this.ffmpeg = new FfmpegTools(config.media().ffmpegPath(), config.media().ffprobePath());
            this.inspector = withStore ? new ProbeInspector(new MediaProbe(ffmpeg), store) : null;
            this.reviewer = contentReviewer(config.review());
        } catch (RuntimeException e) {
            metrics.close();
            database.close();
            throw e;
        }
    }

    /** Everything a running platform needs. */
    public static PlatformServices open(PlatformConfig config, List<ApiKeyConfig> configuredKeys, Clock clock) {
        return new PlatformServices(config, configuredKeys, clock, true);
    }

    /** The database and keys only, for administration commands. */
    public static PlatformServices openForAdmin(PlatformConfig config, List<ApiKeyConfig> configuredKeys, Clock clock) {
        return new PlatformServices(config, configuredKeys, clock, false);
    }

    static ObjectStore objectStore(StorageConfig storage) {
        if (storage.type().equals("s3")) {
            StorageConfig.S3Config s3 = storage.s3();
            if (s3.secretAccessKey() == null) {
                throw new IllegalArgumentException("platform.storage.s3.secretAccessKey is required when type is s3");
            }
            return S3ObjectStore.open(new S3StoreSettings(s3.endpoint().isBlank() ? null : URI.create(s3.endpoint()), s3.region(),
                    s3.bucket(), s3.accessKeyId(), s3.secretAccessKey(), s3.pathStyle(), s3.prefix()));
        }
        return LocalDiskObjectStore.open(storage.directory());
    }

    /**
     * The content reviewer of {@code platform.review.engine}: {@code nsfwjs} — the Node.js sidecar in
     * {@code nsfwjs.sidecar}, or where {@link NsfwjsSidecar#locate()} finds it when that is empty
     * (the system property {@code openvod.review.sidecar}, which {@code ./openvod} sets, else
     * {@code openvod-platform/src/main/node/review} under the working directory), run by
     * {@code nsfwjs.node}; {@code onnx} — the operator's model, loaded on the first review;
     * {@code http} — the external service. None does any work before the first review.
     */
    public static ContentReviewer contentReviewer(ReviewConfig review) {
        return switch (review.engine()) {
            case "onnx" -> {
                ReviewConfig.Onnx onnx = review.onnx();
                yield new OnnxContentReviewer(new OnnxContentReviewer.Settings(Path.of(onnx.model()), onnx.labels(),
                        onnx.inputSize(), OnnxContentReviewer.Layout.valueOf(onnx.layout()), onnx.scale(), onnx.mean(),
                        onnx.std(), onnx.softmax()));
            }
            case "http" -> new HttpContentReviewer(URI.create(review.http().url()), review.http().timeout(), review.http().token());
            case "nsfwjs" -> {
                ReviewConfig.Nsfwjs nsfwjs = review.nsfwjs();
                yield new NsfwjsSidecar(nsfwjs.sidecar().isBlank() ? NsfwjsSidecar.locate() : Path.of(nsfwjs.sidecar()), nsfwjs.node());
            }
            default -> throw new IllegalArgumentException("platform.review.engine '" + review.engine() + "' is not known");
        };
    }

    public PlatformConfig config() {
        return config;
    }

    /** The platform's metrics (the JVM's and the pool's; the node adds its own), served at {@code GET /metrics}. */
    public PrometheusMeterRegistry metrics() {
        return metrics.registry();
    }

    public PlatformDatabase database() {
        return database;
    }

    /** Every store of the platform (the SQL adapters behind its ports), built once. */
    public PlatformStores stores() {
        return stores;
    }

    public ApiKeys keys() {
        return stores.keys();
    }

    public ObjectStore store() {
        return store;
    }

    public ProbeInspector inspector() {
        return inspector;
    }

    /** The FFmpeg executables (configured or bundled), found on first use. */
    public FfmpegTools ffmpeg() {
        return ffmpeg;
    }

    /** The content reviewer of {@code platform.review} (see {@link #contentReviewer(ReviewConfig)}); closed on {@link #close()}. */
    public ContentReviewer reviewer() {
        return reviewer;
    }

    /**
     * The task-flow steps the platform runs: FFmpeg transcoding, HLS, snapshots and covers, and the
     * {@code Porn} content review and {@code ReviewAudioVideo} with the configured reviewer and the thresholds
     * {@code platform.review.reviewThreshold} and {@code blockThreshold}.
     */
    public List<TaskStep> taskSteps() {
        PornReviewStep.Thresholds thresholds = new PornReviewStep.Thresholds(config.review().reviewThreshold(),
                config.review().blockThreshold());
        return List.of(new TranscodeStep(ffmpeg), new AdaptiveDynamicStreamingStep(ffmpeg), new SnapshotByTimeOffsetStep(ffmpeg),
                new SampleSnapshotStep(ffmpeg), new CoverBySnapshotStep(ffmpeg),
                new PornReviewStep(ffmpeg, reviewer, thresholds, metrics.registry()),
                new ReviewAudioVideoStep(ffmpeg, reviewer, thresholds, metrics.registry()));
    }

    /**
     * The joint steps: the {@link RenditionLadder}, which encodes all the MP4 transcodes and HLS
     * renditions of a flow from one decode of its source.
     */
    public List<JointStep> jointSteps() {
        return List.of(new RenditionLadder(ffmpeg));
    }

    @Override
    public void close() {
        reviewer.close();
        if (store != null) {
            store.close();
        }
        database.close();
        metrics.close();
    }
}
