package io.openvod.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.openvod.app.config.RateLimitConfig;
import io.openvod.server.config.LoggingConfig;
import io.openvod.server.logging.Logging;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Whatever happens — sign-in, signatures, refusals — no key, password, token or signature reaches the log, even at {@code logging.level: trace}. */
class SecretsInLogsTest {
    @TempDir
    Path dir;

    @Test
    void logsShouldNeverContainSecrets() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        Logging.apply(new LoggingConfig("trace"));
        String password = "a password nobody should read";
        List<String> secrets;
        try (AppBackend backend = AppBackend.start(AppFixture.config(dir, AppFixture.keyA(),
                Map.of("user", AppFixture.role(List.of(), "", List.of(), null, 1, -1, -1)), Map.of(),
                new RateLimitConfig(0, 0), AppFixture.noJwt()), Clock.systemUTC())) {
            URI base = backend.url();
            backend.services().accounts().createUser("hal", "", Optional.of(password.toCharArray()));
            String session = AppFixture.post(base, "api/v1/login", null, "application/json",
                    "{\"user\":\"hal\",\"password\":\"" + password + "\"}").body().path("data").path("token").asText();
            AppFixture.post(base, "api/v1/login", null, "application/json", "{\"user\":\"hal\",\"password\":\"wrong " + password + "\"}");
            String signature = AppFixture.get(base, "api/v1/upload-signature", session).signature();
            AppFixture.get(base, "api/v1/upload-signature", session);
            AppFixture.get(base, "api/v1/upload-signature?sourceContext=x", session);
            AppFixture.get(base, "api/v1/upload-signature", "ova_" + "B".repeat(43));
            secrets = List.of(AppFixture.KEY_A, password, session, signature, session.substring(4));
        } finally {
            root.detachAppender(captured);
            root.setLevel(before);
            Logging.apply(new LoggingConfig("warn"));
        }
        assertThat(captured.list).isNotEmpty();
        for (ILoggingEvent event : captured.list) {
            String text = event.getFormattedMessage() + (event.getThrowableProxy() != null ? event.getThrowableProxy().getMessage() : "");
            for (String secret : secrets) {
                assertThat(text).as("log line from %s", event.getLoggerName()).doesNotContain(secret);
            }
        }
    }
}
