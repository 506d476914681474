package io.openvod.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.app.config.AppConfig;
import io.openvod.app.config.AppHttpConfig;
import io.openvod.app.config.VodConfig;
import io.openvod.core.Secret;
import io.openvod.platform.account.ApiKey;
import io.openvod.platform.account.ApiKeyGenerator;
import io.openvod.server.app.AppBackend;
import io.openvod.server.config.OpenVodConfig;
import io.openvod.server.platform.Platform;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code openvod dev}: the platform and the app backend in one process on embedded defaults, with
 * a dev API key that the app backend signs with and a demo user, written to {@code .openvod/dev.json}.
 */
@Command(name = "dev", description = {
        "Run the platform and the app backend together on embedded defaults (SQLite, local disk, bundled FFmpeg),",
        "with a dev API key and a demo user; prints the URLs and writes them to .openvod/dev.json."})
final class DevCommand implements Callable<Integer> {
    static final String DEMO_USER = "demo";
    static final String DEMO_PASSWORD = "demo-password";

    @ParentCommand
    OpenVodCommand root;
    @Spec
    CommandSpec spec;

    @Option(names = "--platform-port", description = "Platform port (0 = a free one); default platform.http.port.")
    Integer platformPort;
    @Option(names = "--app-port", description = "App backend port (0 = a free one); default app.http.port.")
    Integer appPort;
    @Option(names = "--state", description = "Where dev.json is written. Default: .openvod", defaultValue = ".openvod")
    Path state;

    @Override
    public Integer call() throws InterruptedException {
        if (platformPort != null) {
            root.overrides.add("platform.http.port=" + platformPort);
        }
        if (appPort != null) {
            root.overrides.add("app.http.port=" + appPort);
        }
        OpenVodConfig config = root.config();
        Platform platform = Platform.start(config.platform(), config.signature(), config.keys(), Clock.systemUTC());
        AppBackend app;
        ApiKey key;
        try {
            key = devKey(platform, config.platform().account().appId());
            AppConfig base = config.app();
            AppHttpConfig http = base.http().corsOrigins().isEmpty()
                    ? new AppHttpConfig(base.http().host(), base.http().port(), List.of("*"), base.http().trustForwardedFor(),
                    base.http().maxBodyBytes())
                    : base.http();
            app = AppBackend.start(new AppConfig(http, base.database(), new VodConfig(key.secretId(), Secret.of(key.secretKey()),
                    null, List.of(), 0, ""), base.auth(), base.policy(), base.rateLimit()), Clock.systemUTC());
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
        AutoCloseable both = () -> {
            app.close();
            platform.close();
        };
        try {
            if (app.services().store().find(DEMO_USER).isEmpty()) {
                app.services().accounts().createUser(DEMO_USER, "", Optional.of(DEMO_PASSWORD.toCharArray()));
            }
            writeState(platform, app, key);
        } catch (RuntimeException e) {
            closeQuietly(both);
            throw e;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("openvod dev is running (Ctrl-C stops it)");
        out.println("  platform (UGC upload API, COS): " + platform.url() + "/v3/index.php");
        out.println("  app backend (signatures):       " + app.url() + "api/v1/upload-signature");
        out.println("  dev API key:                    AppId " + key.appId() + ", SecretId " + key.secretId()
                + ", SecretKey " + key.secretKey());
        out.println("  demo user:                      " + DEMO_USER + " / " + DEMO_PASSWORD);
        out.println("  written to                      " + state.resolve("dev.json"));
        out.flush();
        UntilStopped.await(both, "openvod-dev");
        return 0;
    }

    /** The dev key: the account's first active stored key, made on first start. */
    private static ApiKey devKey(Platform platform, long appId) {
        var keys = platform.services().keys();
        return keys.list().stream().filter(k -> !k.fromConfig() && k.active() && k.appId() == appId).findFirst().orElseGet(() -> {
            ApiKey made = new ApiKey(ApiKeyGenerator.secretId(), ApiKeyGenerator.secretKey(), appId, true, Instant.now(), false);
            keys.add(made);
            return made;
        });
    }

    private void writeState(Platform platform, AppBackend app, ApiKey key) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode dev = json.createObjectNode();
        dev.put("platformUrl", platform.url());
        dev.put("appUrl", app.url().toString());
        dev.put("appId", key.appId());
        dev.put("secretId", key.secretId());
        dev.put("secretKey", key.secretKey());
        dev.put("user", DEMO_USER);
        dev.put("password", DEMO_PASSWORD);
        try {
            Files.createDirectories(state);
            Path file = state.resolve("dev.json");
            Path temp = state.resolve("dev.json.tmp");
            Files.writeString(temp, json.writerWithDefaultPrettyPrinter().writeValueAsString(dev));
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + state.resolve("dev.json"), e);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already failing; the first error is the one reported
        }
    }
}
