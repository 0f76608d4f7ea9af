package vn.tonghop.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import vn.tonghop.form.Indicator;
import vn.tonghop.form.IndicatorKind;
import vn.tonghop.normalise.Period;
import vn.tonghop.normalise.PeriodParser;

/**
 * Writes a benchmark year: one wide file per district per report (12 monthly + 1 annual) under
 * {@code inbox/<district-code>/}, alternately CSV (UTF-8, UTF-8 with BOM, UTF-16LE tab-separated,
 * Windows-1258; comma, semicolon or tab) and .xlsx (POI SXSSF), with title lines, an STT column, a total row and
 * a signature below; then five corrected annual files of five districts for the nightly run. Records for
 * every commune the figures tonghop must end up with ({@link Expected}).
 */
final class YearGenerator {

    /** What was written. */
    record Summary(int files, long values, long rows, int nightlyFiles, long nightlyValues) {
    }

    private final Registry registry;
    private final YearModel model;
    private final long seed;
    private final Expected year;
    private final Expected nightly;
    private final AtomicLong values = new AtomicLong();
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong nightlyValues = new AtomicLong();
    private final PeriodParser periods = new PeriodParser();
    private final FileTime epoch = FileTime.fromMillis(1_734_000_000_000L);

    YearGenerator(Registry registry, YearModel model, long seed) {
        this.registry = registry;
        this.model = model;
        this.seed = seed;
        this.year = new Expected(registry, model);
        this.nightly = new Expected(registry, model);
    }

    Expected expectedYear() {
        return year;
    }

    Expected expectedNightly() {
        return nightly;
    }

    Summary generate(Path inbox, Path nightlyInbox, int threads) throws Exception {
        List<Registry.District> districts = registry.districts;
        List<Integer> corrected = new ArrayList<>();
        for (int k = 0; k < Math.min(5, districts.size()); k++) {
            corrected.add(k * districts.size() / Math.min(5, districts.size()) + (districts.size() > 10 ? 3 : 0));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int d = 0; d < districts.size(); d++) {
                int index = d;
                jobs.add(pool.submit(() -> {
                    district(index, inbox, corrected.contains(index) ? nightlyInbox : null);
                    return null;
                }));
            }
            for (Future<?> job : jobs) {
                job.get();
            }
        } finally {
            pool.shutdown();
        }
        return new Summary(districts.size() * 13, values.get(), rows.get(), corrected.size(), nightlyValues.get());
    }

    private void district(int d, Path inbox, Path nightlyInbox) throws IOException {
        Registry.District district = registry.districts.get(d);
        List<YearModel.Row[]> communeRows = new ArrayList<>();
        for (Registry.Commune c : district.communes()) {
            YearModel.Row[] r = model.rows(c);
            communeRows.add(r);
            year.record(c.code(), r);
            nightly.record(c.code(), r);
        }
        Path folder = inbox.resolve(district.code());
        Files.createDirectories(folder);
        for (int p = 1; p <= 13; p++) {
            int period = p == 13 ? YearModel.ANNUAL : p;
            List<YearModel.Row> fileRows = new ArrayList<>();
            for (YearModel.Row[] r : communeRows) {
                fileRows.add(r[period]);
                values.addAndGet(r[period].filledCells());
            }
            rows.addAndGet(fileRows.size());
            boolean xlsx = (d + p) % 2 == 0;
            String stem = district.code() + (period == YearModel.ANNUAL ? "-tong-ket-nam-" + model.year
                    : String.format(Locale.ROOT, "-thang-%02d-%d", period, model.year));
            Path file = folder.resolve(stem + (xlsx ? ".xlsx" : ".csv"));
            SplittableRandom r = new SplittableRandom(seed * 31 + d * 16L + p);
            Optional<Registry.Commune> stranger = strangerRow(d, r);
            write(file, district, period, fileRows, stranger.orElse(null), r, xlsx);
            Files.setLastModifiedTime(file, FileTime.fromMillis(epoch.toMillis() + (p * 10_000L + d) * 1000));
        }
        if (nightlyInbox != null) {
            List<YearModel.Row> corrections = new ArrayList<>();
            for (YearModel.Row[] r : communeRows) {
                YearModel.Row correction = correct(r[YearModel.ANNUAL]);
                corrections.add(correction);
                nightly.replaceAnnual(correction.commune().code(), correction);
                nightlyValues.addAndGet(correction.filledCells());
            }
            Path nightlyFolder = nightlyInbox.resolve(district.code());
            Files.createDirectories(nightlyFolder);
            Path file = nightlyFolder.resolve(district.code() + "-tong-ket-nam-" + model.year + "-lan2.xlsx");
            write(file, district, YearModel.ANNUAL, corrections, null, new SplittableRandom(seed + d), true);
        }
    }

    /** In about one file in fifty, a row for a commune of another district (out of the office's scope) or an unknown code. */
    private Optional<Registry.Commune> strangerRow(int d, SplittableRandom r) {
        if (r.nextInt(50) != 0) {
            return Optional.empty();
        }
        if (registry.districts.size() > 1 && r.nextBoolean()) {
            Registry.District other = registry.districts.get((d + 1) % registry.districts.size());
            return Optional.of(other.communes().get(0));
        }
        Registry.District own = registry.districts.get(d);
        Registry.Commune any = own.communes().get(0);
        return Optional.of(new Registry.Commune(any.provinceCode(), any.provinceName(), any.districtCode(), any.districtName(),
                "99999", "Không Có", "Xã", ""));
    }

    /** The corrected annual row sent the next day: one more propaganda session, a million more in donations. */
    private YearModel.Row correct(YearModel.Row annual) {
        Long[] v = annual.values().clone();
        if (annual.fault() == YearModel.Fault.SAFE_ABOVE_TOTAL) {
            int safe = model.index("villages_safe");
            v[safe] = v[model.index("villages_total")];
        }
        bump(v, "propaganda_sessions", 1);
        bump(v, "propaganda_attendees", 40);
        bump(v, "donations_vnd", 1_000_000);
        return new YearModel.Row(annual.commune(), YearModel.ANNUAL, v, YearModel.Fault.NONE, -1);
    }

    private void bump(Long[] v, String code, long by) {
        int i = model.index(code);
        if (i >= 0) {
            v[i] = (v[i] == null ? 0 : v[i]) + by;
        }
    }

    private void write(Path file, Registry.District district, int period, List<YearModel.Row> fileRows, Registry.Commune stranger,
                       SplittableRandom r, boolean xlsx) throws IOException {
        List<List<Object>> table = table(district, period, fileRows, stranger, r);
        Period stated = period == YearModel.ANNUAL ? Period.ofYear(model.year) : Period.ofMonth(model.year, period);
        String stem = file.getFileName().toString().replaceFirst("\\.[a-z]+$", "");
        if (!periods.parse(stem).map(stated::equals).orElse(false)) {
            throw new IllegalStateException("File name " + stem + " does not state " + stated.code());
        }
        if (xlsx) {
            writeXlsx(file, table, r);
        } else {
            writeCsv(file, table, r);
        }
    }

    /** The table as cells: String for text, Long for a number (a CSV writes it in Vietnamese notation). */
    private List<List<Object>> table(Registry.District district, int period, List<YearModel.Row> fileRows, Registry.Commune stranger,
                                     SplittableRandom r) {
        List<Indicator> indicators = model.form.indicators();
        List<List<Object>> table = new ArrayList<>();
        table.add(List.of("CÔNG AN " + district.name().toUpperCase(Locale.forLanguageTag("vi"))));
        table.add(List.of());
        String when = period == YearModel.ANNUAL ? "NĂM " + model.year : "THÁNG " + period + " NĂM " + model.year;
        table.add(List.of("BÁO CÁO KẾT QUẢ PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC " + when));
        table.add(List.of());
        List<Object> header = new ArrayList<>(List.of("STT", "Mã xã", "Tên xã"));
        for (Indicator indicator : indicators) {
            boolean alias = !indicator.aliases().isEmpty() && r.nextInt(8) == 0;
            header.add(alias ? indicator.aliases().get(r.nextInt(indicator.aliases().size())) : indicator.header());
        }
        table.add(header);
        long[] totals = new long[indicators.size()];
        int stt = 0;
        List<YearModel.Row> all = new ArrayList<>(fileRows);
        if (stranger != null) {
            all.add(r.nextInt(all.size() + 1), strangerRow(stranger, fileRows.get(0)));
        }
        for (YearModel.Row row : all) {
            List<Object> cells = new ArrayList<>();
            cells.add(String.valueOf(++stt));
            cells.add(row.commune().code());
            cells.add(communeName(row.commune(), r));
            for (int i = 0; i < indicators.size(); i++) {
                Long v = row.values()[i];
                if (i == row.faulty() && row.fault() != YearModel.Fault.SAFE_ABOVE_TOTAL) {
                    cells.add(switch (row.fault()) {
                        case NEGATIVE -> "-" + (1 + r.nextInt(9));
                        case NOT_A_NUMBER -> "nhiều";
                        default -> "2,5";
                    });
                    continue;
                }
                if (indicators.get(i).kind() == IndicatorKind.FLAG) {
                    cells.add(v != null && v == 1 ? new String[] {"Đạt", "x", "Có"}[r.nextInt(3)]
                            : new String[] {"Không đạt", "Không"}[r.nextInt(2)]);
                    continue;
                }
                cells.add(v);
                if (v != null && row.commune() != stranger) {
                    totals[i] += v;
                }
            }
            table.add(cells);
        }
        List<Object> total = new ArrayList<>(List.of("", "", "Tổng cộng"));
        int wrong = r.nextInt(30) == 0 ? r.nextInt(indicators.size()) : -1;
        for (int i = 0; i < indicators.size(); i++) {
            total.add(indicators.get(i).kind() == IndicatorKind.FLAG ? "" : (Object) (totals[i] + (i == wrong ? 1 : 0)));
        }
        table.add(total);
        table.add(List.of());
        table.add(List.of("", "", "Người lập biểu"));
        table.add(List.of("", "", "TRƯỞNG CÔNG AN " + district.name().toUpperCase(Locale.forLanguageTag("vi"))));
        return table;
    }

    private static YearModel.Row strangerRow(Registry.Commune stranger, YearModel.Row like) {
        return new YearModel.Row(stranger, like.period(), like.values(), YearModel.Fault.NONE, -1);
    }

    private static String communeName(Registry.Commune c, SplittableRandom r) {
        return switch (r.nextInt(10)) {
            case 0 -> c.name();
            case 1 -> (c.type() + " " + c.name()).toUpperCase(Locale.forLanguageTag("vi"));
            default -> c.type() + " " + c.name();
        };
    }

    /** A number as a clerk types it: 1.800, 100.000.000 or "100 triệu", sometimes a leading zero. */
    private static String vietnamese(long v, boolean money, SplittableRandom r) {
        if (money && v > 0 && v % 1_000_000 == 0 && r.nextInt(5) == 0) {
            return v / 1_000_000 + " triệu";
        }
        if (v >= 0 && v < 10 && r.nextInt(10) == 0) {
            return "0" + v;
        }
        String digits = Long.toString(v);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                grouped.append('.');
            }
            grouped.append(digits.charAt(i));
        }
        return grouped.toString();
    }

    private enum TextFormat {
        UTF8(StandardCharsets.UTF_8, new byte[0], ','),
        UTF8_BOM(StandardCharsets.UTF_8, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, ';'),
        UTF16(StandardCharsets.UTF_16LE, new byte[] {(byte) 0xFF, (byte) 0xFE}, '\t'),
        WINDOWS_1258(Charset.forName("windows-1258"), new byte[0], ','),
        UTF8_TAB(StandardCharsets.UTF_8, new byte[0], '\t'),
        WINDOWS_1258_SEMICOLON(Charset.forName("windows-1258"), new byte[0], ';');

        final Charset charset;
        final byte[] bom;
        final char delimiter;

        TextFormat(Charset charset, byte[] bom, char delimiter) {
            this.charset = charset;
            this.bom = bom;
            this.delimiter = delimiter;
        }
    }

    private void writeCsv(Path file, List<List<Object>> table, SplittableRandom r) throws IOException {
        TextFormat format = TextFormat.values()[r.nextInt(TextFormat.values().length)];
        List<Indicator> indicators = model.form.indicators();
        StringBuilder text = new StringBuilder();
        int width = indicators.size() + 3;
        for (List<Object> row : table) {
            for (int c = 0; c < width; c++) {
                if (c > 0) {
                    text.append(format.delimiter);
                }
                Object cell = c < row.size() ? row.get(c) : "";
                String s = cell == null ? "" : cell instanceof Long n
                        ? vietnamese(n, c >= 3 && indicators.get(c - 3).money(), r) : (String) cell;
                boolean quote = s.indexOf(format.delimiter) >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0;
                text.append(quote ? '"' + s.replace("\"", "\"\"") + '"' : s);
            }
            text.append("\r\n");
        }
        String content = format.charset.name().equals("windows-1258") ? windows1258Form(text.toString()) : text.toString();
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(format.bom);
            out.write(content.getBytes(format.charset));
        }
    }

    /**
     * Windows-1258 has the letters with circumflex, breve and horn but writes most tone marks as combining
     * characters after the letter, as old Vietnamese Windows did.
     */
    static String windows1258Form(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        int i = 0;
        while (i < decomposed.length()) {
            StringBuilder letter = new StringBuilder().append(decomposed.charAt(i++));
            StringBuilder tones = new StringBuilder();
            while (i < decomposed.length() && Character.getType(decomposed.charAt(i)) == Character.NON_SPACING_MARK) {
                char mark = decomposed.charAt(i++);
                (isShapeMark(mark) ? letter : tones).append(mark);
            }
            out.append(Normalizer.normalize(letter, Normalizer.Form.NFC)).append(tones);
        }
        return out.toString();
    }

    private static boolean isShapeMark(char ch) {
        return ch == '\u0302' || ch == '\u0306' || ch == '\u031B';
    }

    private void writeXlsx(Path file, List<List<Object>> table, SplittableRandom r) throws IOException {
        List<Indicator> indicators = model.form.indicators();
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            Sheet sheet = workbook.createSheet("Báo cáo");
            for (int i = 0; i < table.size(); i++) {
                List<Object> cells = table.get(i);
                Row row = sheet.createRow(i);
                for (int c = 0; c < cells.size(); c++) {
                    Object value = cells.get(c);
                    if (value == null || "".equals(value)) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (value instanceof Long n) {
                        if (r.nextInt(10) == 0) {
                            cell.setCellValue(vietnamese(n, c >= 3 && indicators.get(c - 3).money(), r)); // number stored as text
                        } else {
                            cell.setCellValue(n.doubleValue());
                        }
                    } else if (c == 0 && ((String) value).matches("\\d+")) {
                        cell.setCellValue(Double.parseDouble((String) value));
                    } else {
                        cell.setCellValue((String) value);
                    }
                }
            }
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 5));
            sheet.addMergedRegion(new CellRangeAddress(2, 2, 0, indicators.size() + 2));
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
    }
}
