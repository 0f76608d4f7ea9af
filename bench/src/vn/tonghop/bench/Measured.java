package vn.tonghop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A child JVM run and measured from outside: wall time, CPU, and peak resident memory read from the kernel
 * ({@code VmHWM} in {@code /proc/<pid>/status}, the high-water mark of a process's RSS), sampled until it exits. A batch
 * command of tonghop runs in a second JVM its first one starts (BatchJvm): CPU and memory are those of both, the
 * second's peak and the first's added.
 */
record Measured(int exitCode, long wallMillis, long peakRssKb, double cpuSeconds, double databaseCpuSeconds, Path output) {

    /** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
    private static final double TICKS = 100.0;

    /**
     * Runs a command and measures it; {@code postmaster} is the database server's pid (its children's CPU, reaped
     * when their connections close, is counted as the database's share), or 0.
     */
    static Measured run(List<String> command, Path workingDir, Map<String, String> env, Path output, long postmaster)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(env);
        long databaseBefore = postmaster > 0 ? cpuTicks(postmaster, true) : 0;
        long start = System.nanoTime();
        Process process = builder.start();
        Map<Long, Long> peaks = new java.util.HashMap<>();
        Map<Long, Long> cpus = new java.util.HashMap<>();
        while (!process.waitFor(20, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            List<ProcessHandle> tree = new java.util.ArrayList<>(List.of(process.toHandle()));
            process.descendants().forEach(tree::add);
            for (ProcessHandle p : tree) {
                peaks.merge(p.pid(), highWaterMark(Path.of("/proc", Long.toString(p.pid()), "status")), Math::max);
                cpus.merge(p.pid(), cpuTicks(p.pid(), false), Math::max);
            }
        }
        long peak = peaks.values().stream().mapToLong(Long::longValue).sum();
        long cpu = cpus.values().stream().mapToLong(Long::longValue).sum();
        long wall = (System.nanoTime() - start) / 1_000_000;
        Thread.sleep(200); // let the server reap the closed connections' backends
        long database = postmaster > 0 ? cpuTicks(postmaster, true) - databaseBefore : 0;
        return new Measured(process.exitValue(), wall, peak, cpu / TICKS, database / TICKS, output);
    }

    /** utime + stime of a process (plus cutime + cstime, its reaped children's, when asked), in clock ticks. */
    static long cpuTicks(long pid, boolean withChildren) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields after the command: state(3) ... utime(14) stime(15) cutime(16) cstime(17), here 0-based from state
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return withChildren ? ticks + Long.parseLong(f[13]) + Long.parseLong(f[14]) : ticks;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long highWaterMark(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process has just ended: keep the last reading
        }
        return 0;
    }

    double totalCpu() {
        return cpuSeconds + databaseCpuSeconds;
    }

    double seconds() {
        return wallMillis / 1000.0;
    }

    long peakRssMb() {
        return peakRssKb / 1024;
    }
}
