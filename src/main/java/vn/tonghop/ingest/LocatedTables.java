package vn.tonghop.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import vn.tonghop.layout.LocatedTable;

/**
 * Where the read step found each file's table, handed to the report step of the same process so that it need not
 * open the file and search for the header again before marking the cells (for a workbook that is copied whole, a
 * second full parse of it). A report step in another process (a run resumed after a crash) finds nothing here and
 * locates the table itself, with the same result. Bounded: beyond {@link #MAX_HELD} workbooks the rest are located again.
 */
@Component
public class LocatedTables {

    /** A table held is a few kilobytes: a national year's workbooks (about 4,500) take some 20 MB. */
    static final int MAX_HELD = 10_000;

    private final Map<Long, LocatedTable> bySubmission = new ConcurrentHashMap<>();
    private final Map<String, String> texts = new ConcurrentHashMap<>();

    /**
     * Keeps a workbook's table (for a CSV, whose rows are streamed into its result anyway, locating again costs
     * little), without what the report step does not use (title lines, unknown and repeated columns), its header
     * texts shared with the other files' (the same few dozen headers, sent by every office).
     */
    void remember(long submissionId, String format, LocatedTable table) {
        if (!"xlsx".equals(format) && !"xls".equals(format) || bySubmission.size() >= MAX_HELD) {
            return;
        }
        Map<Integer, String> headers = new HashMap<>();
        table.headers().forEach((column, text) -> headers.put(column, text == null ? null : texts.computeIfAbsent(text, t -> t)));
        bySubmission.put(submissionId, new LocatedTable(table.sheet(), table.shape(), table.headerLastRow(),
                new HashMap<>(table.indicatorColumns()), new HashMap<>(table.roleColumns()), headers, List.of(), List.of(), List.of()));
    }

    /** The table found for the file by this process's read step, once: it is forgotten as it is handed over. */
    Optional<LocatedTable> take(long submissionId) {
        return Optional.ofNullable(bySubmission.remove(submissionId));
    }
}
