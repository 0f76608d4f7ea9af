package vn.tonghop.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The nightly run as an installation makes it: {@code tonghop serve} is running (started, idle, its JVM warm from
 * starting, its warm-up over), the five new files are dropped into its inbox, its folder watcher sees them settle and runs the pipeline.
 * Measured: the run itself, from the log's "Run started (watcher)" to "Run (watcher) ended" (the watcher's settle wait
 * before it is not tonghop's work), the serve process's CPU over the run, and the database's CPU from serve's start to
 * its stop. It runs on a copy of the database taken after the year was loaded, writing to the same output folder.
 */
final class ServeNightly {

    private ServeNightly() {
    }

    static Measured measure(List<String> serveCommand, Path work, Map<String, String> env, Path nightlyFiles, Path serveLog, Path output,
                            long postmaster) throws IOException, InterruptedException {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        ProcessBuilder builder = new ProcessBuilder(serveCommand).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(env);
        long databaseBefore = Measured.cpuTicks(postmaster, true);
        Process serve = builder.start();
        try {
            awaitLog(serveLog, "Serving:", Duration.ofMinutes(2), serve);
            // an installation's serve has been idle for hours when the nightly run comes: its warm-up is over
            awaitLog(serveLog, "Serve warm-up done", Duration.ofMinutes(2), serve);
            long cpuBefore = Measured.cpuTicks(serve.pid(), false);
            copyTree(nightlyFiles, inbox);
            awaitLog(serveLog, "Run (watcher) ended with exit code", Duration.ofMinutes(10), serve);
            long cpu = Measured.cpuTicks(serve.pid(), false) - cpuBefore;
            long peak = highWaterMark(serve.pid());
            List<String> lines = Files.readAllLines(serveLog, StandardCharsets.UTF_8);
            LocalDateTime started = timeOf(lines, "Run started (watcher)");
            LocalDateTime ended = timeOf(lines, "Run (watcher) ended with exit code");
            int exit = lines.stream().filter(l -> l.contains("Run (watcher) ended with exit code")).findFirst()
                    .map(l -> Integer.parseInt(l.replaceAll(".*exit code ", "").strip())).orElse(-1);
            serve.destroy(); // SIGTERM: serve stops gracefully
            serve.waitFor(2, java.util.concurrent.TimeUnit.MINUTES);
            Thread.sleep(200);
            long database = Measured.cpuTicks(postmaster, true) - databaseBefore;
            return new Measured(exit, Duration.between(started, ended).toMillis(), peak, cpu / 100.0, database / 100.0, output);
        } finally {
            if (serve.isAlive()) {
                serve.destroyForcibly();
            }
        }
    }

    private static void awaitLog(Path log, String text, Duration timeout, Process serve) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
                return;
            }
            if (!serve.isAlive()) {
                throw new IllegalStateException("serve exited (" + serve.exitValue() + ") before its log said: " + text);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("serve's log did not say '" + text + "' within " + timeout.toSeconds() + " s");
    }

    /** The time stamp of the first log line holding {@code text} (Spring Boot's ISO format, UTC). */
    private static LocalDateTime timeOf(List<String> lines, String text) {
        for (String line : lines) {
            if (line.contains(text)) {
                return LocalDateTime.parse(line.substring(0, 23));
            }
        }
        throw new IllegalStateException("no log line: " + text);
    }

    private static long highWaterMark(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return 0;
    }

    /** Copies files keeping their modification times: files written a while ago settle at once. */
    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(from)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        for (Path p : files) {
            Path target = to.resolve(from.relativize(p).toString());
            Files.createDirectories(target.getParent());
            Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }
}
