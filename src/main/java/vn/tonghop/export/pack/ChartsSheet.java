package vn.tonghop.export.pack;

import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartLegend;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xddf.usermodel.text.XDDFTextRun;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import vn.tonghop.export.pack.PackColumns.Column;
import vn.tonghop.export.pack.PackStyles.Kind;

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
        XSSFDrawing drawing = w.sheet.createDrawingPatriarch();
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
            chart(drawing, w, title, header, lastRow, r, blockEnd - 1, column.rate());
            w.sheet.setRowBreak(blockEnd);
            r = blockEnd + 1;
        }
        w.widths(22, 11, 11);
        w.printReady(0, 3, 0, 1, ctx.footer(), text.get("footer.page"));
        w.sheet.createFreezePane(0, 0);
    }

    private void chart(XSSFDrawing drawing, SheetWriter w, String title, int header, int lastRow, int top, int bottom, boolean rate) {
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, CHART_FIRST_COLUMN, top, CHART_LAST_COLUMN + 1, bottom);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        for (XDDFTextRun run : chart.getTitle().getBody().getParagraph(0).getTextRuns()) {
            run.setFontSize(13.0);
            run.setBold(true);
        }
        XDDFChartLegend legend = chart.getOrAddLegend();
        legend.setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis units = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis values = chart.createValueAxis(AxisPosition.LEFT);
        values.setCrosses(AxisCrosses.AUTO_ZERO);
        values.setCrossBetween(AxisCrossBetween.BETWEEN);
        if (rate) {
            values.setNumberFormat("0%");
            values.setMinimum(0);
            values.setMaximum(1);
        } else {
            values.setNumberFormat("#,##0");
        }
        XDDFDataSource<String> categories = XDDFDataSourcesFactory.fromStringCellRange(w.sheet,
                new CellRangeAddress(header + 1, lastRow, 0, 0));
        XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, units, values);
        bars.setBarDirection(BarDirection.COL);
        bars.setBarGrouping(BarGrouping.CLUSTERED);
        bars.setVaryColors(false);
        List<PresetColor> colours = List.of(PresetColor.ROYAL_BLUE, PresetColor.LIGHT_GRAY);
        for (int s = 0; s < 2; s++) {
            XDDFNumericalDataSource<Double> series = XDDFDataSourcesFactory.fromNumericCellRange(w.sheet,
                    new CellRangeAddress(header + 1, lastRow, 1 + s, 1 + s));
            XDDFBarChartData.Series added = (XDDFBarChartData.Series) bars.addSeries(categories, series);
            added.setTitle(w.sheet.getRow(header).getCell(1 + s).getStringCellValue(),
                    new CellReference(w.sheet.getSheetName(), header, 1 + s, true, true));
            XDDFShapeProperties shape = new XDDFShapeProperties();
            shape.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(colours.get(s))));
            added.setShapeProperties(shape);
        }
        chart.plot(bars);
    }
}
