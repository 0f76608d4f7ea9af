package vn.tonghop.export.pack;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.tonghop.export.pack.PackColumns.Column;
import vn.tonghop.export.pack.PackStyles.Kind;

/**
 * <i>Tổng hợp toàn tỉnh</i>: every indicator of the province, this year, last year, the change and the relative
 * change, and the year before; then the rates, whose change is in percentage points.
 */
final class SummarySheet {

    static final int HEADER_ROW = 4;
    static final int COL_THIS_YEAR = 2;
    static final int COL_LAST_YEAR = 3;
    static final int COL_CHANGE = 4;
    static final int COL_RELATIVE = 5;
    static final int COL_YEAR_BEFORE = 6;
    private static final int LAST_COLUMN = 6;
    private static final String[] ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};

    private final PackWorkbook.Context ctx;

    SummarySheet(PackWorkbook.Context ctx) {
        this.ctx = ctx;
    }

    void write() {
        ConferencePack pack = ctx.pack();
        PackText text = ctx.text();
        SheetWriter w = ctx.sheet(text.get("sheet.summary"));
        int year = pack.year();
        w.line(0, text.get("summary.title", year), Kind.TITLE, LAST_COLUMN);
        w.line(1, ctx.subtitle(), Kind.SUBTITLE, LAST_COLUMN);
        w.line(2, pack.todayUnits() ? text.get("summary.note.today", year - 1, year - 2) : text.get("summary.note.same"), Kind.NOTE, LAST_COLUMN);
        String[] headers = {text.get("header.number"), text.get("header.indicator"), text.get("header.year", year),
                text.get("header.year", year - 1), text.get("header.change", year - 1), text.get("header.relative"),
                text.get("header.year", year - 2)};
        for (int c = 0; c < headers.length; c++) {
            w.text(HEADER_ROW, c, headers[c], Kind.HEADER);
        }
        w.height(HEADER_ROW, 45);
        UnitFigures now = pack.province();
        UnitFigures last = pack.earlier(1).province();
        UnitFigures before = pack.earlier(2).province();

        int r = HEADER_ROW + 1;
        r = countRow(w, r, "", text.get("summary.reporting"), now.reporting(), last == null ? null : last.reporting(),
                before == null ? null : before.reporting());
        r = countRow(w, r, "", text.get("summary.expected"), now.expected(), last == null ? null : last.expected(),
                before == null ? null : before.expected());

        Map<String, List<Column>> groups = new LinkedHashMap<>();
        for (Column column : ctx.columns().all()) {
            groups.computeIfAbsent(column.group(), g -> new java.util.ArrayList<>()).add(column);
        }
        int number = 1;
        int groupIndex = 0;
        for (Map.Entry<String, List<Column>> group : groups.entrySet()) {
            String heading = (groupIndex < ROMAN.length ? ROMAN[groupIndex] + ". " : "")
                    + text.orElse("group." + group.getKey(), group.getKey());
            groupIndex++;
            w.text(r, 0, heading, Kind.GROUP);
            for (int c = 1; c <= LAST_COLUMN; c++) {
                w.blank(r, c, Kind.GROUP, false);
            }
            w.merge(r, r, 0, LAST_COLUMN);
            r++;
            for (Column column : group.getValue()) {
                w.number(r, 0, number++, Kind.TEXT_CENTER, false);
                w.text(r, 1, column.label(), Kind.TEXT);
                figureRow(w, r, column, now.value(column.code()), value(last, column), value(before, column),
                        Change.between(now.forChange(column.code()), last == null ? null : last.forChange(column.code()), column.rate()));
                r++;
            }
        }
        r++;
        w.line(r++, text.get("summary.footnote"), Kind.NOTE, LAST_COLUMN);
        w.line(r, text.get("generated", ctx.date(pack.generatedOn())), Kind.NOTE, LAST_COLUMN);
        w.widths(6, 62, 15, 15, 17, 13, 15);
        w.printReady(HEADER_ROW, HEADER_ROW + 1, 2, 1, ctx.footer(), text.get("footer.page"));
    }

    private static BigDecimal value(UnitFigures figures, Column column) {
        return figures == null ? null : figures.value(column.code());
    }

    private int countRow(SheetWriter w, int r, String number, String label, int now, Integer last, Integer before) {
        w.text(r, 0, number, Kind.TEXT_CENTER);
        w.text(r, 1, label, Kind.TEXT, true);
        Column count = new Column("", label, "", false, false);
        BigDecimal lastCount = last == null ? null : BigDecimal.valueOf(last);
        figureRow(w, r, count, BigDecimal.valueOf(now), lastCount, before == null ? null : BigDecimal.valueOf(before),
                Change.between(BigDecimal.valueOf(now), lastCount, false));
        return r + 1;
    }

    /** The figures as stored; the change from the unrounded ones ({@link UnitFigures#forChange}). */
    private static void figureRow(SheetWriter w, int r, Column column, BigDecimal now, BigDecimal last, BigDecimal before, Change change) {
        Kind kind = column.rate() ? Kind.PERCENT : Kind.INTEGER;
        w.number(r, COL_THIS_YEAR, now, kind, false);
        w.number(r, COL_LAST_YEAR, last, kind, false);
        w.number(r, COL_CHANGE, change.difference(), column.rate() ? Kind.POINTS : Kind.SIGNED_INTEGER, false);
        w.number(r, COL_RELATIVE, change.relative(), Kind.SIGNED_PERCENT, false);
        w.number(r, COL_YEAR_BEFORE, before, kind, false);
    }
}
