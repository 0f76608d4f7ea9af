package vn.tonghop.ingest;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import vn.tonghop.layout.LocatedTable;

/**
 * Where the read step found each file's table, handed to the report step of the same process so that it need not
 * open the file and search for the header again before marking the cells (for a workbook that is copied whole, a
 * second full parse of it). A report step in another process (a run resumed after a crash) finds nothing here and
 * locates the table itself, with the same result. Bounded: beyond {@link #MAX_HELD} files the rest are located again.
 */
@Component
public class LocatedTables {

    /** A located table is a few kilobytes: a national year's files fit in tens of megabytes. */
    static final int MAX_HELD = 20_000;

    private final Map<Long, LocatedTable> bySubmission = new ConcurrentHashMap<>();

    void remember(long submissionId, LocatedTable table) {
        if (bySubmission.size() < MAX_HELD) {
            bySubmission.put(submissionId, table);
        }
    }

    /** The table found for the file by this process's read step, once: it is forgotten as it is handed over. */
    Optional<LocatedTable> take(long submissionId) {
        return Optional.ofNullable(bySubmission.remove(submissionId));
    }
}
