package vn.tonghop.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder watcher of {@code serve}: looks at the inbox every few seconds (polling works on shared
 * network folders, where file-system events often do not arrive) and asks for a run once a new file has
 * kept the same size and modification time for the settle time. Temporary and lock files of office
 * suites and downloads are never considered. A file is asked for once; if it is still there after the
 * run (it could not be moved) it is not asked for again until it changes.
 */
public final class InboxWatcher {

    private static final Logger log = LoggerFactory.getLogger(InboxWatcher.class);

    private record Seen(long size, Instant modified, Instant stableSince) {
    }

    private final Path inbox;
    private final Predicate<String> ignored;
    private final Duration settle;
    private final Runnable requestRun;
    private final Supplier<Instant> clock;
    private final Map<Path, Seen> seen = new HashMap<>();
    /** Files (with their stamp) a run was already asked for. */
    private final Set<String> asked = new HashSet<>();

    /**
     * @param ignored    names of files never to take (office lock files, partial downloads)
     * @param settle     how long a file must stay unchanged before it is taken
     * @param requestRun asks for a run (the caller queues it)
     */
    public InboxWatcher(Path inbox, Predicate<String> ignored, Duration settle, Runnable requestRun) {
        this(inbox, ignored, settle, requestRun, Instant::now);
    }

    InboxWatcher(Path inbox, Predicate<String> ignored, Duration settle, Runnable requestRun, Supplier<Instant> clock) {
        this.inbox = inbox.toAbsolutePath().normalize();
        this.ignored = ignored;
        this.settle = settle;
        this.requestRun = requestRun;
        this.clock = clock;
    }

    public Path inbox() {
        return inbox;
    }

    /** One look at the inbox; asks for a run when a new file has settled. Never throws. */
    public synchronized void poll() {
        try {
            pollOnce();
        } catch (IOException | RuntimeException e) {
            log.warn("Watching {}: {}", inbox, e.toString());
        }
    }

    /** Forget which files a run was asked for: the run did not happen (another run held the lock). */
    public synchronized void retryLater() {
        asked.clear();
    }

    private void pollOnce() throws IOException {
        if (!Files.isDirectory(inbox)) {
            return;
        }
        Instant now = clock.get();
        Map<Path, BasicFileAttributes> present = new HashMap<>();
        try (Stream<Path> files = Files.walk(inbox)) {
            files.filter(p -> !p.equals(inbox) && !ignored.test(p.getFileName().toString())).forEach(p -> {
                try {
                    BasicFileAttributes attributes = Files.readAttributes(p, BasicFileAttributes.class);
                    if (attributes.isRegularFile()) {
                        present.put(p, attributes);
                    }
                } catch (NoSuchFileException e) {
                    // moved away between listing and looking
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        seen.keySet().retainAll(present.keySet());
        boolean ready = false;
        Set<String> stillPresent = new HashSet<>();
        for (Map.Entry<Path, BasicFileAttributes> file : present.entrySet()) {
            long size = file.getValue().size();
            Instant modified = file.getValue().lastModifiedTime().toInstant();
            Seen before = seen.get(file.getKey());
            if (before == null || before.size() != size || !before.modified().equals(modified)) {
                seen.put(file.getKey(), new Seen(size, modified, now));
                continue;
            }
            String stamp = file.getKey() + "|" + size + "|" + modified;
            stillPresent.add(stamp);
            if (!asked.contains(stamp) && !before.stableSince().plus(settle).isAfter(now)) {
                asked.add(stamp);
                ready = true;
                log.info("Watcher: {} has settled ({} bytes)", inbox.relativize(file.getKey()), size);
            }
        }
        asked.retainAll(stillPresent);
        if (ready) {
            requestRun.run();
        }
    }
}
