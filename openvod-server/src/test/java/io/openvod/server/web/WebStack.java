package io.openvod.server.web;

import io.openvod.platform.review.NsfwjsSidecar;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.Tc3TestClient;
import io.openvod.server.app.AppBackend;
import io.openvod.server.config.ConfigLoader;
import io.openvod.server.config.ConfigSources;
import io.openvod.server.config.OpenVodConfig;
import io.openvod.server.platform.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platform and the app backend as the page uses them, in this JVM over real HTTP: the app
 * signs for a sub-application whose events the platform pushes to the app (signed), every
 * signature names the task flow {@value #PROCEDURE} (real FFmpeg steps and the nsfwjs review), and
 * the page is told the platform's URL. The user {@value #USER} signs in with {@value #PASSWORD}.
 */
final class WebStack implements AutoCloseable {
    static final long SUB_APP_ID = 1_500_000_001L;
    static final String PROCEDURE = "ReviewTranscodeCover";
    static final String USER = "demo";
    static final String PASSWORD = "demo-password";
    private static final String WEBHOOK_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String PATH_TOKEN = "web-e2e-path-token-0123456789abcdef";

    private final Platform platform;
    private final AppBackend app;

    private WebStack(Platform platform, AppBackend app) {
        this.platform = platform;
        this.app = app;
    }

    static WebStack start(Path dir) throws IOException {
        useReviewSidecar();
        Path file = dir.resolve("openvod.yaml");
        Files.writeString(file, """
                keys:
                  - secretId: %s
                    secretKey: %s
                app:
                  vod: {secretId: %s, secretKey: %s, subAppId: %d}
                  policy:
                    defaultRole: user
                    roles:
                      user: {procedures: [%s], defaultProcedure: %s}
                  receipt:
                    pathToken: %s
                    webhookSecrets: [%s]
                platform:
                  events:
                    push:
                      timeout: 2s
                      firstRetry: 300ms
                      secrets: [%s]
                      allowLoopback: true
                """.formatted(PlatformFixture.SECRET_ID, PlatformFixture.SECRET_KEY, PlatformFixture.SECRET_ID,
                PlatformFixture.SECRET_KEY, SUB_APP_ID, PROCEDURE, PROCEDURE, PATH_TOKEN, WEBHOOK_SECRET, WEBHOOK_SECRET));
        List<String> overrides = new ArrayList<>(List.of("platform.http.port=0",
                "platform.databaseUrl=jdbc:sqlite:" + dir.resolve("platform.db"), "platform.storage.path=" + dir.resolve("objects"),
                "app.http.port=0", "app.database.url=jdbc:sqlite:" + dir.resolve("app.db")));
        OpenVodConfig platformConfig = new ConfigLoader().load(ConfigSources.resolve(file, dir, Map.of(), overrides));
        Platform platform = Platform.start(platformConfig.platform(), platformConfig.signature(), platformConfig.keys(),
                Clock.systemUTC());
        try {
            platform.services().keys().addApp(PlatformFixture.APP_ID, SUB_APP_ID, "app");
            overrides.add("app.web.platformUrl=" + platform.url());
            OpenVodConfig config = new ConfigLoader().load(ConfigSources.resolve(file, dir, Map.of(), overrides));
            AppBackend app = AppBackend.start(config.app(), Clock.systemUTC());
            WebStack stack = new WebStack(platform, app);
            try {
                app.services().accounts().createUser(USER, "", Optional.of(PASSWORD.toCharArray()));
                Tc3TestClient.Answer answer = new Tc3TestClient(platform.url(), Clock.systemUTC()).call("ModifyEventConfig",
                        "{\"SubAppId\":" + SUB_APP_ID + ",\"Mode\":\"PUSH\",\"NotificationUrl\":\"" + app.url() + "api/v1/vod/events/"
                                + PATH_TOKEN + "\"}");
                if (answer.status() != 200 || answer.errorCode() != null) {
                    throw new IllegalStateException("ModifyEventConfig failed: " + answer.body());
                }
                return stack;
            } catch (RuntimeException e) {
                app.close();
                throw e;
            }
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    /** Points the platform at the repository's review sidecar unless a directory is configured. */
    private static void useReviewSidecar() {
        String configured = System.getProperty(NsfwjsSidecar.DIRECTORY_PROPERTY);
        if (configured == null || configured.isBlank()) {
            System.setProperty(NsfwjsSidecar.DIRECTORY_PROPERTY, BrowserSpecs.repository()
                    .resolve("openvod-platform/src/main/node/review").toString());
        }
    }

    Platform platform() {
        return platform;
    }

    AppBackend app() {
        return app;
    }

    @Override
    public void close() {
        try {
            app.close();
        } finally {
            platform.close();
        }
    }
}
