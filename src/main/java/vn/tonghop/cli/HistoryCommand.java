package vn.tonghop.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.springframework.context.annotation.Scope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.tonghop.normalise.Period;
import vn.tonghop.registry.UnitRegistry;
import vn.tonghop.validate.Messages;
import vn.tonghop.validate.RowValidator;

/**
 * {@code tonghop history --commune CODE --year Y}: every version of a commune's reports for a year — who sent it
 * (the office), when, from which file, sheet and row, where that file is now, whether it still counts or which
 * later file replaced it — and, from the second version of a period on, what changed.
 */
@Component
@Scope("prototype")
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Lịch sử các lần gửi báo cáo của một xã và thay đổi giữa các lần (versions of a commune's reports).")
public class HistoryCommand implements Callable<Integer> {

    private final JdbcTemplate jdbc;
    private final Messages messages;

    @Spec
    CommandSpec spec;

    @Option(names = "--commune", required = true, paramLabel = "CODE", description = "Commune code (5 digits).")
    String commune;

    @Option(names = "--year", required = true, paramLabel = "Y", converter = ReportYear.class, description = "Report year (2000 to next year).")
    int year;

    public HistoryCommand(JdbcTemplate jdbc, Messages messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    private record Version(long reportId, String period, String file, String officeCode, String officeName, String received,
                           String sheet, int row, String movedTo, String replacedBy, String replacedAt, Map<String, BigDecimal> values) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String code = UnitRegistry.normaliseCode(commune, 5);
        if (code == null) {
            spec.commandLine().getErr().println(messages.get("history.badCommune", commune));
            return ExitCodes.USAGE;
        }
        List<Version> versions = new ArrayList<>();
        jdbc.query("""
                SELECT r.id, r.period_code, s.inbox_path, s.office_code, o.full_name, to_char(s.received_at, 'YYYY-MM-DD HH24:MI:SS'),
                       r.sheet, r.source_row, s.moved_to, later.inbox_path, to_char(r.superseded_at, 'YYYY-MM-DD HH24:MI:SS')
                FROM report r JOIN submission s ON s.id = r.submission_id
                LEFT JOIN submission later ON later.id = r.superseded_by
                LEFT JOIN LATERAL (SELECT unit_type || ' ' || name AS full_name FROM unit WHERE code = s.office_code
                                   ORDER BY valid_from DESC LIMIT 1) o ON true
                WHERE r.commune_code = ? AND r.year = ?
                ORDER BY r.period_start, r.period_end, r.submission_id""", rs -> {
            versions.add(new Version(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                    rs.getString(7), rs.getInt(8), rs.getString(9), rs.getString(10), rs.getString(11), new LinkedHashMap<>()));
        }, code, year);
        if (versions.isEmpty()) {
            List<String> known = jdbc.queryForList(
                    "SELECT unit_type || ' ' || name FROM unit WHERE level = 'commune' AND code = ? ORDER BY valid_from DESC LIMIT 1",
                    String.class, code);
            if (known.isEmpty()) {
                spec.commandLine().getErr().println(messages.get("history.unknownCommune", code));
                return ExitCodes.USAGE;
            }
            out.println(messages.get("history.none", known.get(0) + " (" + code + ")", year));
            return ExitCodes.OK;
        }
        Map<Long, Version> byId = new HashMap<>();
        versions.forEach(v -> byId.put(v.reportId(), v));
        jdbc.query("""
                SELECT v.report_id, v.indicator, v.value FROM value v JOIN report r ON r.id = v.report_id
                WHERE r.commune_code = ? AND r.year = ? ORDER BY v.report_id, v.indicator""",
                rs -> {
                    byId.get(rs.getLong(1)).values().put(rs.getString(2), rs.getBigDecimal(3));
                }, code, year);
        String name = jdbc.query("SELECT unit_type || ' ' || name FROM unit WHERE level = 'commune' AND code = ? ORDER BY valid_from DESC LIMIT 1",
                rs -> rs.next() ? rs.getString(1) : code, code);
        out.println(messages.get("history.title", name, code, year, versions.size()));
        Map<String, Version> previousByPeriod = new LinkedHashMap<>();
        Map<String, Integer> countByPeriod = new HashMap<>();
        for (Version v : versions) {
            int number = countByPeriod.merge(v.period(), 1, Integer::sum);
            String state = v.replacedBy() == null ? messages.get("history.active") : messages.get("history.superseded", v.replacedBy(), v.replacedAt());
            out.println();
            out.println("  " + messages.get("history.version", messages.period(Period.fromCode(v.period())), number, state));
            String office = v.officeCode() == null ? messages.get("history.rootOffice")
                    : v.officeName() == null ? v.officeCode() : v.officeName() + " (" + v.officeCode() + ")";
            out.println("      " + messages.get("history.sent", office, v.received()));
            out.println("      " + messages.get("history.source", v.file(), v.sheet() == null ? "" : messages.get("history.sheet", v.sheet()), v.row()));
            if (v.movedTo() != null) {
                out.println("      " + messages.get("history.movedTo", v.movedTo()));
            }
            Version before = previousByPeriod.put(v.period(), v);
            if (before == null) {
                out.println("      " + messages.get("history.values"));
                v.values().forEach((k, value) -> out.printf("        %-28s %s%n", k, RowValidator.plain(value)));
                continue;
            }
            TreeSet<String> keys = new TreeSet<>(before.values().keySet());
            keys.addAll(v.values().keySet());
            List<String> changes = new ArrayList<>();
            for (String k : keys) {
                BigDecimal a = before.values().get(k);
                BigDecimal b = v.values().get(k);
                if (!Objects.equals(a == null ? null : a.stripTrailingZeros(), b == null ? null : b.stripTrailingZeros())) {
                    changes.add(String.format("        %-28s %s → %s", k, shown(a), shown(b)));
                }
            }
            if (changes.isEmpty()) {
                out.println("      " + messages.get("history.noChange", number - 1));
            } else {
                out.println("      " + messages.get("history.changes", number - 1));
                changes.forEach(out::println);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private String shown(BigDecimal value) {
        return value == null ? messages.get("history.empty") : RowValidator.plain(value);
    }
}
