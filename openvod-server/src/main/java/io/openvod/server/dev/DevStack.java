package io.openvod.server.dev;

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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What {@code openvod dev} runs: the platform and the app backend in one process, a dev API key
 * (the account's first active stored key, made on first start) that the app backend signs with,
 * a demo user, and {@code dev.json} describing it all.
 */
public final class DevStack implements AutoCloseable {
    public static final String DEMO_USER = "demo";
    public static final String DEMO_PASSWORD = "demo-password";

    private final Platform platform;
    private final AppBackend app;
    private final ApiKey key;
    private final Path stateFile;

    private DevStack(Platform platform, AppBackend app, ApiKey key, Path stateFile) {
        this.platform = platform;
        this.app = app;
        this.key = key;
        this.stateFile = stateFile;
    }

    /** Starts both services and writes {@code stateDir/dev.json}. */
    public static DevStack start(OpenVodConfig config, Path stateDir, Clock clock) {
        Platform platform = Platform.start(config.platform(), config.signature(), config.keys(), clock);
        AppBackend app = null;
        try {
            ApiKey key = devKey(platform, config.platform().account().appId());
            app = AppBackend.start(withDevKey(config.app(), key), clock);
            if (app.services().store().find(DEMO_USER).isEmpty()) {
                app.services().accounts().createUser(DEMO_USER, "", Optional.of(DEMO_PASSWORD.toCharArray()));
            }
            DevStack stack = new DevStack(platform, app, key, stateDir.resolve("dev.json"));
            stack.writeState();
            return stack;
        } catch (RuntimeException e) {
            if (app != null) {
                app.close();
            }
            platform.close();
            throw e;
        }
    }

    private static AppConfig withDevKey(AppConfig base, ApiKey key) {
        AppHttpConfig http = base.http().corsOrigins().isEmpty()
                ? new AppHttpConfig(base.http().host(), base.http().port(), List.of("*"), base.http().trustForwardedFor(),
                base.http().maxBodyBytes())
                : base.http();
        return new AppConfig(http, base.database(), new VodConfig(key.secretId(), Secret.of(key.secretKey()), null, List.of(), 0, ""),
                base.auth(), base.policy(), base.rateLimit(), base.receipt());
    }

    private static ApiKey devKey(Platform platform, long appId) {
        var keys = platform.services().keys();
        return keys.list().stream().filter(k -> !k.fromConfig() && k.active() && k.appId() == appId).findFirst().orElseGet(() -> {
            ApiKey made = new ApiKey(ApiKeyGenerator.secretId(), ApiKeyGenerator.secretKey(), appId, true, Instant.now(), false);
            keys.add(made);
            return made;
        });
    }

    private void writeState() {
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
            Files.createDirectories(stateFile.toAbsolutePath().getParent());
            Path temp = stateFile.resolveSibling("dev.json.tmp");
            Files.writeString(temp, json.writerWithDefaultPrettyPrinter().writeValueAsString(dev));
            Files.move(temp, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + stateFile, e);
        }
    }

    public Platform platform() {
        return platform;
    }

    public AppBackend app() {
        return app;
    }

    public ApiKey key() {
        return key;
    }

    public Path stateFile() {
        return stateFile;
    }

    @Override
    public void close() {
        app.close();
        platform.close();
    }
}
