package vn.tonghop.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tonghop processes using the embedded cluster of a data directory, the one that started it and those sharing it
 * alike: each is a file in {@code <data directory>-users/} that the process holds locked for its lifetime (the system
 * releases the lock when the process dies, however it dies, so a file nobody holds is a leftover). Who starts, shares
 * or stops the cluster decides holding the folder's {@code guard}: a process deciding to stop the cluster and one
 * deciding to share it never both go ahead.
 */
final class ClusterUsers {

    private static final Logger log = LoggerFactory.getLogger(ClusterUsers.class);
    private static final String GUARD = "guard";
    private static final String USER_SUFFIX = ".user";
    /** Longer than a cluster's start (60 s), which is decided and done under the guard. */
    private static final Duration GUARD_WAIT = Duration.ofSeconds(120);

    private final Path folder;

    private ClusterUsers(Path folder) {
        this.folder = folder;
    }

    /** The users of the cluster in {@code dataDir}. */
    static ClusterUsers of(Path dataDir) throws IOException {
        Path folder = dataDir.resolveSibling(dataDir.getFileName() + "-users");
        Files.createDirectories(folder);
        return new ClusterUsers(folder);
    }

    /** The guard, waited for while another process holds it (it is deciding, starting or stopping). */
    Held guard() throws IOException {
        FileChannel channel = FileChannel.open(folder.resolve(GUARD), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        long deadline = System.nanoTime() + GUARD_WAIT.toNanos();
        try {
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    return new Held(channel, lock, null);
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("Another tonghop process has held " + folder.resolve(GUARD) + " for " + GUARD_WAIT.toSeconds() + " s");
                }
                Thread.sleep(50);
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        } catch (InterruptedException e) {
            channel.close();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for " + folder.resolve(GUARD), e);
        }
    }

    /** This process as a user of the cluster, until the returned file is closed or the process ends. To be called under the guard. */
    Held register() throws IOException {
        Path file = Files.createTempFile(folder, ProcessHandle.current().pid() + "-", USER_SUFFIX);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
        FileLock lock = tryLock(channel);
        if (lock == null) {
            channel.close();
            throw new IOException("Could not lock " + file + ", a file this process has just made");
        }
        return new Held(channel, lock, file);
    }

    /** Whether a live process other than {@code self} uses the cluster; leftovers of dead ones removed. To be called under the guard. */
    boolean othersAlive(Held self) throws IOException {
        boolean alive = false;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + USER_SUFFIX)) {
            for (Path file : files) {
                if (self != null && file.equals(self.file())) {
                    continue;
                }
                if (heldByAnother(file)) {
                    alive = true;
                } else {
                    log.debug("Removing {}, left by a tonghop process that has ended", file);
                    Files.deleteIfExists(file);
                }
            }
        }
        return alive;
    }

    private static boolean heldByAnother(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        }
    }

    /** The lock, or null while another holder has it (another process, or another part of this one). */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /** A file held locked: the guard, or a user's file (removed when closed). Closing it again does nothing. */
    record Held(FileChannel channel, FileLock lock, Path file) implements AutoCloseable {

        @Override
        public void close() throws IOException {
            if (!channel.isOpen()) {
                return;
            }
            if (file != null) {
                Files.deleteIfExists(file); // before the lock goes: nobody sees it as a leftover to remove meanwhile
            }
            try (channel) {
                lock.release();
            }
        }
    }
}
