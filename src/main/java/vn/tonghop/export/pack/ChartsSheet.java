package vn.tonghop.export.pack;

import java.util.ArrayList;
import java.util.List;
import vn.tonghop.export.pack.PackColumns.Column;
import vn.tonghop.export.pack.PackStyles.Kind;
import vn.tonghop.export.xlsx.BarChart;
import vn.tonghop.export.xlsx.BufferedSheet;

/**
 * <i>Biểu đồ</i>: for each charted indicator ({@code tonghop.pack.chart-indicators}) a small table (unit, this year,
 * last year) and beside it a native Excel clustered bar chart drawn from that table, so the chart stays live if
 * staff correct a figure.
 */
final class ChartsSheet {

    static final int DATA_COLUMNS = 3;
    private static final int CHART_FIRST_COLUMN = 4;
    private static final int CHART_LAST_COLUMN = 16;
    /** A chart and its table fill one landscape page; the next chart starts on the next page. */
    private static final int MIN_BLOCK_ROWS = 30;

    private final PackWorkbook.Context ctx;

    ChartsSheet(PackWorkbook.Context ctx) {
        this.ctx = ctx;
    }

    void write() {
        ConferencePack pack = ctx.pack();
        PackText text = ctx.text();
        SheetWriter w = ctx.sheet(text.get("sheet.charts"));
        w.line(0, text.get("charts.title", pack.year()), Kind.TITLE, CHART_LAST_COLUMN);
        w.line(1, ctx.subtitle(), Kind.SUBTITLE, CHART_LAST_COLUMN);
        int r = 3;
        int number = 1;
        for (Column column : ctx.columns().charted()) {
            ChartData data = ChartData.of(pack, column, ctx.chartUnits());
            String title = text.get("charts.chartTitle", number++, column.label(), ctx.unitWord(), pack.year(), pack.year() - 1);
            w.line(r, text.get("charts.dataLabel", number - 1), Kind.GROUP, DATA_COLUMNS - 1);
            if (data.truncated()) {
                w.line(r + 1, text.get("charts.truncated", data.labels().size(), ctx.unitWord()), Kind.NOTE, DATA_COLUMNS - 1);
            }
            int header = r + 2;
            w.text(header, 0, pack.byDistrict() ? text.get("header.district") : text.get("header.commune"), Kind.HEADER);
            w.text(header, 1, text.get("header.year", pack.year()), Kind.HEADER);
            w.text(header, 2, text.get("header.year", pack.year() - 1), Kind.HEADER);
            Kind kind = column.rate() ? Kind.PERCENT : Kind.INTEGER;
            for (int i = 0; i < data.labels().size(); i++) {
                w.text(header + 1 + i, 0, data.labels().get(i), Kind.TEXT);
                w.number(header + 1 + i, 1, data.thisYear().get(i), kind, false);
                w.number(header + 1 + i, 2, data.lastYear().get(i), kind, false);
            }
            int lastRow = header + Math.max(data.labels().size(), 1);
            int blockEnd = Math.max(lastRow + 2, r + MIN_BLOCK_ROWS);
            chart(w, title, header, lastRow, r, blockEnd - 1, column.rate());
            w.sheet.rowBreak(blockEnd);
            r = blockEnd + 1;
        }
        w.widths(22, 11, 11);
        w.printReady(0, 3, 0, 1, ctx.footer(), text.get("footer.page"));
        w.sheet.freeze(0, 0);
    }

    /** A clustered column chart of this year and last year by unit, drawn from the table rows header+1..lastRow. */
    private void chart(SheetWriter w, String title, int header, int lastRow, int top, int bottom, boolean rate) {
        BufferedSheet sheet = w.sheet;
        String quoted = "'" + sheet.name().replace("'", "''") + "'!";
        List<String> labels = new ArrayList<>();
        List<List<Double>> values = List.of(new ArrayList<>(), new ArrayList<>());
        for (int r = header + 1; r <= lastRow; r++) {
            labels.add(sheet.textAt(r, 0));
            values.get(0).add(sheet.numberAt(r, 1));
            values.get(1).add(sheet.numberAt(r, 2));
        }
        BarChart.Range<String> categories = new BarChart.Range<>(range(quoted, 0, header + 1, lastRow), labels);
        List<String> colours = List.of("royalBlue", "ltGray");
        List<BarChart.Series> series = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            String name = sheet.textAt(header, 1 + s);
            series.add(new BarChart.Series(new BarChart.Range<>(quoted + "$" + column(1 + s) + "$" + (header + 1), List.of(name)),
                    new BarChart.Range<>(range(quoted, 1 + s, header + 1, lastRow), values.get(s)), colours.get(s)));
        }
        sheet.chart(new BarChart(title, 13, categories, series, rate ? "0%" : "#,##0", rate), CHART_FIRST_COLUMN, top,
                CHART_LAST_COLUMN + 1, bottom);
    }

    private static String range(String quotedSheet, int column, int firstRow, int lastRow) {
        return quotedSheet + "$" + column(column) + "$" + (firstRow + 1) + ":$" + column(column) + "$" + (lastRow + 1);
    }

    private static String column(int index) {
        return String.valueOf((char) ('A' + index));
    }
}
