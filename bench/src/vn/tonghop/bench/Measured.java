package vn.tonghop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A child JVM run and measured from outside: wall time, and peak resident memory read from the kernel
 * ({@code VmHWM} in {@code /proc/<pid>/status}, the high-water mark of the process's RSS), sampled until it exits.
 */
record Measured(int exitCode, long wallMillis, long peakRssKb, Path output) {

    static Measured run(List<String> command, Path workingDir, Map<String, String> env, Path output) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        long peak = 0;
        while (!process.waitFor(20, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            peak = Math.max(peak, highWaterMark(status));
        }
        long wall = (System.nanoTime() - start) / 1_000_000;
        return new Measured(process.exitValue(), wall, peak, output);
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

    double seconds() {
        return wallMillis / 1000.0;
    }

    long peakRssMb() {
        return peakRssKb / 1024;
    }
}
