package io.openvod.server.cli;

import io.openvod.server.config.PortInUseException;
import io.openvod.server.dev.DevStack;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code openvod dev}: the platform and the app backend in one process on embedded defaults. */
@Command(name = "dev", description = {
        "Run the platform and the app backend together on embedded defaults.",
        "SQLite files, local disk and the bundled FFmpeg, with a dev API key and a demo user; the platform pushes the dev "
                + "application's events to the app backend (signed, over loopback), and signatures name the "
                + "ReviewAudioVideoTranscodeCover flow unless the default role names one.",
        "Prints the URLs and writes them to .openvod/dev.json; Ctrl-C stops both services."})
final class DevCommand implements Callable<Integer> {
    @ParentCommand
    OpenVodCommand root;
    @Spec
    CommandSpec spec;

    @Option(names = "--platform-port", description = "Platform port (0 = a free one); default platform.http.port.")
    Integer platformPort;
    @Option(names = "--app-port", description = "App backend port (0 = a free one); default app.http.port.")
    Integer appPort;
    @Option(names = "--state", description = "Where dev.json and the dev webhook secret are kept. Default: .openvod",
            defaultValue = ".openvod")
    Path state;

    @Override
    public Integer call() throws InterruptedException {
        if (platformPort != null) {
            root.overrides.add("platform.http.port=" + platformPort);
        }
        if (appPort != null) {
            root.overrides.add("app.http.port=" + appPort);
        }
        DevStack dev;
        try {
            dev = DevStack.start(root.config(), state, Clock.systemUTC());
        } catch (PortInUseException e) {
            throw e.withAdvice(e.service().equals("platform") ? "--platform-port" : "--app-port",
                    " (is another openvod dev running? stop it with Ctrl-C)");
        }
        PrintWriter out = spec.commandLine().getOut();
        printBanner(out, dev);
        out.flush();
        UntilStopped.await(dev, "openvod-dev");
        return 0;
    }

    /** What dev prints once it runs: where everything is, and never the dev key's SecretKey. */
    static void printBanner(PrintWriter out, DevStack dev) {
        String platform = dev.platform().url();
        String app = dev.app().url().toString();
        out.println("openvod dev is running (Ctrl-C stops it)");
        out.println("  web page:              " + app);
        out.println("  app API:               " + app + "api/v1/  (login, upload-signature, videos)");
        out.println("  platform UGC upload:   " + platform + "/v3/index.php");
        out.println("  platform COS objects:  " + platform + "/<bucket>-<appid>/<key>");
        out.println("  platform API 3.0:      " + platform + "/  (openvod media list)");
        out.println("  events:                PUSH, signed, to the app's /api/v1/vod/events/<token>");
        out.println("  task flow:             " + (dev.procedure().isEmpty() ? "(none)" : dev.procedure()));
        out.println("  demo user:             " + DevStack.DEMO_USER + " / " + DevStack.DEMO_PASSWORD);
        out.println("  demo moderator:        " + DevStack.MODERATOR_USER + " / " + DevStack.MODERATOR_PASSWORD
                + "  (the web page's review queue)");
        out.println("  dev API key:           AppId " + dev.key().appId() + ", SecretId " + dev.key().secretId()
                + ", SecretKey in " + dev.stateFile() + " (owner-only; never printed)");
        out.println("  written to:            " + dev.stateFile());
    }
}
