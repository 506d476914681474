package io.openvod.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.app.config.ReceiptConfig;
import io.openvod.server.config.ConfigLoader;
import io.openvod.server.config.ConfigSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code app.receipt.moderatorRoles} and {@code app.receipt.forward} as read from the configuration sources. */
class ReceiptConfigLoadingTest {
    @TempDir
    Path dir;

    @Test
    void defaultsNameTheModeratorRoleAndForwardNothing() {
        ReceiptConfig receipt = new ConfigLoader().defaultsOnly().app().receipt();
        assertThat(receipt.moderatorRoles()).containsExactly("moderator");
        assertThat(receipt.forward().enabled()).isFalse();
        assertThat(receipt.forward().maxAttempts()).isEqualTo(10);
        assertThat(receipt).isEqualTo(ReceiptConfig.defaults());
    }

    @Test
    void fileAndFlagsSetTheModeratorRolesAndTheHook() throws IOException {
        Path file = dir.resolve("openvod.yaml");
        Files.writeString(file, """
                app:
                  receipt:
                    moderatorRoles: [reviewer, admin]
                    forward:
                      url: https://app.example.com/hooks/vod
                      timeout: 3s
                """);
        ReceiptConfig receipt = new ConfigLoader().load(new ConfigSources(Optional.of(file), Map.of(),
                List.of("app.receipt.forward.maxAttempts=4"))).app().receipt();
        assertThat(receipt.moderatorRoles()).containsExactly("reviewer", "admin");
        assertThat(receipt.forward().url()).isEqualTo("https://app.example.com/hooks/vod");
        assertThat(receipt.forward().timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(receipt.forward().maxAttempts()).isEqualTo(4);
    }
}
