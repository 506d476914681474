package io.openvod.bench.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * CPU time used so far, in clock ticks, read from {@code /proc}: the whole machine's busy time
 * ({@code /proc/stat}: user, nice, system, irq, softirq, steal), the benchmark's own JVM (driver and
 * event sink), PostgreSQL (the postmaster and every process below it, including those that ended),
 * the platform nodes' JVMs, and the nodes' child processes (ffprobe on each commit, under its
 * {@code /bin/sh} watchdog). The difference
 * of two samples over a period, divided by the ticks per second and the period, is the number of
 * cores each used; what the machine used beyond them is other work on the host.
 *
 * @param machine      busy ticks of all cores
 * @param driver       the benchmark's JVM
 * @param postgres     PostgreSQL's processes
 * @param nodes        the platform nodes' JVMs
 * @param nodeChildren what the nodes' child processes used (live or ended)
 */
record CpuSample(long machine, long driver, long postgres, long nodes, long nodeChildren) {

    /** One process's ticks: its own ({@code utime + stime}) and those of its ended, waited-for children ({@code cutime + cstime}). */
    record Ticks(long own, long children) {
    }

    /** Reads the current sample; a process that is gone counts 0. */
    static CpuSample read(long driverPid, OptionalLong postmasterPid, List<Long> nodePids) {
        long postgres = postmasterPid.isPresent() ? tree(postmasterPid.getAsLong(), true) : 0;
        long nodes = 0;
        long nodeChildren = 0;
        for (long pid : nodePids) {
            nodes += ticks(pid).own();
            nodeChildren += tree(pid, false);
        }
        return new CpuSample(machineBusy(), ticks(driverPid).own(), postgres, nodes, nodeChildren);
    }

    /** This sample minus {@code earlier}. */
    CpuSample minus(CpuSample earlier) {
        return new CpuSample(machine - earlier.machine, driver - earlier.driver, postgres - earlier.postgres, nodes - earlier.nodes,
                nodeChildren - earlier.nodeChildren);
    }

    /** What the machine used beyond the processes measured: the host's other work. */
    long other() {
        return Math.max(0, machine - driver - postgres - nodes - nodeChildren);
    }

    /** The ticks of a process and everything below it; without {@code withRoot}, only what is below it. */
    private static long tree(long pid, boolean withRoot) {
        Ticks root = ticks(pid);
        long total = root.children() + (withRoot ? root.own() : 0);
        List<Long> below = ProcessHandle.of(pid).map(p -> p.descendants().map(ProcessHandle::pid).toList()).orElse(List.of());
        for (long child : below) {
            Ticks t = ticks(child);
            total += t.own() + t.children();
        }
        return total;
    }

    private static Ticks ticks(long pid) {
        try {
            return parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return new Ticks(0, 0);
        }
    }

    /**
     * The ticks in one {@code /proc/PID/stat} line. The command name (field 2) is in parentheses and
     * may itself hold spaces and parentheses, so the fields are counted from the last {@code ')'}:
     * utime, stime, cutime and cstime are fields 14 to 17.
     */
    static Ticks parse(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" +");
        // fields[0] is field 3 (the state), so field n is fields[n - 3].
        return new Ticks(Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long.parseLong(fields[13]) + Long.parseLong(fields[14]));
    }

    private static long machineBusy() {
        try {
            return busy(Files.readAllLines(Path.of("/proc/stat")).getFirst());
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Busy ticks in the {@code cpu} line of {@code /proc/stat}: user, nice, system, irq, softirq and steal (not idle, not iowait). */
    static long busy(String cpuLine) {
        String[] f = cpuLine.trim().split(" +");
        if (!f[0].toLowerCase(Locale.ROOT).equals("cpu")) {
            throw new IllegalArgumentException("not the cpu line of /proc/stat: " + cpuLine);
        }
        long busy = 0;
        for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
            busy += i < f.length ? Long.parseLong(f[i]) : 0;
        }
        return busy;
    }
}
