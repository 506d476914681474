package io.openvod.bench.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small whole upload through a real platform node on loopback (1 MiB parts, no probing). */
class UploadDriverTest {
    @TempDir
    static Path dir;
    static PlatformUploadServer platform;
    static Path file;

    @BeforeAll
    static void start() throws Exception {
        platform = PlatformUploadServer.start(dir.resolve("platform"), "127.0.0.1", 0, false);
        byte[] data = new byte[2 * 1024 * 1024 + 12_345];
        new Random(7).nextBytes(data);
        file = Files.write(dir.resolve("data.bin"), data);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void uploadsTheFileInPartsAndVerifiesTheStoredObject() throws Exception {
        UploadResult r = UploadDriver.run(UploadOptions.parse(new String[] {
                "--url", platform.url(), "--file", file.toString(), "--part-mib", "1", "--parallel", "3", "--warmup-mib", "1",
                "--sha256", "--label", "smoke"}));
        assertThat(r.parts()).isEqualTo(3);
        assertThat(r.client()).isEqualTo("socket");
        assertThat(r.storedBytes()).isEqualTo(Files.size(file));
        assertThat(r.sha256()).isEqualTo("match");
        assertThat(r.verified()).isTrue();
        assertThat(r.fileId()).matches("[0-9]{19}");
        assertThat(r.total()).isGreaterThanOrEqualTo(r.apply() + r.initiate() + r.upload() + r.complete() + r.commit());
        assertThat(r.json()).startsWith("{\"label\":\"smoke\",\"bytes\":" + Files.size(file) + ",").contains("\"sha256\":\"match\"");
        assertThat(r.summary()).contains("MiB/s").contains("complete");
    }

    @Test
    void partsSentWithTheirContentMd5AreStoredWhole() throws Exception {
        UploadResult r = UploadDriver.run(UploadOptions.parse(new String[] {
                "--url", platform.url(), "--file", file.toString(), "--part-mib", "1", "--content-md5", "--sha256"}));
        assertThat(r.parts()).isEqualTo(3);
        assertThat(r.sha256()).isEqualTo("match");
        assertThat(r.verified()).isTrue();
    }

    @Test
    void theJdkClientUploadsTheSameBytes() throws Exception {
        UploadResult r = UploadDriver.run(UploadOptions.parse(new String[] {
                "--url", platform.url(), "--file", file.toString(), "--part-mib", "1", "--client", "jdk", "--sha256"}));
        assertThat(r.client()).isEqualTo("jdk");
        assertThat(r.sha256()).isEqualTo("match");
        assertThat(r.verified()).isTrue();
    }

    @Test
    void refusesABadCommandLine() {
        assertThatThrownBy(() -> UploadOptions.parse(new String[] {"--file", file.toString()})).hasMessageContaining("--url");
        assertThatThrownBy(() -> UploadOptions.parse(new String[] {"--url", platform.url(), "--file", dir.resolve("none").toString()}))
                .hasMessageContaining("not a file");
        assertThatThrownBy(() -> UploadOptions.parse(new String[] {"--url", platform.url(), "--file", file.toString(),
                "--parallel", "0"})).hasMessageContaining("--parallel");
        assertThatThrownBy(() -> UploadOptions.parse(new String[] {"--url", platform.url(), "--file", file.toString(),
                "--client", "curl"})).hasMessageContaining("--client");
        assertThatThrownBy(() -> UploadOptions.parse(new String[] {"--url", platform.url(), "--file", file.toString(),
                "--client", "jdk", "--content-md5"})).hasMessageContaining("--content-md5");
    }
}
