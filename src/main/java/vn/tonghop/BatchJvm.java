package vn.tonghop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a batch command in a second JVM started with the options that suit it, since {@code java -jar tonghop.jar run}
 * takes none: HotSpot's quick compiler alone ({@code -XX:TieredStopAtLevel=1}) and the serial collector. A command lasts
 * seconds to a couple of minutes on two cores, all of them busy: the optimising compiler (C2) spent more CPU compiling
 * than its code saved, the profiling code the quick compiler adds for C2's sake slowed every method until C2 was
 * refused it, and G1's concurrent threads and write barriers are made for heaps and pauses this is not. On the
 * national year the run's JVM took 67 CPU-seconds instead of 81 and 59 s instead of 67 (docs/PERFORMANCE.md).
 *
 * <p>The first JVM (this one, a few hundred milliseconds of it) starts the second with its own options and arguments,
 * lets it use the same standard input, output and error, waits, and ends with its exit code. A signal it gets is passed
 * on (SIGTERM as {@code systemctl stop} sends it: the run stops cleanly as before) and it ends when the second JVM has.
 * The second JVM ends at once if the first is killed outright ({@code kill -9}): nothing keeps running unseen.
 *
 * <p>Not for {@code serve} (it lives for weeks and is better served by C2 and G1), nor when tonghop is not started
 * with {@code -jar}, nor with {@code -Dtonghop.batch-jvm=false}. Options given on the command line win: with a
 * {@code -XX:TieredStopAtLevel} or a collector of one's own, or {@code -Dtonghop.optimising-compiler=true}, that
 * option of the second JVM is left as given.
 */
final class BatchJvm {

    /** Set in the second JVM: it runs the command itself. */
    static final String CHILD = "tonghop.batch-jvm.child";
    /** {@code -Dtonghop.batch-jvm=false}: run the command in this JVM. */
    static final String ENABLED = "tonghop.batch-jvm";
    /** How often the second JVM looks whether the first is still there. */
    private static final long WATCH_MILLIS = 200;

    private BatchJvm() {
    }

    /**
     * How the second JVM is started: the executable, the options it gets (the batch ones this JVM's lack, in front of
     * this JVM's own), the jar and the command's arguments.
     */
    record Launch(String java, List<String> options, Path jar, List<String> arguments) {

        /** The command line, started from {@code jar} with {@code extraOptions} after the options. */
        List<String> commandLine(Path startFrom, List<String> extraOptions) {
            List<String> line = new ArrayList<>();
            line.add(java);
            line.addAll(options);
            line.addAll(extraOptions);
            line.add("-jar");
            line.add(startFrom.toString());
            line.addAll(arguments);
            return line;
        }
    }

    /** The second JVM's launch: this JVM's, with the options it lacks in front; empty where it cannot or should not be. */
    static Optional<Launch> launch(boolean serve) {
        if (serve || Boolean.getBoolean(CHILD) || "false".equalsIgnoreCase(System.getProperty(ENABLED))) {
            return Optional.empty();
        }
        ProcessHandle.Info info = ProcessHandle.current().info();
        Optional<String> java = info.command();
        Optional<String[]> arguments = info.arguments();
        if (java.isEmpty() || arguments.isEmpty()) {
            return Optional.empty();
        }
        return launch(java.get(), List.of(arguments.get()), System.getProperty("java.class.path", ""),
                Boolean.getBoolean("tonghop.optimising-compiler"));
    }

    /**
     * The second JVM's launch from the first's executable and arguments (its options, {@code -jar} and the jar, the
     * command's arguments); empty when they do not start a jar: {@code -jar} followed by the jar the class path is (what
     * {@code java -jar} makes it).
     */
    static Optional<Launch> launch(String java, List<String> arguments, String classPath, boolean optimisingCompiler) {
        int jar = -1;
        for (int i = 0; i + 1 < arguments.size() && jar < 0; i++) {
            if (arguments.get(i).equals("-jar") && arguments.get(i + 1).equals(classPath)) {
                jar = i;
            }
        }
        if (jar < 0) {
            return Optional.empty();
        }
        List<String> given = arguments.subList(0, jar);
        List<String> options = new ArrayList<>();
        if (!optimisingCompiler && given.stream().noneMatch(o -> o.startsWith("-XX:TieredStopAtLevel"))) {
            options.add("-XX:TieredStopAtLevel=1");
        }
        if (given.stream().noneMatch(o -> o.matches("-XX:[+-]Use\\w*GC"))) {
            options.add("-XX:+UseSerialGC");
        }
        options.add("-D" + CHILD + "=true");
        options.addAll(given);
        return Optional.of(new Launch(java, List.copyOf(options), Path.of(classPath),
                List.copyOf(arguments.subList(jar + 2, arguments.size()))));
    }

    /**
     * Runs the command in the second JVM and returns its exit code. It starts from the jar's extracted layout and its
     * class-data archive where it can ({@link ExtractedJar}; the command that finds no archive yet writes it as it
     * ends), from the jar itself otherwise.
     */
    static int run(Launch launch) throws IOException, InterruptedException {
        Optional<ExtractedJar> layout = ExtractedJar.of(launch.jar(), launch.java());
        Path archiveWritten = null;
        List<String> command;
        if (layout.isPresent()) {
            List<String> archive = new ArrayList<>();
            if (layout.get().archive().isPresent()) {
                archive.add("-XX:SharedArchiveFile=" + layout.get().archive().get());
            } else {
                archiveWritten = layout.get().archiveBeingWritten(ProcessHandle.current().pid());
                archive.add("-XX:ArchiveClassesAtExit=" + archiveWritten);
            }
            // an archive the JVM cannot use (another JVM's options, a damaged file) is left aside without a word on the output
            archive.add("-Xlog:cds=off,cds+dynamic=off");
            command = launch.commandLine(layout.get().jar(), archive);
        } else {
            command = launch.commandLine(launch.jar(), List.of());
        }
        int code = run(command);
        if (archiveWritten != null) {
            if (code < 128) {
                layout.get().keepArchive(archiveWritten); // the JVM ended by itself (whatever the command's outcome): the archive is whole
            } else {
                Files.deleteIfExists(archiveWritten);
            }
        }
        return code;
    }

    private static int run(List<String> command) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(command).inheritIO().start();
        Thread relay = new Thread(() -> {
            // this JVM is ending on a signal: the command ends the way it does on one, then its exit code is this one's
            child.destroy();
            try {
                int code = child.waitFor();
                Runtime.getRuntime().halt(code);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "batch-jvm-relay");
        Runtime.getRuntime().addShutdownHook(relay);
        int code = child.waitFor();
        try {
            Runtime.getRuntime().removeShutdownHook(relay);
        } catch (IllegalStateException e) {
            // shutting down already: the relay has the child's exit code too
        }
        return code;
    }

    /** In the second JVM: ends it at once should the first be killed (the one an operator sees and may kill). */
    static void watchParent() {
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        if (parent.isEmpty()) {
            return;
        }
        ProcessHandle first = parent.get();
        Thread watch = new Thread(() -> {
            try {
                while (first.isAlive()) {
                    Thread.sleep(WATCH_MILLIS);
                }
                Runtime.getRuntime().halt(137); // as if killed with it: what the operator asked of the first
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "batch-jvm-watch");
        watch.setDaemon(true);
        watch.start();
    }
}
