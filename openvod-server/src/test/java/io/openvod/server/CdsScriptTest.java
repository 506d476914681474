package io.openvod.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data sharing of both launchers ({@code scripts/lib/cds.sh}, the release's {@code libexec/cds.sh}):
 * which archive a command line uses, and no archive where none can be written.
 */
class CdsScriptTest {
    private static final Path LIB = Path.of("..", "scripts", "lib", "cds.sh").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private static String bash(String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", "set -euo pipefail; source '" + LIB + "'; " + script).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void theCommandIsTheFirstArgumentThatIsNotAnOptionOrItsValue() throws Exception {
        assertThat(bash("cds_command dev --platform-port 0")).isEqualTo("dev");
        assertThat(bash("cds_command --config /etc/openvod/app.yaml users add alice")).isEqualTo("users");
        assertThat(bash("cds_command --set platform.http.port=0 --config x.yaml platform")).isEqualTo("platform");
        assertThat(bash("cds_command --config=x.yaml app")).isEqualTo("app");
        assertThat(bash("cds_command --version")).isEqualTo("other");
        assertThat(bash("cds_command")).isEqualTo("other");
        assertThat(bash("cds_command --config")).as("an option without its value").isEqualTo("other");
        assertThat(bash("cds_command ../weird")).as("not a command name").isEqualTo("other");
    }

    @Test
    void aWritableFolderGetsTheArchiveOptions() throws Exception {
        Path cds = dir.resolve("new/cds");
        String options = bash("cds_options '" + cds + "' platform; printf '%s\\n' \"${CDS_OPTS[@]}\"");

        assertThat(options.lines()).containsExactly("-XX:SharedArchiveFile=" + cds.resolve("platform.jsa"),
                "-XX:+AutoCreateSharedArchive", "-Xlog:cds*=off");
        assertThat(cds).as("created").isDirectory();
    }

    @Test
    void aFolderThatCannotBeWrittenGetsNoOptions() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "");
        assertThat(bash("cds_options '" + file.resolve("cds") + "' dev; echo \"${#CDS_OPTS[@]}\"")).isEqualTo("0");

        Path readOnly = Files.createDirectories(dir.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // root may write anywhere: then the folder is writable after all, and gets the options
            boolean writable = Files.isWritable(readOnly);
            assertThat(bash("cds_options '" + readOnly + "' dev; echo \"${#CDS_OPTS[@]}\"")).isEqualTo(writable ? "3" : "0");
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aJvmWithTheOptionsStartsAndWritesItsArchiveAndOneWithoutStartsToo() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path cds = dir.resolve("cds");
        Path underAFile = Files.writeString(dir.resolve("a-file"), "").resolve("cds");
        String run = "'" + java + "' ${CDS_OPTS[@]+\"${CDS_OPTS[@]}\"} -version 2>&1 | head -n 1; ";
        String versions = bash("cds_options '" + cds + "' version; " + run + "cds_options '" + underAFile + "' version; " + run);

        assertThat(versions.lines()).hasSize(2).allMatch(line -> line.contains(" version \""));
        assertThat(cds.resolve("version.jsa")).as("written when the JVM exited").isNotEmptyFile();
    }
}
