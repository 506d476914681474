package io.openvod.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster benchmark's command line and the order in which each round runs the configurations. */
class ClusterOptionsTest {
    @TempDir
    Path dir;

    private String jar() throws Exception {
        return Files.writeString(dir.resolve("openvod-server.jar"), "jar").toString();
    }

    @Test
    void hasTheDocumentedDefaults() throws Exception {
        ClusterOptions o = ClusterOptions.parse(new String[] {"--server-jar", jar(), "--work", dir.toString()});
        assertThat(o.setups()).containsExactly(Setup.A, Setup.B, Setup.C);
        assertThat(o.clients()).isEqualTo(8);
        assertThat(o.warmupSeconds()).isEqualTo(10);
        assertThat(o.durationSeconds()).isEqualTo(20);
        assertThat(o.rounds()).isEqualTo(3);
        assertThat(o.sizeBytes()).isEqualTo(256 * 1024);
        assertThat(o.heap()).isEqualTo("512m");
        assertThat(o.synchronousCommit()).isEqualTo("off");
        assertThat(o.results()).isEqualTo(dir.resolve("cluster-throughput.jsonl"));
        assertThat(o.needsPostgres()).isTrue();
    }

    @Test
    void roundsAlternateTheOrderOfTheConfigurations() throws Exception {
        ClusterOptions o = ClusterOptions.parse(new String[] {"--server-jar", jar(), "--work", dir.toString(), "--setups", "c,A"});
        assertThat(o.order(1)).containsExactly(Setup.C, Setup.A);
        assertThat(o.order(2)).containsExactly(Setup.A, Setup.C);
        assertThat(o.order(3)).containsExactly(Setup.C, Setup.A);
        assertThat(ClusterOptions.parse(new String[] {"--server-jar", jar(), "--work", dir.toString(), "--setups", "a"}).needsPostgres())
                .isFalse();
    }

    @Test
    void readsEveryOption() throws Exception {
        ClusterOptions o = ClusterOptions.parse(new String[] {"--server-jar", jar(), "--work", dir.toString(), "--clients", "3",
                "--warmup", "0", "--duration", "7", "--rounds", "5", "--size-kib", "64", "--drain", "9", "--heap", "256m",
                "--node-jvm-option", "-XX:+UseSerialGC", "--node-jvm-option", "-Dx=y", "--synchronous-commit", "on",
                "--clock-ticks", "250", "--results", dir.resolve("r.jsonl").toString()});
        assertThat(o.clients()).isEqualTo(3);
        assertThat(o.warmupSeconds()).isZero();
        assertThat(o.durationSeconds()).isEqualTo(7);
        assertThat(o.rounds()).isEqualTo(5);
        assertThat(o.sizeBytes()).isEqualTo(64 * 1024);
        assertThat(o.drainSeconds()).isEqualTo(9);
        assertThat(o.heap()).isEqualTo("256m");
        assertThat(o.nodeJvmOptions()).containsExactly("-XX:+UseSerialGC", "-Dx=y");
        assertThat(o.synchronousCommit()).isEqualTo("on");
        assertThat(o.clockTicks()).isEqualTo(250);
        assertThat(o.results()).isEqualTo(dir.resolve("r.jsonl"));
    }

    @Test
    void refusesWhatCannotBeRun() throws Exception {
        String jar = jar();
        String work = dir.toString();
        assertThatThrownBy(() -> ClusterOptions.parse(new String[] {"--work", work})).hasMessageContaining("--server-jar");
        assertThatThrownBy(() -> ClusterOptions.parse(new String[] {"--server-jar", dir.resolve("none.jar").toString(), "--work", work}))
                .hasMessageContaining("not a file");
        assertThatThrownBy(() -> ClusterOptions.parse(new String[] {"--server-jar", jar, "--work", work, "--setups", "a,d"}))
                .hasMessageContaining("unknown configuration d");
        assertThatThrownBy(() -> ClusterOptions.parse(new String[] {"--server-jar", jar, "--work", work, "--setups", "a,b,a"}))
                .hasMessageContaining("names a twice");
        assertThatThrownBy(() -> ClusterOptions.parse(new String[] {"--server-jar", jar, "--work", work, "--clients", "0"}))
                .hasMessageContaining("--clients takes a whole number from 1");
        assertThatThrownBy(() -> ClusterOptions.parse(new String[] {"--server-jar", jar, "--work", work, "--heap", "lots"}))
                .hasMessageContaining("--heap");
        assertThatThrownBy(() -> ClusterOptions.parse(new String[] {"--server-jar", jar, "--work", work, "--synchronous-commit", "local"}))
                .hasMessageContaining("on or off");
        assertThatThrownBy(() -> ClusterOptions.parse(new String[] {"--server-jar", jar, "--work", work, "--fast", "1"}))
                .hasMessageContaining("unknown option --fast");
        assertThatThrownBy(() -> ClusterOptions.parse(new String[] {"--server-jar", jar, "--work"}))
                .hasMessageContaining("missing value after --work");
    }

    @Test
    void configurationsAreNamedByLetterAndLabelled() {
        assertThat(Setup.named("B")).isEqualTo(Setup.B);
        assertThat(Setup.A.label()).isEqualTo("1 node SQLite");
        assertThat(Setup.C.label()).isEqualTo("2 nodes PostgreSQL");
        assertThat(Setup.C.nodes()).isEqualTo(2);
        assertThat(Setup.B.database()).isEqualTo(Setup.Database.POSTGRES);
    }
}
