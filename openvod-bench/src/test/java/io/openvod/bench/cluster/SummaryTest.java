package io.openvod.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Medians over the rounds, ratios between configurations, and a run's own verdict and JSON line. */
class SummaryTest {
    private static final ClusterOptions OPTIONS = new ClusterOptions(Path.of("server.jar"), Path.of("work"), Path.of("r.jsonl"),
            List.of(Setup.A, Setup.B, Setup.C), 8, 10, 20, 3, 256 * 1024, 30, "512m", List.of(), "off", 100);
    private static final long MS = 1_000_000L;

    /** A clean run of {@code setup} with {@code uploads} commits in the 20 s, each taking {@code uploadMs}. */
    private static RunResult run(Setup setup, int round, int uploads, long uploadMs) {
        RunResult.Latencies latencies = new RunResult.Latencies();
        for (int i = 0; i < uploads; i++) {
            latencies.upload().record(uploadMs * MS);
        }
        EventAudit audit = EventAudit.of(Map.of("f", 1_000 * MS), List.of(new EventSink.Arrival("e", "NewFileUpload", "f", 1_100 * MS)),
                0, 20_000 * MS);
        return new RunResult(setup, round, OPTIONS, uploads, 5, latencies, Map.of(), 0, audit, 0,
                new RunResult.Deliveries(1, 1, 0, 1), 0.1, new CpuSample(4000, 200, 600, 1000, 400), 3.0);
    }

    @Test
    void theMedianOfOddEvenAndNoCounts() {
        assertThat(Summary.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(Summary.median(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
        assertThat(Summary.median(List.of())).isNaN();
        assertThat(Summary.ratio(3, 2)).isEqualTo(1.5);
        assertThat(Summary.ratio(3, 0)).isNaN();
        assertThat(Summary.ratio(Double.NaN, 2)).isNaN();
    }

    @Test
    void ratiosAreOfTheMediansOverTheRounds() {
        List<RunResult> results = List.of(run(Setup.A, 1, 200, 500), run(Setup.A, 2, 400, 500), run(Setup.A, 3, 220, 500),
                run(Setup.B, 1, 180, 600), run(Setup.B, 2, 110, 600), run(Setup.B, 3, 1000, 600),
                run(Setup.C, 1, 100, 900));
        assertThat(Summary.median(results, Setup.A, RunResult::uploadsPerSecond)).isEqualTo(11.0);
        assertThat(Summary.median(results, Setup.B, RunResult::uploadsPerSecond)).isEqualTo(9.0);
        assertThat(Summary.ratioOfMedians(results, Setup.B, Setup.A, RunResult::uploadsPerSecond)).isCloseTo(9.0 / 11.0,
                org.assertj.core.data.Offset.offset(1e-9));
        String table = Summary.table(results, OPTIONS.setups());
        assertThat(table).contains("a 1 node SQLite").contains("b 1 node PostgreSQL").contains("c 2 nodes PostgreSQL");
        assertThat(table).contains("      11.0").contains("       9.0").contains("       5.0");
        assertThat(table).contains("ratio b/a (1 node PostgreSQL / 1 node SQLite): uploads/s 0.818")
                .contains("server CPU per upload 1.222");
        assertThat(table).contains("ratio c/b (2 nodes PostgreSQL / 1 node PostgreSQL): uploads/s 0.556");
    }

    @Test
    void aRunIsCorrectOnlyWhenNothingFailedAndTheEventsAddUp() {
        RunResult clean = run(Setup.C, 1, 100, 500);
        assertThat(clean.correct()).isTrue();
        assertThat(clean.cores(clean.cpu().nodes())).as("1000 ticks at 100/s over 20 s").isEqualTo(0.5);
        assertThat(clean.cores(clean.cpu().other())).isEqualTo((4000 - 200 - 600 - 1000 - 400) / 100.0 / 20);
        assertThat(clean.serverCpuMsPerUpload()).as("(600 + 1000 + 400) ticks = 20 s of CPU over 100 uploads").isEqualTo(200.0);
        assertThat(clean.json()).startsWith("{\"bench\":\"cluster-throughput\",\"setup\":\"c\",\"label\":\"2 nodes PostgreSQL\",\"nodes\":2,")
                .contains("\"uploadsPerSecond\":5.00").contains("\"errors\":{}").contains("\"serverCpuMsPerUpload\":200.00")
                .contains("\"correct\":true");
        RunResult failed = new RunResult(Setup.C, 1, OPTIONS, 100, 5, clean.latencies(), Map.of("PUT Object HTTP 503", 2), 0,
                clean.audit(), 0, clean.deliveries(), 0.1, clean.cpu(), 3.0);
        assertThat(failed.correct()).isFalse();
        assertThat(failed.errorCount()).isEqualTo(2);
        assertThat(failed.json()).contains("\"errors\":{\"PUT Object HTTP 503\":2}").contains("\"correct\":false");
        assertThat(failed.summary()).contains("NOT OK");
        RunResult retried = new RunResult(Setup.C, 1, OPTIONS, 100, 5, clean.latencies(), Map.of(), 0, clean.audit(), 0,
                new RunResult.Deliveries(1, 1, 0, 3), 0.1, clean.cpu(), 3.0);
        assertThat(retried.deliveries().retries()).isEqualTo(2);
        RunResult lost = new RunResult(Setup.C, 1, OPTIONS, 100, 5, clean.latencies(), Map.of(), 0, clean.audit(), 0,
                new RunResult.Deliveries(2, 1, 1, 1), 0.1, clean.cpu(), 3.0);
        assertThat(lost.correct()).as("the platform holds an event nobody received").isFalse();
    }
}
