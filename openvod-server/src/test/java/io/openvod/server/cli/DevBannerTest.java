package io.openvod.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.server.dev.DevStack;
import io.openvod.server.dev.DevUploads;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code openvod dev} prints names the dev key and where its SecretKey is kept, never the SecretKey itself. */
class DevBannerTest {
    @TempDir
    Path dir;

    @Test
    void theBannerNamesTheKeyButNotItsSecret() {
        try (DevStack dev = DevUploads.remember(DevStack.start(DevUploads.config(dir), dir.resolve("state"), Clock.systemUTC()))) {
            StringWriter text = new StringWriter();
            DevCommand.printBanner(new PrintWriter(text, true), dev);
            assertThat(text.toString())
                    .contains("SecretId " + dev.key().secretId(), "SecretKey in " + dev.stateFile(), dev.app().url().toString())
                    .doesNotContain(dev.key().secretKey());
        }
    }
}
