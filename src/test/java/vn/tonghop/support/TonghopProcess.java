package vn.tonghop.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The real jar ({@code target/tonghop.jar}, built by {@code package} before the integration tests) run
 * as a separate process, the way an operator or systemd runs it: its own JVM, a PostgreSQL server given by
 * {@code SPRING_DATASOURCE_URL}, output captured to files.
 */
public final class TonghopProcess {

    private static final Path JAR = Path.of("target/tonghop.jar").toAbsolutePath();
    private static final AtomicInteger launches = new AtomicInteger();

    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final String command;

    private TonghopProcess(Process process, Path stdout, Path stderr, String command) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.command = command;
    }

    /**
     * Starts {@code java -jar target/tonghop.jar args...} in {@code workDir} on the database at {@code url}
     * (null: the embedded database under {@code workDir/data/pg});
     * {@code settings} are passed as environment variables (Spring Boot's relaxed binding).
     */
    public static TonghopProcess start(Path workDir, String url, Map<String, String> settings, String... args) {
        return start(JAR, workDir, url, settings, args);
    }

    /** {@code java -jar <jar> args...} (a copy of the jar elsewhere), with the embedded database, to its end. */
    public static TonghopProcess runJar(Path jar, Path workDir, Map<String, String> settings, Duration timeout, String... args) {
        TonghopProcess process = start(jar, workDir, null, settings, args);
        process.waitFor(timeout);
        return process;
    }

    private static TonghopProcess start(Path jar, Path workDir, String url, Map<String, String> settings, String... args) {
        assertThat(jar).as("the jar is built by 'mvn package' before the integration tests").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8", "-jar", jar.toString()));
        command.addAll(List.of(args));
        int n = launches.incrementAndGet();
        Path stdout = workDir.resolve("launch-" + n + "-" + args[0] + ".out");
        Path stderr = workDir.resolve("launch-" + n + "-" + args[0] + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        if (url == null) {
            builder.environment().remove("SPRING_DATASOURCE_URL"); // the embedded database under data/pg
        } else {
            builder.environment().put("SPRING_DATASOURCE_URL", url);
            builder.environment().put("SPRING_DATASOURCE_USERNAME", "postgres");
            builder.environment().put("SPRING_DATASOURCE_PASSWORD", "");
        }
        builder.environment().putAll(settings);
        try {
            return new TonghopProcess(builder.start(), stdout, stderr, String.join(" ", args));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a command to its end and returns its exit code (fails the test after {@code timeout}). */
    public static TonghopProcess run(Path workDir, String url, Map<String, String> settings, Duration timeout, String... args) {
        TonghopProcess process = start(workDir, url, settings, args);
        process.waitFor(timeout);
        return process;
    }

    public int waitFor(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("'" + command + "' still running after " + timeout.toSeconds() + "s; output:\n" + out() + err());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public int exitCode() {
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /**
     * SIGKILL, as {@code kill -9} or the kernel's OOM killer: no shutdown hook, no cleanup, for the JVM that runs the
     * command and the one that started it (a batch command runs in a second JVM, {@code BatchJvm}).
     */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL to the JVM that was started alone, leaving the one it started the command in (if any) to notice. */
    public void killLauncherOnly() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The processes this one started (a batch command's second JVM), and theirs. */
    public List<ProcessHandle> descendants() {
        return process.descendants().toList();
    }

    /** SIGTERM, as {@code systemctl stop}. */
    public void terminate() {
        process.destroy();
    }

    public String out() {
        return read(stdout);
    }

    public String err() {
        return read(stderr);
    }

    /** Output and error, for assertion messages. */
    public String output() {
        return "--- " + command + " (stdout)\n" + out() + "--- stderr\n" + err();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code condition} holds (polling every 50 ms), failing after {@code timeout}. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + "s waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
