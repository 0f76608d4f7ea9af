package vn.tonghop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The jar's classes as a plain class path, with a class-data archive of them, for the batch JVM ({@link BatchJvm}) to
 * start from: loading some 9,000 classes out of the jar's nested jars was most of a command's start (4.2 s for
 * {@code status} against 3.2 s from the extracted layout, 2.2 s with the archive). Kept in the user's cache folder
 * ({@code $XDG_CACHE_HOME/tonghop} or {@code ~/.cache/tonghop}), one folder per jar (its path, size and time) and JVM:
 * the first batch command after the jar was built or installed lays it out ({@code java -Djarmode=tools -jar tonghop.jar
 * extract}, about a second) and writes the archive as it ends (a few seconds more, once); the layouts of earlier builds of
 * the same jar are removed then. Anything that fails here leaves the command to start from the jar itself.
 */
final class ExtractedJar {

    /** The name of the thin jar the extraction writes: the jar's own classes, the libraries named in its manifest. */
    private static final String THIN_JAR = "tonghop.jar";
    /** A file of the layout naming the jar it was laid out from, so that a layout whose jar is gone can be removed. */
    private static final String SOURCE = "jar-path";
    private static final String ARCHIVE = "tonghop.jsa";

    private final Path folder;

    private ExtractedJar(Path folder) {
        this.folder = folder;
    }

    /** The thin jar to start with {@code -jar}. */
    Path jar() {
        return folder.resolve(THIN_JAR);
    }

    /** The class-data archive, once a command has written it. */
    Optional<Path> archive() {
        Path archive = folder.resolve(ARCHIVE);
        return Files.isRegularFile(archive) ? Optional.of(archive) : Optional.empty();
    }

    /** Where a command writes the archive as it ends, before {@link #keepArchive} puts it in place. */
    Path archiveBeingWritten(long pid) {
        return folder.resolve("tonghop-" + pid + ".jsa.part");
    }

    /** Puts an archive the command wrote in place (the first one kept when two commands wrote one); false if there is none. */
    boolean keepArchive(Path written) {
        if (!Files.isRegularFile(written)) {
            return false;
        }
        Path archive = folder.resolve(ARCHIVE);
        try {
            if (!Files.exists(archive)) {
                move(written, archive);
                return true;
            }
        } catch (IOException e) {
            // kept as the layout was: the next command writes one
        }
        deleteQuietly(written);
        return Files.exists(archive);
    }

    /**
     * The layout of {@code jar} for the JVM {@code java}, laid out now if there is none yet; empty when it cannot be
     * (no cache folder to write, an extraction that fails).
     */
    static Optional<ExtractedJar> of(Path jar, String java) {
        try {
            Path cache = cacheFolder();
            String jarKey = hash(jar.toAbsolutePath().normalize().toString());
            String key = jarKey + "-" + Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis() + "-"
                    + hash(java + "|" + System.getProperty("java.vm.version"));
            Path folder = cache.resolve(key);
            if (Files.isRegularFile(folder.resolve(THIN_JAR))) {
                return Optional.of(new ExtractedJar(folder));
            }
            Files.createDirectories(cache);
            Path part = cache.resolve(key + ".part-" + ProcessHandle.current().pid());
            try {
                if (!extract(java, jar, part)) {
                    return Optional.empty();
                }
                Files.writeString(part.resolve(SOURCE), jar.toAbsolutePath().normalize().toString(), StandardCharsets.UTF_8);
                try {
                    move(part, folder);
                } catch (IOException e) {
                    // another command laid it out meanwhile (theirs is the same), or the folder cannot be named: checked below
                }
            } finally {
                deleteTree(part);
            }
            removeEarlierBuilds(cache, jarKey, key);
            return Files.isRegularFile(folder.resolve(THIN_JAR)) ? Optional.of(new ExtractedJar(folder)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static Path cacheFolder() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("tonghop");
    }

    /**
     * Spring Boot's own extraction of the jar into {@code destination}; its output is not the user's business. The thin
     * jar it writes is named as the jar is ({@code tonghop-0.1.jar} gives {@code tonghop-0.1.jar}): renamed to
     * {@link #THIN_JAR}, so that a jar installed under another name finds its layout again next time.
     */
    private static boolean extract(String java, Path jar, Path destination) throws IOException, InterruptedException {
        Process extraction = new ProcessBuilder(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                destination.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!extraction.waitFor(2, TimeUnit.MINUTES)) {
            extraction.destroyForcibly();
            return false;
        }
        if (extraction.exitValue() != 0) {
            return false;
        }
        Path thin = destination.resolve(jar.getFileName().toString());
        if (!thin.getFileName().toString().equals(THIN_JAR) && Files.isRegularFile(thin)) {
            Files.move(thin, destination.resolve(THIN_JAR));
        }
        return Files.isRegularFile(destination.resolve(THIN_JAR));
    }

    /**
     * The layouts never used again: this jar's earlier builds (same path, another size or time), and those of jars that
     * are gone (a clone or a folder deleted since). Looked for when a layout is made, that is once per build.
     */
    private static void removeEarlierBuilds(Path cache, String jarKey, String key) throws IOException {
        List<Path> stale = new ArrayList<>();
        try (Stream<Path> folders = Files.list(cache)) {
            folders.filter(f -> {
                String name = f.getFileName().toString();
                return !name.equals(key) && !name.contains(".part-") && (name.startsWith(jarKey + "-") || jarGone(f));
            }).forEach(stale::add);
        }
        stale.forEach(ExtractedJar::deleteTree);
    }

    private static boolean jarGone(Path layout) {
        try {
            Path source = layout.resolve(SOURCE);
            return Files.isRegularFile(source) && !Files.isRegularFile(Path.of(Files.readString(source, StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(ExtractedJar::deleteQuietly);
        } catch (IOException e) {
            // a cache: what is left is removed with the next build's layout
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // as above
        }
    }

    /** A short name for a path or a JVM (CRC-32: the first JVM is starting, and a digest's providers would cost it more). */
    private static String hash(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }
}
