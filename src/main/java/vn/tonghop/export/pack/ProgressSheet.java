package vn.tonghop.export.pack;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.tonghop.export.pack.CommuneTimeliness.Status;
import vn.tonghop.export.pack.PackStyles.Kind;
import vn.tonghop.normalise.PeriodType;

/**
 * <i>Tiến độ báo cáo</i>: per district (or for the province after the reform) how many communes had to report, how
 * many did, on time or late, and which have not; then the named list of communes missing or late. A commune is judged
 * on the reports that count for its year (its annual report where it sent one, else its sub-period reports), each by its
 * own deadline; a late commune's row gives the arrival, due day and days late of one report, the latest against its
 * deadline, and names the counted reports; a missing commune whose rows were rejected gets why.
 */
final class ProgressSheet {

    static final int HEADER_ROW = 4;

    private final PackWorkbook.Context ctx;

    ProgressSheet(PackWorkbook.Context ctx) {
        this.ctx = ctx;
    }

    /** One summary line: a district, the province, or the province total. */
    record Tally(String name, int expected, int reported, int onTime, int late, List<String> missing) {

        static Tally of(String name, List<CommuneTimeliness> communes) {
            int expected = 0;
            int reported = 0;
            int onTime = 0;
            int late = 0;
            List<String> missing = new ArrayList<>();
            for (CommuneTimeliness c : communes) {
                expected += c.expected() ? 1 : 0;
                switch (c.status()) {
                    case ON_TIME -> {
                        reported++;
                        onTime++;
                    }
                    case LATE -> {
                        reported++;
                        late++;
                    }
                    case MISSING -> {
                        if (c.expected()) {
                            missing.add(c.name());
                        }
                    }
                }
            }
            return new Tally(name, expected, reported, onTime, late, missing);
        }
    }

    void write() {
        ConferencePack pack = ctx.pack();
        PackText text = ctx.text();
        SheetWriter w = ctx.sheet(text.get("sheet.progress"));
        int last = 8;
        w.line(0, text.get("progress.title", pack.year()), Kind.TITLE, last);
        w.line(1, ctx.subtitle(), Kind.SUBTITLE, last);
        w.line(2, text.get("progress.deadlines", ctx.deadlines().of(PeriodType.YEAR).describe(text),
                ctx.deadlines().of(PeriodType.NINE_MONTHS).describe(text), ctx.deadlines().of(PeriodType.HALF_YEAR).describe(text),
                ctx.deadlines().of(PeriodType.QUARTER).describe(text), ctx.deadlines().of(PeriodType.MONTH).describe(text)), Kind.NOTE, last);
        String[] headers = {text.get("header.number"), pack.byDistrict() ? text.get("header.district") : text.get("header.unit"),
                text.get("header.expected"), text.get("header.received"), text.get("header.onTime"), text.get("header.late"),
                text.get("header.missing"), text.get("header.receivedShare"), text.get("header.missingNamed")};
        for (int c = 0; c < headers.length; c++) {
            w.text(HEADER_ROW, c, headers[c], Kind.HEADER);
        }
        w.height(HEADER_ROW, 32);

        List<Tally> tallies = new ArrayList<>();
        if (pack.byDistrict()) {
            Map<String, List<CommuneTimeliness>> byDistrict = new LinkedHashMap<>();
            pack.timeliness().forEach(t -> byDistrict.computeIfAbsent(t.districtCode() == null ? "" : t.districtCode(), k -> new ArrayList<>()).add(t));
            byDistrict.forEach((code, communes) -> tallies.add(Tally.of(pack.districtName(code), communes)));
        }
        int r = HEADER_ROW + 1;
        int number = 1;
        for (Tally tally : tallies) {
            tallyRow(w, r++, String.valueOf(number++), tally, false);
        }
        tallyRow(w, r++, "", Tally.of(text.get("total.province"), pack.timeliness()), true);

        r += 1;
        w.line(r++, text.get("progress.listTitle"), Kind.GROUP, last);
        String[] listHeaders = {text.get("header.number"), text.get("header.commune"), text.get("header.code"), text.get("header.status"),
                text.get("header.arrived"), text.get("header.due"), text.get("header.daysLate"),
                pack.byDistrict() ? text.get("header.district") : "", text.get("header.periodsAndNote")};
        for (int c = 0; c < listHeaders.length; c++) {
            w.text(r, c, listHeaders[c], Kind.HEADER);
        }
        w.height(r, 32);
        int listHeader = r;
        r++;
        List<CommuneTimeliness> listed = pack.timeliness().stream()
                .filter(t -> t.status() == Status.LATE || (t.status() == Status.MISSING && t.expected()))
                .sorted(Comparator.comparing((CommuneTimeliness t) -> t.status() == Status.MISSING ? 0 : 1)
                        .thenComparingLong(t -> -t.daysLate())
                        .thenComparing(t -> t.districtCode() == null ? "" : t.districtCode())
                        .thenComparing(CommuneTimeliness::code))
                .collect(Collectors.toList());
        if (listed.isEmpty()) {
            w.line(r, text.get("progress.allOnTime"), Kind.NOTE, last);
        }
        number = 1;
        for (CommuneTimeliness t : listed) {
            w.number(r, 0, number++, Kind.TEXT_CENTER, false);
            w.text(r, 1, t.name(), Kind.TEXT);
            w.text(r, 2, t.code(), Kind.TEXT_CENTER);
            w.text(r, 3, t.status() == Status.MISSING ? text.get("status.missing") : text.get("status.late"), Kind.TEXT_CENTER);
            // Arrival, due day and days late all of one report: the one latest against its own deadline.
            CommuneTimeliness.Report shown = t.shown();
            w.date(r, 4, shown == null ? null : shown.arrived(), false);
            w.date(r, 5, shown == null ? null : shown.due(), false);
            w.number(r, 6, t.status() == Status.LATE ? BigDecimal.valueOf(t.daysLate()) : null, Kind.INTEGER, false);
            w.text(r, 7, pack.byDistrict() ? pack.districtName(t.districtCode()) : "", Kind.TEXT);
            String detail = t.status() == Status.MISSING
                    ? (t.note() == null ? "" : text.get("progress.rejected", t.note()))
                    : counted(t, text);
            w.text(r, 8, detail, Kind.TEXT);
            r++;
        }
        w.widths(6, 24, 10, 13, 12, 12, 10, 15, 70);
        w.printReady(HEADER_ROW, HEADER_ROW + 1, 0, 1, ctx.footer(), text.get("footer.page"));
        // The named list is what runs over several pages: its header is the one repeated.
        w.sheet.repeatRows(listHeader, listHeader);
    }

    /** The reports counted for the year, each late one with its days late: "quý I/2023, quý IV/2023 (muộn 21 ngày)". */
    private static String counted(CommuneTimeliness t, PackText text) {
        return t.reports().stream()
                .map(report -> report.daysLate() > 0 ? text.get("progress.lateReport", report.period(), report.daysLate()) : report.period())
                .collect(Collectors.joining(", "));
    }

    private void tallyRow(SheetWriter w, int r, String number, Tally tally, boolean total) {
        w.text(r, 0, number, Kind.TEXT_CENTER, total);
        w.text(r, 1, tally.name(), Kind.TEXT, total);
        w.number(r, 2, tally.expected(), Kind.INTEGER, total);
        w.number(r, 3, tally.reported(), Kind.INTEGER, total);
        w.number(r, 4, tally.onTime(), Kind.INTEGER, total);
        w.number(r, 5, tally.late(), Kind.INTEGER, total);
        w.number(r, 6, tally.missing().size(), Kind.INTEGER, total);
        w.number(r, 7, tally.expected() == 0 ? null
                : BigDecimal.valueOf(tally.expected() - tally.missing().size()).divide(BigDecimal.valueOf(tally.expected()), MathContext.DECIMAL64),
                Kind.PERCENT, total);
        w.text(r, 8, String.join(", ", tally.missing()), Kind.TEXT, total);
    }
}
