package vn.tonghop.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSettlingTest {

    @TempDir
    Path inbox;

    private final FileSettling settling = new FileSettling(Duration.ofSeconds(2));

    @Test
    void stillBeingWritten_whenAFileGrowsDuringTheSettleTime_thenItIsLeftAndAFinishedOneTaken() throws Exception {
        Path growing = inbox.resolve("dang-chep.csv");
        Path finished = inbox.resolve("da-chep-xong.csv");
        Files.writeString(growing, "phần 1\n");
        Files.writeString(finished, "xong\n");
        Map<Path, FileSettling.Stamp> listed = Map.of(growing, FileSettling.Stamp.of(growing), finished, FileSettling.Stamp.of(finished));
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(800);
                Files.writeString(growing, "phần 2\n", StandardOpenOption.APPEND);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        long started = System.nanoTime();
        var writing = settling.stillBeingWritten(listed);
        writer.join();

        assertThat(writing).containsExactly(growing);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(4));
    }

    @Test
    void stillBeingWritten_whenEveryFileIsOlderThanTheSettleTime_thenNoWaitAndAllTaken() throws Exception {
        Path old = inbox.resolve("cu.csv");
        Files.writeString(old, "cũ\n");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(60)));

        long started = System.nanoTime();
        var writing = settling.stillBeingWritten(Map.of(old, FileSettling.Stamp.of(old)));

        assertThat(writing).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
    }

    @Test
    void unchanged_whenACopyKeepsTheOldModificationTimeButGrows_thenItIsSeen() throws IOException {
        Path copy = inbox.resolve("ban-sao.xlsx");
        Files.writeString(copy, "12345");
        FileTime original = FileTime.from(Instant.now().minusSeconds(3600));
        Files.setLastModifiedTime(copy, original);
        FileSettling.Stamp listed = FileSettling.Stamp.of(copy);

        Files.writeString(copy, "67890", StandardOpenOption.APPEND);
        Files.setLastModifiedTime(copy, original);

        assertThat(settling.unchanged(copy, listed)).isFalse();
        assertThat(new FileSettling(Duration.ZERO).unchanged(copy, listed)).as("settling off").isTrue();
    }
}
