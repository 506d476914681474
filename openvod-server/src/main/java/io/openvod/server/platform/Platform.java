package io.openvod.server.platform;

import io.openvod.core.trace.TracingConfig;
import io.openvod.platform.PlatformNode;
import io.openvod.platform.flow.FlowSettings;
import io.openvod.platform.config.FlowsConfig;
import io.openvod.platform.config.PlatformConfig;
import io.openvod.platform.config.PlatformHttpConfig;
import io.openvod.platform.health.FfmpegCheck;
import io.openvod.platform.health.ReviewCheck;
import io.openvod.platform.http.TlsConnector;
import io.openvod.server.config.ApiKeyConfig;
import io.openvod.server.config.PortInUseException;
import io.openvod.server.config.SignatureConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running platform: its adapters and its node (HTTP server + sweeper). */
public final class Platform implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Platform.class);

    private final PlatformServices services;
    private final PlatformNode node;

    private Platform(PlatformServices services, PlatformNode node) {
        this.services = services;
        this.node = node;
    }

    /** Starts the platform with a tracer that exports no spans (tests). */
    public static Platform start(PlatformConfig config, SignatureConfig signature, List<ApiKeyConfig> keys, Clock clock) {
        return start(config, signature, keys, TracingConfig.off(), clock);
    }

    /**
     * Starts the platform ({@link PortInUseException} when another process holds its port); its node's tracer ({@code openvod-platform}) exports its spans as
     * {@code tracing} (the configuration's {@code tracing:}) says.
     */
    public static Platform start(PlatformConfig config, SignatureConfig signature, List<ApiKeyConfig> keys, TracingConfig tracing,
                                 Clock clock) {
        PortInUseException.requireFree("platform", config.http().host(), config.http().port(), "platform.http.port");
        PlatformServices services = PlatformServices.open(config, keys, clock);
        // FFmpeg is found and checked while the node starts, not by the first readiness probe.
        services.ffmpeg().findInBackground();
        try {
            Optional<TlsConnector> tls = tls(config.http().tls(), config.storage().directory().toAbsolutePath().resolveSibling("tls"));
            PlatformNode node = PlatformNode.start(config,
                    new PlatformNode.SignatureRules(signature.clockSkew(), signature.maxValidity(), signature.maxLength()),
                    new PlatformNode.Adapters(services.stores(), services.store(), services.inspector(), tls,
                            List.of(new FfmpegCheck(services.ffmpeg()), new ReviewCheck(services.reviewer()))),
                    clock, new PlatformNode.TaskFlows(services.taskSteps(), services.jointSteps(),
                            flowSettings(config.flows(), config.flows().workRoot(config.storage().directory()))), services.metrics(),
                    tracing);
            LOG.info("platform listening on {} (objects: {})", node.url(), services.store().describe());
            node.managementPort().ifPresent(port -> LOG.info("platform: /metrics and /health on http://{}:{}/ (platform.http.managementPort)",
                    config.http().management().orElseThrow().host(), port));
            return new Platform(services, node);
        } catch (RuntimeException e) {
            services.close();
            throw PortInUseException.causing(e, "platform", config.http().host(), config.http().port(), "platform.http.port")
                    .map(RuntimeException.class::cast).orElse(e);
        }
    }

    /** HTTPS from PEM files, or a self-signed certificate kept in {@code selfSignedDir} (next to the objects). */
    private static Optional<TlsConnector> tls(PlatformHttpConfig.TlsConfig tls, Path selfSignedDir) {
        if (tls.certificate() != null) {
            return Optional.of(TlsConnector.pem(tls.certificateFile().orElseThrow(), tls.privateKeyFile().orElseThrow()));
        }
        return tls.selfSigned() ? Optional.of(TlsConnector.selfSigned(selfSignedDir)) : Optional.empty();
    }

    private static FlowSettings flowSettings(FlowsConfig flows, Path workRoot) {
        FlowSettings d = FlowSettings.defaults();
        return new FlowSettings(flows.workers(), flows.lease(), flows.heartbeat(), flows.timeout(), flows.maxAttempts(), flows.retry().first(),
                d.poll(), workRoot, flows.maxDuration(), flows.retry().policy(), flows.maxDurationByApp());
    }

    public String url() {
        return node.url();
    }

    public PlatformNode node() {
        return node;
    }

    public PlatformServices services() {
        return services;
    }

    @Override
    public void close() {
        node.close();
        services.close();
    }
}
