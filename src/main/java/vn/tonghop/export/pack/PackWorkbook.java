package vn.tonghop.export.pack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import vn.tonghop.export.xlsx.BufferedSheet;
import vn.tonghop.export.xlsx.NewWorkbook;

/**
 * The conference pack workbook ({@code tonghop-<province>-<year>.xlsx}), in Vietnamese, print-ready: a title on
 * every sheet, frozen and repeated headers, A4 landscape, numbers with Vietnamese grouping. Before the reform:
 * <i>Tổng hợp toàn tỉnh, Theo huyện, Theo xã, So sánh qua các năm, Tiến độ báo cáo, Cảnh báo, Biểu đồ</i>; after it
 * there are no districts, so the by-unit sheet is <i>Theo xã</i> (one row per commune) and there is no second one.
 */
final class PackWorkbook {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** What every sheet needs. */
    record Context(ConferencePack pack, PackColumns columns, PackText text, PackStyles styles, List<BufferedSheet> sheets,
                   DeadlineSettings deadlines, int chartUnits) {

        /** A new sheet, after the ones made so far. */
        SheetWriter sheet(String name) {
            BufferedSheet sheet = new BufferedSheet(name);
            sheets.add(sheet);
            return new SheetWriter(sheet, styles);
        }

        /** "Tỉnh Bắc Kạn — số liệu từ 15/12/2022 đến 14/12/2023 (biểu ANTQ-01)". */
        String subtitle() {
            return text.get("subtitle", pack.provinceTitle(), date(LocalDate.of(pack.year() - 1, 12, 15)),
                    date(LocalDate.of(pack.year(), 12, 14)), pack.formCode());
        }

        String footer() {
            return text.get("footer", pack.provinceTitle(), pack.year());
        }

        String date(LocalDate day) {
            return day == null ? "" : DAY.format(day);
        }

        /** The level below the province, in words: "huyện" or "xã". */
        String unitWord() {
            return text.get(pack.byDistrict() ? "unit.district" : "unit.commune");
        }
    }

    private final PackColumns columns;
    private final PackText text;
    private final DeadlineSettings deadlines;
    private final int chartUnits;

    PackWorkbook(PackColumns columns, PackText text, DeadlineSettings deadlines, int chartUnits) {
        this.columns = columns;
        this.text = text;
        this.deadlines = deadlines;
        this.chartUnits = chartUnits;
    }

    /** Writes the workbook to {@code target}, a file of its own (written whole, then renamed by the caller). */
    void write(ConferencePack pack, Path target) throws IOException {
        try (NewWorkbook workbook = new NewWorkbook(target)) {
            List<BufferedSheet> sheets = new ArrayList<>();
            Context ctx = new Context(pack, columns, text, new PackStyles(workbook.styles(), text), sheets, deadlines, chartUnits);
            new SummarySheet(ctx).write();
            new UnitsSheet(ctx).writeByUnit();
            if (pack.byDistrict()) {
                new UnitsSheet(ctx).writeCommunes();
            }
            new ComparisonSheet(ctx).write();
            new ProgressSheet(ctx).write();
            new WarningsSheet(ctx).write();
            new ChartsSheet(ctx).write();
            for (BufferedSheet sheet : sheets) {
                workbook.add(sheet);
            }
            workbook.properties(text.get("summary.title", pack.year()) + " — " + pack.provinceTitle(), "tonghop");
        }
    }
}
