package vn.tonghop.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Tells files still being written from settled ones. A clerk's copy to a shared folder, a download or an
 * office suite's save can take seconds; a file whose size or modification time changes within the settle
 * time is not taken yet (the next run or the watcher takes it). Copies that keep the original modification
 * time are caught by their size, and by a second look after hashing.
 */
public final class FileSettling {

    /** Size and modification time of a file at one moment. */
    public record Stamp(long size, Instant modified) {

        /** The file's stamp, or null when it is gone. */
        public static Stamp of(Path file) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                return new Stamp(attributes.size(), attributes.lastModifiedTime().toInstant());
            } catch (IOException e) {
                return null;
            }
        }
    }

    private final Duration settle;

    public FileSettling(Duration settle) {
        this.settle = settle;
    }

    public boolean enabled() {
        return !settle.isZero();
    }

    /**
     * Of these files (with their stamps as listed), those still being written: files modified within the
     * settle time are looked at again once it has passed (one wait for all, at most the settle time), and
     * those that changed meanwhile, or vanished, are still being written.
     */
    public Set<Path> stillBeingWritten(Map<Path, Stamp> listed) throws InterruptedException {
        Set<Path> writing = new HashSet<>();
        if (!enabled()) {
            return writing;
        }
        Instant now = Instant.now();
        Instant threshold = now.minus(settle);
        Instant newest = null;
        for (Map.Entry<Path, Stamp> file : listed.entrySet()) {
            Instant modified = file.getValue().modified();
            if (modified.isAfter(threshold) && (newest == null || modified.isAfter(newest))) {
                newest = modified;
            }
        }
        if (newest == null) {
            return writing;
        }
        Duration wait = Duration.between(now, newest.plus(settle));
        if (wait.compareTo(settle) > 0) {
            wait = settle; // a modification time in the future (a share's clock): wait once, then compare
        }
        if (!wait.isNegative()) {
            Thread.sleep(wait.toMillis());
        }
        for (Map.Entry<Path, Stamp> file : listed.entrySet()) {
            if (file.getValue().modified().isAfter(threshold) && !file.getValue().equals(Stamp.of(file.getKey()))) {
                writing.add(file.getKey());
            }
        }
        return writing;
    }

    /** Whether a file is exactly as it was listed (checked after hashing it). */
    public boolean unchanged(Path file, Stamp listed) {
        return !enabled() || listed.equals(Stamp.of(file));
    }
}
