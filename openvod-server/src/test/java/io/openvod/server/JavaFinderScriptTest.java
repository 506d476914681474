package io.openvod.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDK discovery that {@code ./openvod} and the benchmark script share ({@code scripts/lib/java.sh}). */
class JavaFinderScriptTest {
    private static final Path LIB = Path.of("..", "scripts", "lib", "java.sh").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private String bash(String script, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "source '" + LIB + "'; " + script).redirectErrorStream(true);
        pb.environment().remove("JAVA_HOME");
        pb.environment().remove("OPENVOD_JAVA_HOME");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor();
        return out;
    }

    /** A fake JDK whose java prints {@code versionLine} as {@code java -version} does. */
    private Path fakeJdk(String name, String versionLine) throws IOException {
        Path bin = Files.createDirectories(dir.resolve(name).resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho '" + versionLine + "' >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir.resolve(name);
    }

    @Test
    void javaMajorShouldReadModernAndLegacyVersionLines() throws Exception {
        String running = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        assertThat(bash("java_major '" + running + "'", Map.of())).isEqualTo(Integer.toString(Runtime.version().feature()));
        Path jdk17 = fakeJdk("jdk17", "openjdk version \"17.0.15\" 2025-04-15");
        Path jdk8 = fakeJdk("jdk8", "java version \"1.8.0_392\"");
        Path jdk21 = fakeJdk("jdk21", "openjdk version \"21\" 2023-09-19");
        assertThat(bash("java_major '" + jdk17 + "/bin/java'", Map.of())).isEqualTo("17");
        assertThat(bash("java_major '" + jdk8 + "/bin/java'", Map.of())).isEqualTo("8");
        assertThat(bash("java_major '" + jdk21 + "/bin/java'", Map.of())).isEqualTo("21");
    }

    @Test
    void findJavaShouldSkipAnOldJdkAndTakeTheNextCandidate() throws Exception {
        Path jdk17 = fakeJdk("old", "openjdk version \"17.0.15\" 2025-04-15");
        Path jdk25 = fakeJdk("new", "openjdk version \"25.0.3\" 2026-04-21 LTS");
        String found = bash("find_java", Map.of("OPENVOD_JAVA_HOME", jdk17.toString(), "JAVA_HOME", jdk25.toString()));
        assertThat(found).isEqualTo(jdk25.resolve("bin/java").toString());
    }

    @Test
    void useJavaShouldExportTheJavaHomeOfTheJdkItFound() throws Exception {
        Path jdk = fakeJdk("good", "openjdk version \"22.0.1\" 2024-04-16");
        String out = bash("use_java && echo \"$JAVA_HOME\"", Map.of("OPENVOD_JAVA_HOME", jdk.toString()));
        assertThat(out).isEqualTo(jdk.toRealPath().toString());
    }
}
