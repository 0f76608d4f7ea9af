package vn.tonghop.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * {@code bench/run --big-xlsx}: one workbook of 200,000 rows (every commune of the real registry, twenty
 * periods of a year each: months, quarters, halves, nine months and the year, in a period column) ingested
 * by {@code tonghop run} under {@code -Xmx256m}; prints rows/s and the JVM's peak RSS.
 */
final class BigXlsx {

    private static final String[] HEADERS = {"STT", "Mã xã", "Tên xã", "Kỳ báo cáo", "Số buổi tuyên truyền, phổ biến pháp luật",
            "Số lượt người tham gia", "Số lượt tuyên truyền lưu động (loa)", "Tổng số hộ gia đình", "Số hộ ký cam kết an toàn về ANTT",
            "Tổng số thôn, bản, tổ dân phố", "Số thôn, bản đạt chuẩn \"An toàn về ANTT\"", "Xã đạt chuẩn \"An toàn về ANTT\""};

    private final Path root;
    private final Path work;
    private final Map<String, String> options;

    BigXlsx(Path root, Path work, Map<String, String> options) {
        this.root = root;
        this.work = work;
        this.options = options;
    }

    int run() throws Exception {
        int rows = Integer.parseInt(options.getOrDefault("rows", "200000"));
        String xmx = options.getOrDefault("xmx", "256m");
        Path registryFile = root.resolve(options.getOrDefault("registry", "../shared/data/admin-units/units-2024.csv")).normalize();
        Bench.clean(work);
        Registry registry = Registry.read(registryFile, Integer.MAX_VALUE);
        registry.write(work.resolve("registry.csv"));
        Path inbox = Files.createDirectories(work.resolve("run/inbox"));
        Path file = inbox.resolve("toan-quoc-nam-2024.xlsx");
        long t0 = System.nanoTime();
        write(file, registry.communes(), rows);
        System.out.printf(Locale.ROOT, "Generated %s: %,d rows, %,d bytes, in %.1f s%n", file.getFileName(), rows, Files.size(file),
                (System.nanoTime() - t0) / 1e9);
        Path logs = Files.createDirectories(work.resolve("logs"));
        try (EmbeddedPostgres postgres = Bench.startPostgres(work.resolve("pg"))) {
            String server = "jdbc:postgresql://localhost:" + postgres.getPort() + "/";
            Bench.createDatabase(server, "tonghop");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String jar = Bench.privateJar(root, work).toString();
            Map<String, String> env = Map.of("SPRING_DATASOURCE_URL", server + "tonghop", "SPRING_DATASOURCE_USERNAME", "postgres",
                    "SPRING_DATASOURCE_PASSWORD", "", "TONGHOP_LOG_FILE", logs.resolve("tonghop.log").toString());
            Path run = work.resolve("run");
            Bench.require(Measured.run(List.of(java, "-Xmx" + xmx, "-jar", jar, "units", "import", work.resolve("registry.csv").toString()),
                    run, env, logs.resolve("units-import.out"), 0), "units import");
            System.out.println("tonghop run on one " + rows + "-row workbook under -Xmx" + xmx + " ...");
            Measured m = Measured.run(List.of(java, "-Xmx" + xmx, "-Dtonghop.ingest.allow-root-files=true", "-jar", jar, "run",
                    "--inbox", "inbox", "--out", "out"), run, env, logs.resolve("tonghop.out"), 0);
            Bench.require(m, "tonghop run");
            long reports = Bench.count(server + "tonghop?user=postgres", "SELECT count(*) FROM report WHERE superseded_by IS NULL");
            long values = Bench.count(server + "tonghop?user=postgres", "SELECT count(*) FROM value");
            System.out.println();
            System.out.printf(Locale.ROOT, "big xlsx: %,d rows, %,d reports and %,d values loaded, -Xmx%s%n", rows, reports, values, xmx);
            System.out.printf(Locale.ROOT, "wall %.1f s, %,.0f rows/s, peak RSS %d MB, JVM CPU %.1f s%n", m.seconds(), rows / m.seconds(),
                    m.peakRssMb(), m.cpuSeconds());
            return reports == rows ? 0 : 1;
        }
    }

    private static void write(Path file, List<Registry.Commune> communes, int rows) throws Exception {
        String[] periods = new String[20];
        for (int m = 1; m <= 12; m++) {
            periods[m - 1] = "Tháng " + m + "/2024";
        }
        for (int q = 1; q <= 4; q++) {
            periods[11 + q] = "Quý " + q + "/2024";
        }
        periods[16] = "6 tháng đầu năm 2024";
        periods[17] = "6 tháng cuối năm 2024";
        periods[18] = "9 tháng năm 2024";
        periods[19] = "Năm 2024";
        SplittableRandom r = new SplittableRandom(200_000);
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet("Toàn quốc");
            sheet.createRow(0).createCell(0).setCellValue("BÁO CÁO KẾT QUẢ PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC NĂM 2024");
            Row header = sheet.createRow(2);
            for (int c = 0; c < HEADERS.length; c++) {
                header.createCell(c).setCellValue(HEADERS[c]);
            }
            for (int i = 0; i < rows; i++) {
                Registry.Commune commune = communes.get(i / periods.length % communes.size());
                Row row = sheet.createRow(3 + i);
                long sessions = 1 + r.nextInt(12);
                long households = 500 + r.nextInt(5000);
                long villages = 4 + r.nextInt(20);
                row.createCell(0).setCellValue(i + 1);
                row.createCell(1).setCellValue(commune.code());
                row.createCell(2).setCellValue(commune.type() + " " + commune.name());
                row.createCell(3).setCellValue(periods[i % periods.length]);
                row.createCell(4).setCellValue(sessions);
                row.createCell(5).setCellValue(sessions * (20 + r.nextInt(80)));
                row.createCell(6).setCellValue(r.nextInt(20));
                row.createCell(7).setCellValue(households);
                row.createCell(8).setCellValue(households * (60 + r.nextInt(40)) / 100);
                row.createCell(9).setCellValue(villages);
                row.createCell(10).setCellValue(villages - r.nextInt(3));
                row.createCell(11).setCellValue(r.nextInt(10) < 8 ? "Đạt" : "Không đạt");
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
    }
}
