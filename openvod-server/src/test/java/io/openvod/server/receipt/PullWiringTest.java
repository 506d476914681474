package io.openvod.server.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvod.app.config.ReceiptConfig;
import io.openvod.app.receipt.pull.Tc3VodEventsClient;
import io.openvod.app.vod.VodApiException;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.server.app.AppBackend;
import io.openvod.server.cli.OpenVodCommand;
import io.openvod.server.config.ConfigException;
import io.openvod.server.config.ConfigLoader;
import io.openvod.server.config.ConfigSources;
import io.openvod.signature.Credential;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Pull mode's wiring: the TC3 client against a real platform (signed calls accepted, a wrong key
 * refused with Tencent's code and without the key in the message), and pulling without a VOD key
 * refused at start, by the backend and by {@code openvod app --pull}.
 */
class PullWiringTest {
    @TempDir
    Path dir;

    @Test
    void theTc3ClientTalksToARealPlatform() throws Exception {
        try (PlatformFixture platform = PlatformFixture.start(dir)) {
            ReceiptConfig.Pull pull = new ReceiptConfig.Pull(true, platform.url(), "ap-guangzhou", 0, Duration.ofSeconds(10));
            Tc3VodEventsClient client = new Tc3VodEventsClient(pull,
                    new Credential(PlatformFixture.SECRET_ID, PlatformFixture.SECRET_KEY), Clock.systemUTC());
            // The platform commits no event here; the long poll answers none.
            assertThat(client.pull()).isEmpty();
            assertThatThrownBy(() -> client.confirm(List.of("no-such-handle"))).isInstanceOfSatisfying(VodApiException.class,
                    e -> assertThat(e.code()).isEqualTo("InvalidParameter"));

            String wrongKey = "not-the-platform-key-000000000000";
            Tc3VodEventsClient wrong = new Tc3VodEventsClient(pull, new Credential(PlatformFixture.SECRET_ID, wrongKey),
                    Clock.systemUTC());
            assertThatThrownBy(wrong::pull).isInstanceOfSatisfying(VodApiException.class, e -> {
                assertThat(e.code()).isEqualTo("AuthFailure.SignatureFailure");
                assertThat(e.requestId()).isNotEmpty();
                assertThat(e.getMessage()).contains("PullEvents", "AuthFailure.SignatureFailure").doesNotContain(wrongKey);
            });
        }
    }

    @Test
    void pullingWithoutAVodKeyIsRefusedAtStart() throws Exception {
        Path file = dir.resolve("openvod.yaml");
        Files.writeString(file, "app: {receipt: {pull: {enabled: true}}}\n");
        var config = new ConfigLoader().load(ConfigSources.resolve(file, dir, Map.of(), List.of("app.http.port=0",
                "app.database.url=jdbc:sqlite:" + dir.resolve("app.db"))));

        assertThatThrownBy(() -> AppBackend.start(config.app(), Clock.systemUTC())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("app.receipt.pull.enabled").hasMessageContaining("app.vod");
    }

    @Test
    void openvodAppPullWithoutAKeyExitsWithAConfigurationError() throws Exception {
        Path file = dir.resolve("openvod.yaml");
        Files.writeString(file, "app: {http: {port: 0}, database: {url: \"jdbc:sqlite:" + dir.resolve("app.db") + "\"}}\n");
        CommandLine cli = OpenVodCommand.commandLine(Map.of(), new ByteArrayInputStream(new byte[0]));
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));

        int status = cli.execute("--config", file.toString(), "app", "--pull-endpoint", "http://127.0.0.1:9");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("CONFIG_INVALID_VALUE", "app.receipt.pull.enabled is true");
    }
}
