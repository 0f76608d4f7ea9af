package vn.tonghop.export.pack;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.tonghop.export.pack.PackColumns.Column;
import vn.tonghop.export.pack.PackStyles.Kind;

/**
 * <i>So sánh qua các năm</i>: the key indicators of every unit below the province this year, last year (with the
 * change) and the year before. After the reform the earlier years are in today's units: a note names the old
 * communes merged into each new one, and a new commune fed by a split old commune has no earlier figure, only
 * the note saying why (its figures count for the province).
 */
final class ComparisonSheet {

    static final int HEADER_ROW = 4;
    static final int FIRST_FIGURE = 3;

    private final PackWorkbook.Context ctx;

    ComparisonSheet(PackWorkbook.Context ctx) {
        this.ctx = ctx;
    }

    void write() {
        ConferencePack pack = ctx.pack();
        PackText text = ctx.text();
        int year = pack.year();
        SheetWriter w = ctx.sheet(text.get("sheet.comparison"));
        List<Column> key = ctx.columns().key();
        // The year before last only where it has figures; the note only where units changed across the reform.
        boolean yearBefore = pack.earlier(2).province() != null;
        int perIndicator = yearBefore ? 4 : 3;
        boolean withNote = pack.todayUnits();
        int noteColumn = FIRST_FIGURE + key.size() * perIndicator;
        int lastColumn = withNote ? noteColumn : noteColumn - 1;
        w.line(0, text.get("comparison.title", yearBefore ? year - 2 : year - 1, year), Kind.TITLE, lastColumn);
        w.line(1, ctx.subtitle(), Kind.SUBTITLE, lastColumn);
        w.line(2, pack.todayUnits() ? text.get("comparison.note.today") : text.get("comparison.note.same"), Kind.NOTE, lastColumn);

        int sub = HEADER_ROW + 1;
        String[] identity = {text.get("header.number"), text.get("header.code"), pack.byDistrict() ? text.get("header.district")
                : text.get("header.commune")};
        for (int c = 0; c < identity.length; c++) {
            w.text(HEADER_ROW, c, identity[c], Kind.HEADER);
            w.blank(sub, c, Kind.HEADER, false);
            w.merge(HEADER_ROW, sub, c, c);
        }
        int c = FIRST_FIGURE;
        for (Column column : key) {
            w.text(HEADER_ROW, c, column.label(), Kind.HEADER);
            for (int i = 1; i < perIndicator; i++) {
                w.blank(HEADER_ROW, c + i, Kind.HEADER, false);
            }
            w.merge(HEADER_ROW, HEADER_ROW, c, c + perIndicator - 1);
            w.text(sub, c, text.get("header.year", year), Kind.HEADER);
            w.text(sub, c + 1, text.get("header.year", year - 1), Kind.HEADER);
            w.text(sub, c + 2, text.get("header.changeShort"), Kind.HEADER);
            if (yearBefore) {
                w.text(sub, c + 3, text.get("header.year", year - 2), Kind.HEADER);
            }
            c += perIndicator;
        }
        if (withNote) {
            w.text(HEADER_ROW, noteColumn, text.get("header.note"), Kind.HEADER);
            w.blank(sub, noteColumn, Kind.HEADER, false);
            w.merge(HEADER_ROW, sub, noteColumn, noteColumn);
        }
        w.height(HEADER_ROW, 48);

        YearFigures last = pack.earlier(1);
        YearFigures before = pack.earlier(2);
        int r = sub + 1;
        int number = 1;
        for (UnitFigures unit : pack.units()) {
            w.number(r, 0, number++, Kind.TEXT_CENTER, false);
            w.text(r, 1, unit.code(), Kind.TEXT_CENTER);
            w.text(r, 2, unit.name(), Kind.TEXT);
            figures(w, r, key, unit, last.unit(unit.code()), yearBefore ? before.unit(unit.code()) : null, perIndicator, false);
            if (withNote) {
                w.text(r, noteColumn, note(unit, "commune"), Kind.TEXT);
            }
            r++;
        }
        UnitFigures province = pack.province();
        w.text(r, 0, "", Kind.TEXT_CENTER, true);
        w.text(r, 1, province.code(), Kind.TEXT_CENTER, true);
        w.text(r, 2, text.get("total.province"), Kind.TEXT, true);
        figures(w, r, key, province, last.province(), before.province(), perIndicator, true);
        if (withNote) {
            w.text(r, noteColumn, note(province, "province"), Kind.TEXT, true);
        }

        w.widths(5, 8, 20);
        for (int col = FIRST_FIGURE; col < noteColumn; col++) {
            w.width(col, 10);
        }
        if (withNote) {
            w.width(noteColumn, 50);
        }
        w.printReady(HEADER_ROW, sub + 1, 3, 1, ctx.footer(), text.get("footer.page"));
    }

    private static void figures(SheetWriter w, int r, List<Column> key, UnitFigures now, UnitFigures last, UnitFigures before,
                                int perIndicator, boolean total) {
        int c = FIRST_FIGURE;
        for (Column column : key) {
            Kind kind = column.rate() ? Kind.PERCENT : Kind.INTEGER;
            BigDecimal thisYear = now.value(column.code());
            BigDecimal lastYear = last == null ? null : last.value(column.code());
            w.number(r, c, thisYear, kind, total);
            w.number(r, c + 1, lastYear, kind, total);
            BigDecimal lastForChange = last == null ? null : last.forChange(column.code());
            w.number(r, c + 2, Change.between(now.forChange(column.code()), lastForChange, column.rate()).difference(),
                    column.rate() ? Kind.POINTS : Kind.SIGNED_INTEGER, total);
            if (perIndicator == 4) {
                w.number(r, c + 3, before == null ? null : before.value(column.code()), kind, total);
            }
            c += perIndicator;
        }
    }

    /**
     * What an earlier year's figure of a today's unit is made of, years with the same story told once:
     * "Năm 2024: gộp từ Phủ Thông (01969), Vi Hương (01975)." or "Năm 2024: không so sánh được ở cấp xã ...".
     */
    String note(UnitFigures unit, String level) {
        Map<String, List<Integer>> stories = new LinkedHashMap<>();
        for (YearFigures year : List.of(ctx.pack().earlier(2), ctx.pack().earlier(1))) {
            UnitFigures then = level.equals("province") ? year.province() : year.unit(unit.code());
            if (then == null) {
                continue;
            }
            String story = null;
            if (!then.exact()) {
                story = level.equals("province") ? ctx.text().get("comparison.story.provinceInexact")
                        : ctx.text().get("comparison.story.split", names(year, "commune", then.splitSources()));
            } else if (!then.sources().equals(List.of(unit.code())) && !then.sources().isEmpty()) {
                story = ctx.text().get(level.equals("province") ? "comparison.story.provinces" : "comparison.story.merged",
                        names(year, level, then.sources()));
            }
            if (story != null) {
                stories.computeIfAbsent(story, s -> new ArrayList<>()).add(year.year());
            }
        }
        return stories.entrySet().stream()
                .map(e -> ctx.text().get("comparison.story.years", e.getValue().stream().map(String::valueOf).collect(Collectors.joining(", ")),
                        e.getKey()))
                .collect(Collectors.joining(" "));
    }

    private static String names(YearFigures year, String level, List<String> codes) {
        return codes.stream().map(code -> year.sourceName(level, code) + " (" + code + ")").collect(Collectors.joining(", "));
    }
}
