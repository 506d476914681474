package io.openvod.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** CPU times from /proc: a process's stat line (whose name may hold spaces and parentheses) and the machine's cpu line. */
class CpuSampleTest {
    @Test
    void readsUserSystemAndChildrenTicksAfterTheCommandName() {
        String stat = "4242 (java (node) 1) S 1 4242 4242 0 -1 4194560 50000 0 0 0 1234 567 89 10 20 0 55 0 100 0 0";
        CpuSample.Ticks t = CpuSample.parse(stat);
        assertThat(t.own()).isEqualTo(1234 + 567);
        assertThat(t.children()).isEqualTo(89 + 10);
    }

    @Test
    void theMachineIsBusyInUserNiceSystemIrqSoftirqAndSteal() {
        assertThat(CpuSample.busy("cpu  100 2 30 9000 400 5 6 7 0 0")).isEqualTo(100 + 2 + 30 + 5 + 6 + 7);
        assertThatThrownBy(() -> CpuSample.busy("cpu0 1 2 3 4")).hasMessageContaining("not the cpu line");
    }

    @Test
    void aSampleOfThisProcessGrowsWithItsWorkAndAGoneProcessCountsNothing() {
        long self = ProcessHandle.current().pid();
        CpuSample before = CpuSample.read(self, OptionalLong.empty(), List.of(Long.MAX_VALUE));
        long spin = System.nanoTime() + 300_000_000L;
        long x = 0;
        while (System.nanoTime() < spin) {
            x += Long.numberOfTrailingZeros(x + System.nanoTime());
        }
        CpuSample used = CpuSample.read(self, OptionalLong.empty(), List.of(Long.MAX_VALUE)).minus(before);
        assertThat(x).isNotNegative();
        assertThat(used.driver()).as("about 30 ticks of spinning").isPositive();
        assertThat(used.machine()).isGreaterThanOrEqualTo(used.driver() - 2);
        assertThat(used.postgres()).isZero();
        assertThat(used.nodes()).isZero();
        assertThat(used.nodeChildren()).isZero();
    }

    @Test
    void otherIsWhatTheMachineUsedBeyondTheProcessesMeasured() {
        assertThat(new CpuSample(100, 10, 20, 30, 5).other()).isEqualTo(35);
        assertThat(new CpuSample(10, 10, 20, 30, 5).other()).as("never negative (samples are not atomic)").isZero();
    }
}
