package vn.tonghop.export.pack;

import java.math.BigDecimal;
import vn.tonghop.export.pack.PackStyles.Kind;

/**
 * <i>Cảnh báo</i>: the warnings and outliers on reports still counted (a correction that superseded a report takes
 * its warnings away), each with the file, sheet, row and column it came from, so staff can call the office.
 */
final class WarningsSheet {

    static final int HEADER_ROW = 4;

    private final PackWorkbook.Context ctx;

    WarningsSheet(PackWorkbook.Context ctx) {
        this.ctx = ctx;
    }

    void write() {
        ConferencePack pack = ctx.pack();
        PackText text = ctx.text();
        SheetWriter w = ctx.sheet(text.get("sheet.warnings"));
        int last = 9;
        w.line(0, text.get("warnings.title", pack.year()), Kind.TITLE, last);
        w.line(1, ctx.subtitle(), Kind.SUBTITLE, last);
        w.line(2, text.get("warnings.note"), Kind.NOTE, last);
        String[] headers = {text.get("header.number"), text.get("header.commune"), text.get("header.code"),
                pack.byDistrict() ? text.get("header.district") : "", text.get("header.file"), text.get("header.sheet"),
                text.get("header.row"), text.get("header.column"), text.get("header.value"), text.get("header.message")};
        for (int c = 0; c < headers.length; c++) {
            w.text(HEADER_ROW, c, headers[c], Kind.HEADER);
        }
        w.height(HEADER_ROW, 32);
        int r = HEADER_ROW + 1;
        if (pack.warnings().isEmpty()) {
            w.line(r, text.get("warnings.none"), Kind.NOTE, last);
        }
        int number = 1;
        for (StandingWarning warning : pack.warnings()) {
            w.number(r, 0, number++, Kind.TEXT_CENTER, false);
            w.text(r, 1, warning.communeCode() == null ? text.get("warnings.wholeFile") : warning.communeName(), Kind.TEXT);
            w.text(r, 2, warning.communeCode(), Kind.TEXT_CENTER);
            w.text(r, 3, pack.byDistrict() ? pack.districtName(warning.districtCode()) : "", Kind.TEXT);
            w.text(r, 4, warning.file(), Kind.TEXT);
            w.text(r, 5, warning.sheet(), Kind.TEXT);
            w.number(r, 6, warning.row() == null ? null : BigDecimal.valueOf(warning.row()), Kind.TEXT_CENTER, false);
            w.text(r, 7, warning.column(), Kind.TEXT);
            w.text(r, 8, warning.value(), Kind.TEXT);
            w.text(r, 9, warning.message(), Kind.TEXT);
            r++;
        }
        w.widths(6, 18, 8, 14, 30, 11, 7, 22, 12, 62);
        w.printReady(HEADER_ROW, HEADER_ROW + 1, 0, 1, ctx.footer(), text.get("footer.page"));
    }
}
