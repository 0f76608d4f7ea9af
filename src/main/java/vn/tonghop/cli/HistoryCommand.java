package vn.tonghop.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.tonghop.validate.RowValidator;

/** {@code tonghop history --commune CODE --year Y}: every version of a commune's reports and what changed. */
@Component
@Scope("prototype")
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Lịch sử các lần gửi báo cáo của một xã và thay đổi giữa các lần (versions of a commune's reports).")
public class HistoryCommand implements Callable<Integer> {

    private final JdbcTemplate jdbc;

    @Spec
    CommandSpec spec;

    @Option(names = "--commune", required = true, paramLabel = "CODE", description = "Commune code (5 digits).")
    String commune;

    @Option(names = "--year", required = true, paramLabel = "Y", description = "Report year.")
    int year;

    public HistoryCommand(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record Version(long reportId, String period, String file, String office, String received, String sheet, int row,
                           boolean active, Map<String, BigDecimal> values) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String code = vn.tonghop.registry.UnitRegistry.normaliseCode(commune, 5);
        if (code == null) {
            spec.commandLine().getErr().println("tonghop: --commune phải là mã xã 5 chữ số (a 5-digit commune code), not '" + commune + "'");
            return ExitCodes.USAGE;
        }
        List<Version> versions = new ArrayList<>();
        jdbc.query("""
                SELECT r.id, r.period_code, s.inbox_path, coalesce(s.office_code, '-'), to_char(s.received_at, 'YYYY-MM-DD HH24:MI:SS'),
                       coalesce(r.sheet, ''), r.source_row, r.superseded_by IS NULL
                FROM report r JOIN submission s ON s.id = r.submission_id
                WHERE r.commune_code = ? AND r.year = ? ORDER BY r.period_start, r.period_end, r.id""", rs -> {
            versions.add(new Version(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                    rs.getInt(7), rs.getBoolean(8), new LinkedHashMap<>()));
        }, code, year);
        if (versions.isEmpty()) {
            out.println("Xã " + code + " chưa có báo cáo nào của năm " + year + ".");
            return ExitCodes.OK;
        }
        for (Version v : versions) {
            jdbc.query("SELECT indicator, value FROM value WHERE report_id = ? ORDER BY indicator",
                    rs -> {
                        v.values().put(rs.getString(1), rs.getBigDecimal(2));
                    }, v.reportId());
        }
        String name = jdbc.query("SELECT unit_type || ' ' || name FROM unit WHERE level = 'commune' AND code = ? ORDER BY valid_from DESC LIMIT 1",
                rs -> rs.next() ? rs.getString(1) : code, code);
        out.println("Lịch sử báo cáo của " + name + " (" + code + "), năm " + year + ":");
        Map<String, Version> previousByPeriod = new LinkedHashMap<>();
        for (Version v : versions) {
            out.printf("%n  Kỳ %s — %s — gửi bởi %s lúc %s, tệp %s, dòng %d%s%n", v.period(), v.active() ? "ĐANG DÙNG" : "đã bị thay thế",
                    v.office(), v.received(), v.file(), v.row(), v.sheet().isEmpty() ? "" : " (trang " + v.sheet() + ")");
            Version before = previousByPeriod.put(v.period(), v);
            if (before == null) {
                v.values().forEach((k, value) -> out.printf("      %-28s %s%n", k, RowValidator.plain(value)));
            } else {
                TreeSet<String> keys = new TreeSet<>(before.values().keySet());
                keys.addAll(v.values().keySet());
                int changes = 0;
                for (String k : keys) {
                    BigDecimal a = before.values().get(k);
                    BigDecimal b = v.values().get(k);
                    if (!Objects.equals(a == null ? null : a.stripTrailingZeros(), b == null ? null : b.stripTrailingZeros())) {
                        out.printf("      %-28s %s → %s%n", k, a == null ? "(trống)" : RowValidator.plain(a), b == null ? "(trống)" : RowValidator.plain(b));
                        changes++;
                    }
                }
                if (changes == 0) {
                    out.println("      (không thay đổi so với lần gửi trước)");
                }
            }
        }
        return ExitCodes.OK;
    }
}
