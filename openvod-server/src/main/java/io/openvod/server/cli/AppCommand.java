package io.openvod.server.cli;

import io.openvod.server.app.AppBackend;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code openvod app}: runs the app backend (signature distribution service) until interrupted. */
@Command(name = "app", description = {
        "Run the app backend: the signature distribution service.",
        "It signs with the keys of app.vod (real Tencent VOD or an OpenVOD platform)."})
final class AppCommand implements Callable<Integer> {
    @ParentCommand
    OpenVodCommand root;
    @Spec
    CommandSpec spec;

    @Option(names = "--port", description = "Listen on this port (0 = a free one); overrides app.http.port.")
    Integer port;

    @Override
    public Integer call() throws InterruptedException {
        if (port != null) {
            root.overrides.add("app.http.port=" + port);
        }
        AppBackend backend = AppBackend.start(root.config().app(), Clock.systemUTC());
        spec.commandLine().getOut().println("openvod app: signature service on " + backend.url() + "api/v1/upload-signature"
                + " (signing key " + backend.activeSecretId().orElse("NONE: set app.vod.secretId/secretKey") + ")");
        spec.commandLine().getOut().flush();
        UntilStopped.await(backend, "openvod-app");
        return 0;
    }
}
