package vn.tonghop;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.ObjectName;

/**
 * Keeps HotSpot's optimising compiler (C2) out of a batch command, leaving its quick one (C1), through a compiler
 * directive added from inside the process as it starts (what {@code jcmd <pid> Compiler.directives_add} does), since
 * {@code java -jar tonghop.jar run} takes no JVM options. A command lasts seconds to a few minutes on two cores, and
 * C2 spent most of its CPU compiling: 17 of 37 CPU-seconds of a 3,000-commune {@code run} went to the compiler
 * threads, and on the national year leaving C2 out took the run's JVM from 82 to 62 CPU-seconds and its wall time
 * from 64 to 58 s, the nightly run's from 7.3 to 5.9 s ({@code bench/run}, docs/PERFORMANCE.md). {@code serve} lives
 * for weeks and keeps C2. {@code -Dtonghop.optimising-compiler=true} keeps it for any command; a JVM without the
 * diagnostic command (not HotSpot) simply runs as it is.
 */
final class QuickCompilation {

    /**
     * Every method but the JDK's message digests: not compiled by C2 (the tiered policy then compiles it with C1 alone).
     * SHA-256, which hashes every file the scan finds, runs on CPU instructions only C2 calls (an intrinsic): left to
     * C1 the scan of a national year took 2.9 s instead of 1.4 s. The first directive that matches a method applies.
     */
    private static final String DIRECTIVES = "[{ match: \"sun/security/provider/*.*\", c2: { Exclude: false } },"
            + " { match: \"*.*\", c2: { Exclude: true } }]";

    private QuickCompilation() {
    }

    /** Whether the command's JVM should leave C2 out. */
    static boolean wanted(boolean serve) {
        return !serve && !Boolean.getBoolean("tonghop.optimising-compiler");
    }

    /** Adds the directive; false when this JVM cannot take it (the command then runs with both compilers). */
    static boolean apply() {
        try {
            Path file = Files.createTempFile("tonghop-compiler-", ".json");
            try {
                Files.writeString(file, DIRECTIVES);
                Object answer = ManagementFactory.getPlatformMBeanServer().invoke(
                        new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                        new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()});
                return String.valueOf(answer).contains("2 compiler directives added");
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (Exception | LinkageError e) {
            return false;
        }
    }
}
