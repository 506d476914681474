package io.openvod.server.app;

import io.openvod.app.config.RateLimitConfig;
import io.openvod.server.logging.TraceLogCapture;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever happens — sign-in, signatures, refusals — no key, password, token or signature reaches the log, even at {@code logging.level: trace}. */
class SecretsInLogsTest {
    @TempDir
    Path dir;

    @Test
    void logsShouldNeverContainSecrets() {
        TraceLogCapture logs = new TraceLogCapture();
        String password = "a password nobody should read";
        List<String> secrets;
        try (logs; AppBackend backend = AppBackend.start(AppFixture.config(dir, AppFixture.keyA(),
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
        }
        logs.assertNoneContains(secrets);
    }
}
