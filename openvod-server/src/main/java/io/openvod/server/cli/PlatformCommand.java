package io.openvod.server.cli;

import io.openvod.server.config.OpenVodConfig;
import io.openvod.server.config.PortInUseException;
import io.openvod.server.platform.Platform;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code openvod platform}: runs the VOD platform (UGC upload API + COS-compatible object API) until interrupted. */
@Command(name = "platform", description = {
        "Run the VOD platform: the upload APIs, API 3.0, storage, the media catalog and the task flows.",
        "The UGC upload API is at /v3/index.php, the COS-compatible object API at /<bucket>-<appid>/<key>.",
        "Keys: the top-level keys of the configuration and `openvod keys add`."})
final class PlatformCommand implements Callable<Integer> {
    @ParentCommand
    OpenVodCommand root;
    @Spec
    CommandSpec spec;

    @Option(names = "--port", description = "Listen on this port (0 = a free one); overrides platform.http.port.")
    Integer port;

    @Override
    public Integer call() throws InterruptedException {
        if (port != null) {
            root.overrides.add("platform.http.port=" + port);
        }
        OpenVodConfig config = root.config();
        Platform platform;
        try {
            platform = Platform.start(config.platform(), config.signature(), config.keys(), config.tracing().tracing(), Clock.systemUTC());
        } catch (PortInUseException e) {
            throw e.withAdvice("--port", "");
        }
        spec.commandLine().getOut().println("openvod platform: UGC upload API on " + platform.url() + "/v3/index.php"
                + ", COS on " + platform.url() + "/<bucket>-<appid>/<key> and <bucket>-<appid>.cos.<region>.<domain>"
                + " (objects: " + platform.services().store().describe() + ")");
        if (!platform.node().listenUrl().equals(platform.url())) {
            spec.commandLine().getOut().println("openvod platform: this node listens on " + platform.node().listenUrl()
                    + " behind the public URL " + platform.url());
        }
        spec.commandLine().getOut().flush();
        UntilStopped.await(platform, "openvod-platform");
        return 0;
    }
}
