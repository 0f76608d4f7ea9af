package vn.tonghop.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.tonghop.ingest.InboxLayout;

/** {@code tonghop status}: recent runs, files waiting in the inbox, and each office's last result. */
@Component
@Scope("prototype")
@Command(name = "status", mixinStandardHelpOptions = true, description = "Tình trạng: các lượt chạy gần đây, tệp đang chờ, kết quả từng đơn vị.")
public class StatusCommand implements Callable<Integer> {

    private final JdbcTemplate jdbc;
    private final Unattended unattended;

    @Spec
    CommandSpec spec;

    @Option(names = "--inbox", paramLabel = "DIR", defaultValue = "inbox", description = "Inbox folder (default: ${DEFAULT-VALUE}).")
    Path inbox;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "10", description = "How many recent runs to show.")
    int runs;

    public StatusCommand(JdbcTemplate jdbc, Unattended unattended) {
        this.jdbc = jdbc;
        this.unattended = unattended;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Các lượt chạy gần đây (recent runs):");
        out.printf("  %-6s %-10s %-19s %-19s %-10s %5s %6s %6s %7s%n", "id", "job", "start", "end", "status", "files", "rows",
                "errors", "warnings");
        jdbc.query("""
                SELECT e.job_execution_id, i.job_name, to_char(e.start_time, 'YYYY-MM-DD HH24:MI:SS'),
                       coalesce(to_char(e.end_time, 'YYYY-MM-DD HH24:MI:SS'), '-'), e.status,
                       count(s.id), coalesce(sum(s.rows_read), 0), coalesce(sum(s.errors), 0), coalesce(sum(s.warnings), 0)
                FROM batch_job_execution e JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                LEFT JOIN submission s ON s.run_id = i.job_instance_id AND i.job_name = 'ingest'
                GROUP BY e.job_execution_id, i.job_name, e.start_time, e.end_time, e.status
                ORDER BY e.job_execution_id DESC LIMIT ?""", rs -> {
            out.printf("  %-6d %-10s %-19s %-19s %-10s %5d %6d %6d %7d%n", rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9));
        }, runs);
        long waiting = 0;
        if (Files.isDirectory(inbox)) {
            try (Stream<Path> files = Files.walk(inbox)) {
                waiting = files.filter(Files::isRegularFile).filter(p -> !InboxLayout.isIgnored(p.getFileName().toString())).count();
            }
        }
        out.println();
        out.println("Tệp đang chờ trong " + inbox.toAbsolutePath().normalize() + ": " + waiting);
        out.println();
        out.println("Kết quả gần nhất của từng đơn vị gửi (last result per office):");
        out.printf("  %-8s %-40s %-19s %-10s %5s %5s %5s%n", "office", "file", "received", "status", "rows", "rej.", "warn.");
        jdbc.query("""
                SELECT DISTINCT ON (coalesce(office_code, '')) coalesce(office_code, '(gốc)'), inbox_path,
                       to_char(received_at, 'YYYY-MM-DD HH24:MI:SS'), status, rows_accepted, rows_rejected, warnings
                FROM submission ORDER BY coalesce(office_code, ''), id DESC""", rs -> {
            out.printf("  %-8s %-40s %-19s %-10s %5d %5d %5d%n", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getInt(5), rs.getInt(6), rs.getInt(7));
        });
        out.println();
        unattended.print(out);
        return ExitCodes.OK;
    }
}
