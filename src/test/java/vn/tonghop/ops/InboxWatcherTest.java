package vn.tonghop.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.tonghop.ingest.InboxLayout;

class InboxWatcherTest {

    @TempDir
    Path inbox;

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-22T08:00:00Z"));
    private final AtomicInteger runs = new AtomicInteger();
    private InboxWatcher watcher;

    @BeforeEach
    void setUp() throws IOException {
        Files.createDirectories(inbox.resolve("063"));
        watcher = new InboxWatcher(inbox, InboxLayout::isIgnored, Duration.ofSeconds(5), runs::incrementAndGet, now::get);
    }

    private void later(int seconds) {
        now.set(now.get().plusSeconds(seconds));
    }

    @Test
    void poll_whenAFileKeepsItsSizeForTheSettleTime_thenOneRunIsAskedFor() throws IOException {
        Files.writeString(inbox.resolve("063/bach-thong-2023.csv"), "ma_don_vi,ky_bao_cao,chi_tieu,gia_tri\n");

        watcher.poll();
        later(3);
        watcher.poll();
        assertThat(runs).as("not settled yet").hasValue(0);

        later(3);
        watcher.poll();
        assertThat(runs).hasValue(1);

        later(10);
        watcher.poll();
        watcher.poll();
        assertThat(runs).as("asked once for the same file").hasValue(1);
    }

    @Test
    void poll_whenAFileIsStillGrowing_thenNoRunUntilItStops() throws IOException {
        Path file = inbox.resolve("063/cho-don-2023.csv");
        for (int part = 0; part < 4; part++) {
            Files.writeString(file, "dòng " + part + "\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            watcher.poll();
            later(4);
        }
        assertThat(runs).hasValue(0);

        watcher.poll();
        later(5);
        watcher.poll();
        assertThat(runs).hasValue(1);
    }

    @Test
    void poll_whenOnlyLockAndTemporaryFilesAreDropped_thenNoRunIsEverAskedFor() throws IOException {
        Files.writeString(inbox.resolve("063/~$bach-thong-2023.xlsx"), "lock");
        Files.writeString(inbox.resolve("063/.~lock.bach-thong-2023.xlsx#"), "lock");
        Files.writeString(inbox.resolve("063/bach-thong-2023.xlsx.tmp"), "tmp");
        Files.writeString(inbox.resolve("063/bach-thong-2023.xlsx.part"), "part");

        for (int i = 0; i < 5; i++) {
            watcher.poll();
            later(10);
        }

        assertThat(runs).hasValue(0);
    }

    @Test
    void poll_whenTheRunCouldNotTakeTheFileBecauseOfTheLock_thenItIsAskedForAgain() throws IOException {
        Files.writeString(inbox.resolve("063/na-hang-2023.csv"), "x");
        watcher.poll();
        later(6);
        watcher.poll();
        assertThat(runs).hasValue(1);

        watcher.retryLater();
        later(1);
        watcher.poll();

        assertThat(runs).hasValue(2);
    }

    @Test
    void poll_whenAFileChangesAfterTheRunWasAskedFor_thenItIsAskedForAgainOnceSettled() throws IOException {
        Path file = inbox.resolve("063/lam-binh-2023.csv");
        Files.writeString(file, "v1");
        watcher.poll();
        later(6);
        watcher.poll();
        assertThat(runs).hasValue(1);

        Files.writeString(file, "version 2, longer");
        watcher.poll();
        later(6);
        watcher.poll();

        assertThat(runs).hasValue(2);
    }
}
