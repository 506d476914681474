package io.openvod.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code ./openvod} brings a checkout up to date before a command ({@code scripts/lib/prepare.sh}):
 * the jar's build and the review sidecar's {@code npm ci} at the same time, npm's output after the
 * build's, and when the sidecar's packages count as installed. {@code node} and {@code npm} are fakes
 * on the PATH; the build is a shell function, as the launcher's {@code build_jar} is.
 */
class PrepareScriptTest {
    private static final Path LIB = Path.of("..", "scripts", "lib", "prepare.sh").toAbsolutePath().normalize();
    /** How long a fake step waits for the other one to start before it gives up (deciseconds). */
    private static final int RENDEZVOUS = 100;

    @TempDir
    Path dir;
    private Path bin;
    private Path sidecar;

    /** The system's tools the script and the fakes use; the PATH has these and the fakes, no real node or npm. */
    private static final List<String> TOOLS = List.of("bash", "cat", "date", "mkdir", "mktemp", "rm", "seq", "setsid", "sleep", "touch");

    @BeforeEach
    void fakes() throws IOException {
        bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : TOOLS) {
            Path system = Stream.of("/usr/bin", "/bin").map(d -> Path.of(d, tool)).filter(Files::isExecutable).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + tool + " in /usr/bin or /bin"));
            Files.createSymbolicLink(bin.resolve(tool), system);
        }
        sidecar = Files.createDirectories(dir.resolve("review"));
        Files.writeString(sidecar.resolve("package-lock.json"), "{}");
        script("node", "echo 22");
    }

    private void script(String name, String body) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/bash\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** A fake npm: {@code npm ci} announces itself, waits for the build to start, then installs (or fails). */
    private void npmThatMeetsTheBuild(int status) throws IOException {
        script("npm", String.join("\n",
                "touch '" + dir.resolve("npm-started") + "'",
                "echo \"$*\" > '" + dir.resolve("npm-args") + "'",
                "for i in $(seq " + RENDEZVOUS + "); do [[ -f '" + dir.resolve("build-started") + "' ]] && break; sleep 0.1; done",
                "mkdir -p node_modules && echo '{}' > node_modules/.package-lock.json",
                "echo 'added 1 package in 1s'",
                "exit " + status));
    }

    /** The launcher's build_jar as a fake: announces itself, waits for npm ci to start, answers $status. */
    private String buildThatMeetsNpm(int status) {
        return "build_jar() { touch '" + dir.resolve("build-started") + "'; "
                + "for i in $(seq " + RENDEZVOUS + "); do [[ -f '" + dir.resolve("npm-started") + "' ]] && break; sleep 0.1; done; "
                + "[[ -f '" + dir.resolve("npm-started") + "' ]] || { echo 'npm ci did not run during the build' >&2; return 9; }; "
                + "echo 'maven output' >&2; return " + status + "; }; ";
    }

    private record Run(int status, String output) {
        List<String> lines() {
            return output.lines().toList();
        }
    }

    private Run bash(String script) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "set -euo pipefail; ROOT=/nonexistent; source '" + LIB + "'; " + script)
                .redirectErrorStream(true);
        environment(pb);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    private List<Path> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("tmp"))) {
            return files.toList();
        }
    }

    /** The fakes and the tools alone on the PATH; temporary files in a folder of the test's own. */
    private void environment(ProcessBuilder pb) throws IOException {
        pb.environment().put("PATH", bin.toString());
        pb.environment().put("TMPDIR", Files.createDirectories(dir.resolve("tmp")).toString());
    }

    @Test
    void theBuildAndNpmCiShouldRunAtTheSameTimeWithNpmsOutputAfterTheBuilds() throws Exception {
        npmThatMeetsTheBuild(0);
        Run run = bash(buildThatMeetsNpm(0) + "prepare_checkout 1 '" + sidecar + "'");

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.lines()).as(run.output()).hasSize(5);
        assertThat(run.lines().get(0)).isEqualTo("openvod: installing the content-review sidecar (npm ci in " + sidecar + ") ...");
        assertThat(run.lines().get(1)).isEqualTo("maven output");
        assertThat(run.lines().get(2)).matches("openvod: built the runnable jar in [0-9]+\\.[0-9] s");
        assertThat(run.lines().get(3)).isEqualTo("added 1 package in 1s");
        assertThat(run.lines().get(4)).matches("openvod: installed the content-review sidecar in [0-9]+\\.[0-9] s");
        assertThat(sidecar.resolve("node_modules/.package-lock.json")).isRegularFile();
        assertThat(temporaryFiles()).as("npm's held-back output is removed").isEmpty();
        assertThat(Files.readString(dir.resolve("npm-args")).strip()).as("no install scripts, npm's notes and warnings held back")
                .isEqualTo("ci --ignore-scripts --no-audit --no-fund --loglevel=error");
    }

    @Test
    void aFailedBuildShouldFailAfterNpmCiFinished() throws Exception {
        npmThatMeetsTheBuild(0);
        Run run = bash(buildThatMeetsNpm(3) + "prepare_checkout 1 '" + sidecar + "'");

        assertThat(run.status()).as(run.output()).isEqualTo(3);
        assertThat(run.output()).doesNotContain("built the runnable jar").contains("added 1 package in 1s")
                .containsPattern("installed the content-review sidecar in [0-9.]+ s");
        assertThat(sidecar.resolve("node_modules/.package-lock.json")).isRegularFile();
    }

    @Test
    void aFailedNpmCiShouldOnlyWarn() throws Exception {
        npmThatMeetsTheBuild(1);
        Run run = bash(buildThatMeetsNpm(0) + "prepare_checkout 1 '" + sidecar + "'");

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.lines().getLast())
                .isEqualTo("openvod: warning: npm ci failed in " + sidecar + "; content review will be unavailable");
    }

    @Test
    void withoutNodeTheBuildShouldRunAloneAndWarn() throws Exception {
        Files.delete(bin.resolve("node"));
        Run run = bash("build_jar() { echo 'maven output' >&2; }; prepare_checkout 1 '" + sidecar + "'");

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.lines().getFirst()).startsWith("openvod: warning: node/npm not found; content review needs Node.js >= 20");
        assertThat(run.output()).contains("maven output").doesNotContain("installing");
    }

    @Test
    void anInstalledSidecarShouldNotBeInstalledAgainAndAFreshJarNotBuilt() throws Exception {
        script("npm", "echo 'npm should not run' >&2; exit 1");
        Files.createDirectories(sidecar.resolve("node_modules"));
        Files.writeString(sidecar.resolve("node_modules/.package-lock.json"), "{}");
        Files.setLastModifiedTime(sidecar.resolve("package-lock.json"), FileTime.from(Instant.now().minusSeconds(60)));
        Run run = bash("build_jar() { echo 'the build should not run' >&2; }; prepare_checkout 0 '" + sidecar + "'");

        assertThat(run.status()).isZero();
        assertThat(run.output()).isEmpty();
    }

    @Test
    void npmCiShouldBeNeededWhenNothingOrAHalfOrAnOlderInstallIsThere() throws Exception {
        Path modules = sidecar.resolve("node_modules");
        Path lock = sidecar.resolve("package-lock.json");
        String needed = "if npm_ci_needed '" + sidecar + "'; then echo needed; else echo installed; fi";
        assertThat(bash(needed).output().strip()).as("no node_modules").isEqualTo("needed");

        Files.createDirectories(modules);
        Files.setLastModifiedTime(lock, FileTime.from(Instant.now().minusSeconds(60)));
        assertThat(bash(needed).output().strip()).as("an npm ci that did not finish").isEqualTo("needed");

        Files.writeString(modules.resolve(".package-lock.json"), "{}");
        assertThat(bash(needed).output().strip()).as("a complete install").isEqualTo("installed");

        Files.setLastModifiedTime(lock, FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(bash(needed).output().strip()).as("the lock file changed since").isEqualTo("needed");
    }

    @Test
    void stoppingTheLauncherShouldStopNpmCiToo() throws Exception {
        Path npmPid = dir.resolve("npm.pid");
        script("npm", "echo $$ > '" + npmPid + "'; exec sleep 60");
        // As Ctrl-C does: the signal goes to the launcher's whole process group (setsid gives it its own).
        ProcessBuilder pb = new ProcessBuilder("setsid", "bash", "-c", "set -euo pipefail; ROOT=/nonexistent; source '" + LIB + "'; "
                + "build_jar() { sleep 60; }; prepare_checkout 1 '" + sidecar + "'")
                .redirectErrorStream(true).redirectOutput(dir.resolve("launcher.log").toFile());
        environment(pb);
        Process launcher = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(npmPid) || Files.readString(npmPid).isBlank()) {
            assertThat(System.nanoTime()).as("npm ci started").isLessThan(deadline);
            Thread.sleep(20);
        }
        long npm = Long.parseLong(Files.readString(npmPid).strip());

        Process kill = new ProcessBuilder("kill", "-INT", "--", "-" + launcher.pid()).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();

        assertThat(launcher.waitFor(20, TimeUnit.SECONDS)).as("the launcher stopped").isTrue();
        assertThat(launcher.exitValue()).isEqualTo(130);
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ProcessHandle.of(npm).map(ProcessHandle::isAlive).orElse(false)) {
            assertThat(System.nanoTime()).as("npm ci (pid " + npm + ") stopped with the launcher").isLessThan(deadline);
            Thread.sleep(20);
        }
        assertThat(temporaryFiles()).as("npm's held-back output is removed").isEmpty();
    }
}
