package vn.tonghop.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.springframework.context.annotation.Scope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.tonghop.ingest.InboxLayout;
import vn.tonghop.validate.Messages;

/**
 * {@code tonghop status}: three tables on the terminal — the recent runs (start, end, status, files, rows,
 * errors, warnings), the files waiting in the inbox, and the last result of each sending office — then the
 * unattended side (schedule, a run in progress, interrupted runs, years awaiting aggregation).
 */
@Component
@Scope("prototype")
@Command(name = "status", mixinStandardHelpOptions = true, description = "Tình trạng: các lượt chạy gần đây, tệp đang chờ, kết quả từng đơn vị.")
public class StatusCommand implements Callable<Integer> {

    /** How many waiting files are named one by one; the rest are counted. */
    static final int WAITING_LISTED = 20;

    private final JdbcTemplate jdbc;
    private final Messages messages;
    private final Unattended unattended;

    @Spec
    CommandSpec spec;

    @Option(names = "--inbox", paramLabel = "DIR", defaultValue = "inbox", description = "Inbox folder (default: ${DEFAULT-VALUE}).")
    Path inbox;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "10", description = "How many recent runs to show (default: ${DEFAULT-VALUE}).")
    int runs;

    public StatusCommand(JdbcTemplate jdbc, Messages messages, Unattended unattended) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.unattended = unattended;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (runs < 1) {
            spec.commandLine().getErr().println(messages.get("status.badRuns", runs));
            return ExitCodes.USAGE;
        }
        recentRuns(out);
        out.println();
        waitingFiles(out);
        out.println();
        lastResults(out);
        out.println();
        unattended.print(out);
        out.flush();
        return ExitCodes.OK;
    }

    private void recentRuns(PrintWriter out) {
        out.println(messages.get("status.runs.title"));
        String format = "  %-6s %-10s %-19s %-19s %-12s %5s %7s %6s %8s%n";
        out.printf(format, messages.get("status.runs.id"), messages.get("status.runs.job"), messages.get("status.runs.start"),
                messages.get("status.runs.end"), messages.get("status.runs.status"), messages.get("status.runs.files"),
                messages.get("status.runs.rows"), messages.get("status.runs.errors"), messages.get("status.runs.warnings"));
        int[] shown = {0};
        // Files, rows and issues are counted for ingest runs (issues from the issue table, so a file refused whole
        // counts its one error); an aggregate or export run shows its own line only.
        jdbc.query("""
                SELECT r.job_execution_id, r.job_name, to_char(r.start_time, 'YYYY-MM-DD HH24:MI:SS'),
                       coalesce(to_char(r.end_time, 'YYYY-MM-DD HH24:MI:SS'), '-'), r.status, p.files, p.rows, p.errors, p.warnings
                FROM (SELECT e.job_execution_id, e.job_instance_id, i.job_name, e.start_time, e.end_time, e.status
                      FROM batch_job_execution e JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                      ORDER BY e.job_execution_id DESC LIMIT ?) r
                LEFT JOIN LATERAL (
                    SELECT count(*) AS files, coalesce(sum(s.rows_read), 0) AS rows,
                           coalesce(sum(c.errors), 0) AS errors, coalesce(sum(c.warnings), 0) AS warnings
                    FROM submission s
                    CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE severity = 'error') AS errors,
                                               count(*) FILTER (WHERE severity = 'warning') AS warnings
                                        FROM issue WHERE submission_id = s.id) c
                    WHERE s.run_id = r.job_instance_id) p ON r.job_name = 'ingest'
                ORDER BY r.job_execution_id DESC""", rs -> {
            boolean ingest = "ingest".equals(rs.getString(2));
            out.printf(format, rs.getLong(1), optional("status.job." + rs.getString(2), rs.getString(2)), rs.getString(3), rs.getString(4),
                    optional("status.batch." + rs.getString(5), rs.getString(5)), ingest ? rs.getLong(6) : "", ingest ? rs.getLong(7) : "",
                    ingest ? rs.getLong(8) : "", ingest ? rs.getLong(9) : "");
            shown[0]++;
        }, Math.max(1, runs));
        if (shown[0] == 0) {
            out.println("  " + messages.get("status.runs.none"));
        }
    }

    private void waitingFiles(PrintWriter out) throws IOException {
        Path folder = inbox.toAbsolutePath().normalize();
        List<String> waiting = List.of();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                waiting = files.filter(InboxLayout::isWaiting).map(p -> folder.relativize(p).toString()).sorted().toList();
            }
        }
        out.println(messages.get("status.waiting.title", folder, waiting.size()));
        waiting.stream().limit(WAITING_LISTED).forEach(name -> out.println("  " + name));
        if (waiting.size() > WAITING_LISTED) {
            out.println("  " + messages.get("status.waiting.more", waiting.size() - WAITING_LISTED));
        }
    }

    private void lastResults(PrintWriter out) {
        out.println(messages.get("status.offices.title"));
        String format = "  %-36s %-40s %-19s %-14s %7s %7s %8s%n";
        out.printf(format, messages.get("status.offices.office"), messages.get("status.offices.file"), messages.get("status.offices.received"),
                messages.get("status.offices.status"), messages.get("status.offices.accepted"), messages.get("status.offices.rejected"),
                messages.get("status.offices.warnings"));
        int[] shown = {0};
        jdbc.query("""
                SELECT DISTINCT ON (coalesce(s.office_code, '')) s.office_code, u.full_name, s.inbox_path,
                       to_char(s.received_at, 'YYYY-MM-DD HH24:MI:SS'), s.status, s.rows_accepted, s.rows_rejected, s.warnings,
                       s.reject_reason
                FROM submission s
                LEFT JOIN LATERAL (SELECT unit_type || ' ' || name AS full_name FROM unit WHERE code = s.office_code
                                   ORDER BY valid_from DESC LIMIT 1) u ON true
                ORDER BY coalesce(s.office_code, ''), s.id DESC""", rs -> {
            String code = rs.getString(1);
            String office = code == null ? messages.get("status.offices.root")
                    : rs.getString(2) == null ? code : rs.getString(2) + " (" + code + ")";
            String status = rs.getString(5);
            String outcome = "applied".equals(status) && rs.getInt(6) == 0 && rs.getInt(7) > 0 ? "rejected" : status;
            out.printf(format, office, rs.getString(3), rs.getString(4), optional("status.submission." + outcome, outcome), rs.getInt(6),
                    rs.getInt(7), rs.getInt(8));
            if (rs.getString(9) != null && !"applied".equals(status)) {
                out.println("      " + rs.getString(9));
            }
            shown[0]++;
        });
        if (shown[0] == 0) {
            out.println("  " + messages.get("status.offices.none"));
        }
    }

    /** The bundle's wording for a code, or the code itself when the bundle has none. */
    private String optional(String key, String fallback) {
        return messages.has(key) ? messages.get(key) : fallback;
    }
}
