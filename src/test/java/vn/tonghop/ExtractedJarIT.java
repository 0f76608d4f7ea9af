package vn.tonghop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import vn.tonghop.support.TonghopProcess;

/**
 * The batch JVM starts from the jar laid out in the user's cache folder with a class-data archive: the first command
 * lays it out and writes the archive, the next ones start from them and say the same; a rebuilt jar gets a layout of
 * its own and its earlier build's is removed. ({@code status} on an embedded database of the test's own: {@code --help}
 * is answered without a second JVM.)
 */
class ExtractedJarIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @Test
    void commands_firstLaysOutTheJarAndWritesTheArchive_thenTheNextStartFromThem_andARebuildReplacesThem() throws IOException {
        Path work = freshWork("extracted-jar");
        Path cache = work.resolve("cache");
        Map<String, String> env = cacheIn(cache);

        TonghopProcess first = TonghopProcess.run(work, null, env, TIMEOUT, "status");
        assertThat(first.exitCode()).as(first.output()).isZero();
        List<Path> layouts = folders(cache.resolve("tonghop"));
        assertThat(layouts).as("one layout for the jar").hasSize(1);
        assertThat(layouts.get(0).resolve("tonghop.jar")).isRegularFile();
        assertThat(layouts.get(0).resolve("lib")).isDirectory();
        assertThat(layouts.get(0).resolve("tonghop.jsa")).as("the archive the first command wrote as it ended").isRegularFile();

        TonghopProcess second = TonghopProcess.run(work, null, env, TIMEOUT, "status");
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.out()).isEqualTo(first.out()).contains("Các lượt chạy gần đây");
        assertThat(second.err()).as("nothing said of the archive").doesNotContain("cds").doesNotContain("shared archive");
        assertThat(folders(cache.resolve("tonghop"))).containsExactlyElementsOf(layouts);

        // the same jar rebuilt in place: a layout of its own, the earlier one gone
        Path jar = Path.of("target/tonghop.jar");
        FileTime built = Files.getLastModifiedTime(jar);
        try {
            Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
            TonghopProcess rebuilt = TonghopProcess.run(work, null, env, TIMEOUT, "status");
            assertThat(rebuilt.exitCode()).as(rebuilt.output()).isZero();
            List<Path> after = folders(cache.resolve("tonghop"));
            assertThat(after).hasSize(1).doesNotContainAnyElementsOf(layouts);
        } finally {
            Files.setLastModifiedTime(jar, built);
        }
    }

    @Test
    void commands_twoAtOnceOnAnEmptyCache_thenOneLayoutOneArchiveAndNothingHalfWritten() throws IOException {
        Path work = freshWork("extracted-jar-twice");
        Path cache = work.resolve("cache");
        Map<String, String> env = cacheIn(cache);

        // two folders (each its own embedded database), one cache
        TonghopProcess one = TonghopProcess.start(Files.createDirectories(work.resolve("one")), null, env, "status");
        TonghopProcess other = TonghopProcess.start(Files.createDirectories(work.resolve("other")), null, env, "status");
        assertThat(one.waitFor(TIMEOUT)).as(one.output()).isZero();
        assertThat(other.waitFor(TIMEOUT)).as(other.output()).isZero();
        assertThat(other.out()).contains("Các lượt chạy gần đây");

        List<Path> layouts = folders(cache.resolve("tonghop"));
        assertThat(layouts).hasSize(1);
        try (Stream<Path> files = Files.walk(cache)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no folder or archive left half-written")
                    .noneMatch(name -> name.contains(".part"));
        }
        assertThat(layouts.get(0).resolve("tonghop.jsa")).isRegularFile();
    }

    @Test
    void layout_ofAJarThatIsGone_thenRemovedWhenTheNextLayoutIsMade() throws IOException {
        Path work = freshWork("extracted-jar-gone");
        Path cache = work.resolve("cache");
        Map<String, String> env = cacheIn(cache);
        Path copy = work.resolve("elsewhere/tonghop.jar");
        Files.createDirectories(copy.getParent());
        Files.copy(Path.of("target/tonghop.jar"), copy);

        TonghopProcess fromCopy = TonghopProcess.runJar(copy, work, env, TIMEOUT, "status");
        assertThat(fromCopy.exitCode()).as(fromCopy.output()).isZero();
        List<Path> copyLayout = folders(cache.resolve("tonghop"));
        assertThat(copyLayout).hasSize(1);
        Files.delete(copy); // the copy's folder deleted, as a clone is

        TonghopProcess fromJar = TonghopProcess.run(work, null, env, TIMEOUT, "status");
        assertThat(fromJar.exitCode()).as(fromJar.output()).isZero();
        assertThat(folders(cache.resolve("tonghop"))).as("the gone jar's layout removed, the jar's own made").hasSize(1)
                .doesNotContainAnyElementsOf(copyLayout);
    }

    @Test
    void commands_fromAJarUnderAnotherName_thenItsLayoutIsMadeOnceAndUsedAgain() throws IOException {
        Path work = freshWork("extracted-jar-renamed");
        Path cache = work.resolve("cache");
        Map<String, String> env = cacheIn(cache);
        Path renamed = work.resolve("opt/tonghop-0.1.0.jar");
        Files.createDirectories(renamed.getParent());
        Files.copy(Path.of("target/tonghop.jar"), renamed);

        TonghopProcess first = TonghopProcess.runJar(renamed, work, env, TIMEOUT, "status");
        assertThat(first.exitCode()).as(first.output()).isZero();
        List<Path> layouts = folders(cache.resolve("tonghop"));
        assertThat(layouts).as("one layout, kept (the extraction names its thin jar after the jar)").hasSize(1);
        assertThat(layouts.get(0).resolve("tonghop.jar")).isRegularFile();
        assertThat(layouts.get(0).resolve("tonghop.jsa")).isRegularFile();
        FileTime laidOut = Files.getLastModifiedTime(layouts.get(0).resolve("tonghop.jar"));

        TonghopProcess second = TonghopProcess.runJar(renamed, work, env, TIMEOUT, "status");
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.out()).isEqualTo(first.out()).contains("Các lượt chạy gần đây");
        assertThat(folders(cache.resolve("tonghop"))).containsExactlyElementsOf(layouts);
        assertThat(Files.getLastModifiedTime(layouts.get(0).resolve("tonghop.jar"))).as("not laid out again").isEqualTo(laidOut);
    }

    @Test
    void command_whenTheCacheFolderCannotBeWritten_thenItRunsFromTheJarAsBefore() throws IOException {
        Path work = freshWork("extracted-jar-nowhere");
        Path notAFolder = work.resolve("cache");
        Files.delete(notAFolder);
        Files.writeString(notAFolder, "a file where the cache folder would be");

        TonghopProcess run = TonghopProcess.run(work, null, cacheIn(notAFolder), TIMEOUT, "status");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.out()).contains("Các lượt chạy gần đây");
        assertThat(notAFolder).isRegularFile().hasContent("a file where the cache folder would be");
    }

    /** An empty folder of the test's own, with an empty cache folder in it. */
    private static Path freshWork(String name) throws IOException {
        Path work = Path.of("target/it-work", name).toAbsolutePath();
        FileSystemUtils.deleteRecursively(work);
        Files.createDirectories(work.resolve("cache"));
        return work;
    }

    /** The environment that makes {@code cache} the user's cache folder. */
    private static Map<String, String> cacheIn(Path cache) {
        return Map.of("XDG_CACHE_HOME", cache.toString());
    }

    private static List<Path> folders(Path cache) throws IOException {
        try (Stream<Path> list = Files.list(cache)) {
            return list.filter(Files::isDirectory).sorted().toList();
        }
    }
}
