package vn.tonghop.export.pack;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a throw-away workbook with a chart on a background thread as a run starts, while the run reads its files:
 * the first conference pack of a process otherwise spends some two seconds loading and initialising POI's and
 * XMLBeans' classes (hundreds of schema types) on the run's critical path, most of a nightly run's pack step.
 * Nothing is written anywhere; a failure is only logged.
 */
public final class PoiWarmUp {

    private static final Logger log = LoggerFactory.getLogger(PoiWarmUp.class);

    private PoiWarmUp() {
    }

    /** Starts the warm-up on a daemon thread of low priority. */
    public static void start() {
        Thread thread = new Thread(PoiWarmUp::warmUp, "poi-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    static void warmUp() {
        long started = System.nanoTime();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet("warm-up");
            for (int r = 0; r < 3; r++) {
                sheet.createRow(r).createCell(0).setCellValue("unit " + r);
                sheet.getRow(r).createCell(1).setCellValue(r);
            }
            sheet.addMergedRegion(new CellRangeAddress(4, 4, 0, 1));
            sheet.createFreezePane(0, 1);
            XSSFDrawing drawing = sheet.createDrawingPatriarch();
            XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 3, 0, 9, 12));
            chart.setTitleText("warm-up");
            chart.getOrAddLegend();
            XDDFCategoryAxis units = chart.createCategoryAxis(AxisPosition.BOTTOM);
            XDDFValueAxis values = chart.createValueAxis(AxisPosition.LEFT);
            XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, units, values);
            bars.addSeries(XDDFDataSourcesFactory.fromStringCellRange(sheet, new CellRangeAddress(0, 2, 0, 0)),
                    XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(0, 2, 1, 1)));
            chart.plot(bars);
            workbook.write(OutputStream.nullOutputStream());
            log.debug("POI warmed up in {} ms", (System.nanoTime() - started) / 1_000_000);
        } catch (IOException | RuntimeException | LinkageError e) {
            log.debug("POI warm-up failed: {}", e.toString());
        }
    }
}
