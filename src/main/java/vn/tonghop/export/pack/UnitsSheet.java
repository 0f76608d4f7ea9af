package vn.tonghop.export.pack;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.tonghop.export.pack.PackColumns.Column;
import vn.tonghop.export.pack.PackStyles.Kind;

/**
 * The tables by unit. <i>Theo huyện</i> (or, after the reform, <i>Theo xã</i>): one row per unit below the province,
 * the key indicators first each with its rank in the province, then every other figure, and the province's row
 * ({@code Toàn tỉnh}) last. <i>Theo xã</i> before the reform: every commune with its district and every figure.
 */
final class UnitsSheet {

    static final int HEADER_ROW = 4;

    private final PackWorkbook.Context ctx;

    UnitsSheet(PackWorkbook.Context ctx) {
        this.ctx = ctx;
    }

    /** The by-unit table: districts before the reform, communes after it. */
    void writeByUnit() {
        ConferencePack pack = ctx.pack();
        PackText text = ctx.text();
        boolean districts = pack.byDistrict();
        SheetWriter w = ctx.sheet(text.get(districts ? "sheet.districts" : "sheet.communes"));
        List<Column> key = ctx.columns().key();
        List<Column> others = ctx.columns().others();

        List<String> identity = new ArrayList<>(List.of(text.get("header.number"), text.get("header.code"),
                text.get(districts ? "header.district" : "header.commune")));
        if (districts) {
            identity.add(text.get("header.communesReporting"));
            identity.add(text.get("header.communesExpected"));
        } else {
            identity.add(text.get("header.reported"));
        }
        int firstFigure = identity.size();
        int lastColumn = firstFigure + key.size() * 2 + others.size() - 1;
        w.line(0, text.get(districts ? "units.title.districts" : "units.title.communes", pack.year()), Kind.TITLE, Math.min(lastColumn, 14));
        w.line(1, ctx.subtitle(), Kind.SUBTITLE, Math.min(lastColumn, 14));
        w.line(2, text.get("units.note", ctx.unitWord()), Kind.NOTE, Math.min(lastColumn, 14));

        int sub = HEADER_ROW + 1;
        for (int c = 0; c < identity.size(); c++) {
            w.text(HEADER_ROW, c, identity.get(c), Kind.HEADER);
            w.blank(sub, c, Kind.HEADER, false);
            w.merge(HEADER_ROW, sub, c, c);
        }
        int c = firstFigure;
        for (Column column : key) {
            w.text(HEADER_ROW, c, column.label(), Kind.HEADER);
            w.blank(HEADER_ROW, c + 1, Kind.HEADER, false);
            w.merge(HEADER_ROW, HEADER_ROW, c, c + 1);
            w.text(sub, c, text.get("header.figure"), Kind.HEADER);
            w.text(sub, c + 1, text.get("header.rank"), Kind.HEADER);
            c += 2;
        }
        for (Column column : others) {
            w.text(HEADER_ROW, c, column.label(), Kind.HEADER);
            w.blank(sub, c, Kind.HEADER, false);
            w.merge(HEADER_ROW, sub, c, c);
            c++;
        }
        w.height(HEADER_ROW, 80);

        List<UnitFigures> units = pack.units();
        List<Map<String, Integer>> ranks = key.stream().map(k -> Ranking.of(units, k.code())).toList();
        int r = sub + 1;
        int number = 1;
        for (UnitFigures unit : units) {
            w.number(r, 0, number++, Kind.TEXT_CENTER, false);
            w.text(r, 1, unit.code(), Kind.TEXT_CENTER);
            w.text(r, 2, unit.name(), Kind.TEXT);
            identityFigures(w, r, unit, districts, false, text);
            c = firstFigure;
            for (int k = 0; k < key.size(); k++) {
                figure(w, r, c, key.get(k), unit, districts, false);
                Integer rank = ranks.get(k).get(unit.code());
                w.number(r, c + 1, rank == null ? null : BigDecimal.valueOf(rank), Kind.TEXT_CENTER, false);
                c += 2;
            }
            for (Column column : others) {
                figure(w, r, c++, column, unit, districts, false);
            }
            r++;
        }
        UnitFigures province = pack.province();
        w.text(r, 0, "", Kind.TEXT_CENTER, true);
        w.text(r, 1, province.code(), Kind.TEXT_CENTER, true);
        w.text(r, 2, ctx.text().get("total.province"), Kind.TEXT, true);
        identityFigures(w, r, province, districts, true, text);
        c = firstFigure;
        for (Column column : key) {
            figure(w, r, c, column, province, true, true);
            w.blank(r, c + 1, Kind.TEXT_CENTER, true);
            c += 2;
        }
        for (Column column : others) {
            figure(w, r, c++, column, province, true, true);
        }
        w.widths(5, 8, 20);
        for (int col = 3; col <= lastColumn; col++) {
            w.width(col, 11);
        }
        for (int k = 0; k < key.size(); k++) {
            w.width(firstFigure + 2 * k + 1, 7);
        }
        w.printReady(HEADER_ROW, sub + 1, 3, pagesWide(lastColumn + 1), ctx.footer(), text.get("footer.page"));
    }

    /** Every commune with its district (before the reform). */
    void writeCommunes() {
        ConferencePack pack = ctx.pack();
        PackText text = ctx.text();
        SheetWriter w = ctx.sheet(text.get("sheet.communes"));
        List<Column> all = ctx.columns().all();
        String[] identity = {text.get("header.number"), text.get("header.code"), text.get("header.commune"), text.get("header.district"),
                text.get("header.reported")};
        int lastColumn = identity.length + all.size() - 1;
        w.line(0, text.get("units.title.communes", pack.year()), Kind.TITLE, 14);
        w.line(1, ctx.subtitle(), Kind.SUBTITLE, 14);
        w.line(2, text.get("communes.note"), Kind.NOTE, 14);
        for (int c = 0; c < identity.length; c++) {
            w.text(HEADER_ROW, c, identity[c], Kind.HEADER);
        }
        int c = identity.length;
        for (Column column : all) {
            w.text(HEADER_ROW, c++, column.label(), Kind.HEADER);
        }
        w.height(HEADER_ROW, 80);
        int r = HEADER_ROW + 1;
        int number = 1;
        for (UnitFigures commune : pack.communes()) {
            w.number(r, 0, number++, Kind.TEXT_CENTER, false);
            w.text(r, 1, commune.code(), Kind.TEXT_CENTER);
            w.text(r, 2, commune.name(), Kind.TEXT);
            w.text(r, 3, pack.districtName(commune.parentCode()), Kind.TEXT);
            w.text(r, 4, text.get(commune.reported() ? "reported.yes" : "reported.no"), Kind.TEXT_CENTER);
            c = identity.length;
            for (Column column : all) {
                figure(w, r, c++, column, commune, false, false);
            }
            r++;
        }
        UnitFigures province = pack.province();
        w.text(r, 0, "", Kind.TEXT_CENTER, true);
        w.text(r, 1, province.code(), Kind.TEXT_CENTER, true);
        w.text(r, 2, text.get("total.province"), Kind.TEXT, true);
        w.text(r, 3, "", Kind.TEXT, true);
        w.text(r, 4, province.reporting() + "/" + province.expected(), Kind.TEXT_CENTER, true);
        c = identity.length;
        for (Column column : all) {
            figure(w, r, c++, column, province, true, true);
        }
        w.widths(5, 8, 18, 14, 9);
        for (int col = identity.length; col <= lastColumn; col++) {
            w.width(col, 11);
        }
        w.printReady(HEADER_ROW, HEADER_ROW + 1, 3, pagesWide(lastColumn + 1), ctx.footer(), text.get("footer.page"));
    }

    /** Districts: communes reporting and expected; a commune: reported or not; the province row after the reform: "31/34". */
    private static void identityFigures(SheetWriter w, int r, UnitFigures unit, boolean districts, boolean total, PackText text) {
        if (districts) {
            w.number(r, 3, unit.reporting(), Kind.INTEGER, total);
            w.number(r, 4, unit.expected(), Kind.INTEGER, total);
        } else if (total) {
            w.text(r, 3, unit.reporting() + "/" + unit.expected(), Kind.TEXT_CENTER, true);
        } else {
            w.text(r, 3, text.get(unit.reported() ? "reported.yes" : "reported.no"), Kind.TEXT_CENTER, false);
        }
    }

    /** A figure cell: a rate as a percentage; a flag of one commune as Đạt/Chưa đạt; anything else a count. */
    private static void figure(SheetWriter w, int r, int c, Column column, UnitFigures unit, boolean aggregateLevel, boolean total) {
        Kind kind = column.rate() ? Kind.PERCENT : column.flag() && !aggregateLevel ? Kind.FLAG : Kind.INTEGER;
        w.number(r, c, unit.value(column.code()), kind, total);
    }

    /** About twenty columns fit an A4 landscape page at a readable size. */
    static int pagesWide(int columns) {
        return Math.max(1, (columns + 19) / 20);
    }
}
