package io.openvod.server.cli;

import io.openvod.server.app.AppBackend;
import io.openvod.server.config.PortInUseException;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code openvod app}: runs the app backend (signature distribution service and event receipt
 * service) until interrupted; {@code --pull} and {@code --pull-endpoint} turn on the receipt
 * service's pull mode as {@code app.receipt.pull.*} overrides.
 */
@Command(name = "app", description = {
        "Run the app backend: the signature distribution service and the event receipt service.",
        "It signs with the keys of app.vod (real Tencent VOD or an OpenVOD platform)."})
final class AppCommand implements Callable<Integer> {
    @ParentCommand
    OpenVodCommand root;
    @Spec
    CommandSpec spec;

    @Option(names = "--port", description = "Listen on this port (0 = a free one); overrides app.http.port.")
    Integer port;

    @Option(names = "--pull", description = "Pull VOD events (PullEvents/ConfirmEvents, signed with app.vod's active key) "
            + "instead of waiting for pushes; sets app.receipt.pull.enabled.")
    boolean pull;

    @Option(names = "--pull-endpoint", paramLabel = "URL", description = "The API 3.0 endpoint to pull from, e.g. an OpenVOD "
            + "platform's URL (default https://vod.tencentcloudapi.com); sets app.receipt.pull.endpoint and implies --pull.")
    String pullEndpoint;

    @Override
    public Integer call() throws InterruptedException {
        if (port != null) {
            root.overrides.add("app.http.port=" + port);
        }
        if (pull || pullEndpoint != null) {
            root.overrides.add("app.receipt.pull.enabled=true");
        }
        if (pullEndpoint != null) {
            root.overrides.add("app.receipt.pull.endpoint=" + pullEndpoint);
        }
        AppBackend backend;
        try {
            backend = AppBackend.start(root.config().app(), root.config().tracing().tracing(), Clock.systemUTC());
        } catch (PortInUseException e) {
            throw e.withAdvice("--port", "");
        }
        spec.commandLine().getOut().println("openvod app: signature service on " + backend.url() + "api/v1/upload-signature"
                + " (signing key " + backend.activeSecretId().orElse("NONE: set app.vod.secretId/secretKey") + ")");
        if (backend.services().config().receipt().pull().enabled()) {
            spec.commandLine().getOut().println("openvod app: pulling VOD events from "
                    + backend.services().config().receipt().pull().endpoint());
        }
        spec.commandLine().getOut().flush();
        UntilStopped.await(backend, "openvod-app");
        return 0;
    }
}
