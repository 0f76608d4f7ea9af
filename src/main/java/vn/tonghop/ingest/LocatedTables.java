package vn.tonghop.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import vn.tonghop.layout.LocatedTable;
import vn.tonghop.read.TableFiles;

/**
 * Where the read step found each file's table, and how it read a CSV (encoding, delimiter), handed to the report step
 * of the same process so that it need not open the file, detect its encoding and search for the header again before
 * marking the cells. A report step in another process (a run resumed after a crash) finds nothing here and does it
 * itself, with the same result. Bounded: beyond {@link #MAX_HELD} files the rest are located again.
 */
@Component
public class LocatedTables {

    /** A table held is a few kilobytes: a national year's files (about 9,000) take some 40 MB. */
    static final int MAX_HELD = 10_000;

    /** What the read step knew of a file. */
    record Handover(LocatedTable table, Optional<TableFiles.Detected> detected) {
    }

    private final Map<Long, Handover> bySubmission = new ConcurrentHashMap<>();
    private final Map<String, String> texts = new ConcurrentHashMap<>();

    /**
     * Keeps a file's table without what the report step does not use (title lines, unknown and repeated columns), its
     * header texts shared with the other files' (the same few dozen headers, sent by every office).
     */
    void remember(long submissionId, LocatedTable table, Optional<TableFiles.Detected> detected) {
        if (bySubmission.size() >= MAX_HELD) {
            return;
        }
        Map<Integer, String> headers = new HashMap<>();
        table.headers().forEach((column, text) -> headers.put(column, text == null ? null : texts.computeIfAbsent(text, t -> t)));
        bySubmission.put(submissionId, new Handover(new LocatedTable(table.sheet(), table.shape(), table.headerLastRow(),
                new HashMap<>(table.indicatorColumns()), new HashMap<>(table.roleColumns()), headers, List.of(), List.of(), List.of(),
                List.copyOf(table.otherTables())),
                detected));
    }

    /** What was found for the file by this process's read step, once: it is forgotten as it is handed over. */
    Optional<Handover> take(long submissionId) {
        return Optional.ofNullable(bySubmission.remove(submissionId));
    }
}
