package vn.tonghop.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tonghop.support.Cli;
import vn.tonghop.support.TonghopSpringTest;

/**
 * Files that cannot be taken, end to end: each is rejected whole with one clear Vietnamese reason (or, still
 * being written, left for the next run), the other files of the run are read all the same, and every file
 * ends in {@code archive/} or {@code rejected/} and is counted in the run's summary.
 */
@TonghopSpringTest
class HostileFileIngestTest {

    private static final String UNREADABLE = "Không đọc được tệp: ";

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path work;

    @Test
    void ingest_whenHostileAndBrokenFilesAmongGoodOnes_thenEachRejectedWithItsReasonAndTheGoodOnesRead() throws IOException {
        IngestBed bed = new IngestBed(context, jdbc, work);
        Map<String, String> reasons = new LinkedHashMap<>();
        reasons.put("hong.xlsx", UNREADABLE + "tệp bị hỏng hoặc không đầy đủ (có thể chưa tải hoặc sao chép xong); hãy mở, lưu lại rồi gửi lại");
        reasons.put("zip-bomb.xlsx", UNREADABLE
                + "tệp nén bất thường (dung lượng khi giải nén quá lớn so với tệp gốc), không thể đọc an toàn");
        reasons.put("mat-khau.xlsx", UNREADABLE + "tệp được đặt mật khẩu; hãy gỡ mật khẩu rồi gửi lại");
        reasons.put("mat-khau.xls", UNREADABLE + "tệp được đặt mật khẩu; hãy gỡ mật khẩu rồi gửi lại");
        reasons.put("thuc-the-ngoai.xlsx", UNREADABLE
                + "tệp chứa khai báo XML không an toàn (DOCTYPE, thực thể ngoài) mà Excel không bao giờ tạo ra, nên không được đọc");
        reasons.put("rac.csv", UNREADABLE + "tệp chứa dữ liệu nhị phân, không phải tệp CSV hay bảng tính Excel");
        reasons.put("rong.csv", UNREADABLE + "tệp rỗng, không có dữ liệu");
        reasons.put("chi-dong-tieu-de.csv", "Tệp không có dòng số liệu nào dưới dòng tiêu đề.");
        reasons.put("trang-web.xls", UNREADABLE
                + "tệp là trang web (HTML/XML) chứ không phải bảng tính; hãy mở bằng Excel rồi lưu lại dạng .xlsx");
        reasons.put("van-ban-word.xlsx", UNREADABLE + "tệp không phải là bảng tính Excel (.xlsx, .xls) hay tệp CSV");
        for (String name : reasons.keySet()) {
            bed.drop("063", name.equals("thuc-the-ngoai.xlsx") || name.equals("chi-dong-tieu-de.csv") ? name : "read/" + name, name);
        }
        bed.drop("063", "read/rong.csv", "rong.xlsx"); // empty too: the same content as rong.csv
        bed.drop("063", "excel-dong-tieu-de.xlsx");
        bed.drop("063", "ma-hoa-utf8-dau-phay.csv");

        Cli.Result result = bed.ingest();

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(4);
        reasons.forEach((name, reason) -> {
            IngestBed.Outcome outcome = bed.outcome(name);
            assertThat(outcome.status()).as(name).isEqualTo("rejected");
            assertThat(outcome.rejectReason()).as(name).isEqualTo(reason);
            assertThat(bed.issues(name)).as(name).containsExactly("error - file.rejected: " + reason);
            assertThat(bed.values(name)).as(name).isEmpty();
            assertThat(result.out()).as(name).contains(reason);
        });
        assertThat(bed.values("excel-dong-tieu-de.xlsx")).isEqualTo(IngestBed.FIGURES);
        assertThat(bed.values("ma-hoa-utf8-dau-phay.csv")).isEqualTo(IngestBed.FIGURES);
        // the same content as rong.csv, which counted nothing: read too (only a file that counted makes a duplicate)
        assertThat(bed.outcome("rong.xlsx").status()).isEqualTo("rejected");
        assertThat(bed.outcome("rong.xlsx").rejectReason()).isEqualTo(reasons.get("rong.csv"));
        assertThat(result.out()).contains("Summary: 13 files (2 accepted, 11 rejected, 0 duplicate)");
        assertThat(bed.filesUnder("inbox")).isEmpty();
        List<String> rejected = bed.filesUnder("rejected");
        for (String name : reasons.keySet()) {
            // mat-khau.xlsx and mat-khau.xls would share mat-khau.ketqua.csv: the second becomes mat-khau-2.xls
            String stem = name.substring(0, name.lastIndexOf('.'));
            String extension = name.substring(stem.length());
            assertThat(rejected).as(name).anyMatch(f -> f.matches(".*/063/" + stem + "(-2)?" + Pattern.quote(extension)))
                    .anyMatch(f -> f.matches(".*/063/" + stem + "(-2)?\\.ketqua\\.csv"))
                    .anyMatch(f -> f.matches(".*/063/" + stem + "(-2)?\\.ketqua\\.xlsx")); // a result workbook, even for these
        }
        assertThat(rejected).as("a copy of a rejected file").anyMatch(f -> f.matches(".*/063/rong(-2)?\\.xlsx"));
        assertThat(bed.filesUnder("archive")).hasSize(6).anyMatch(f -> f.endsWith("/063/excel-dong-tieu-de.xlsx"))
                .anyMatch(f -> f.endsWith("/063/ma-hoa-utf8-dau-phay.csv"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml"})
    void ingest_whenWorkbookXmlDeclaresAnExternalEntity_thenItIsNeverResolvedAndTheFileRejected(String part) throws IOException {
        IngestBed bed = new IngestBed(context, jdbc, work);
        Path secret = work.resolve("bi-mat.txt");
        Files.writeString(secret, "987654");
        byte[] workbook = withEntity(bytes("excel-dong-tieu-de.xlsx"), part, secret);
        bed.write("063", "thuc-the.xlsx", workbook);

        bed.ingest();

        IngestBed.Outcome outcome = bed.outcome("thuc-the.xlsx");
        assertThat(outcome.status()).isEqualTo("rejected");
        assertThat(outcome.rejectReason()).isEqualTo(UNREADABLE
                + "tệp chứa khai báo XML không an toàn (DOCTYPE, thực thể ngoài) mà Excel không bao giờ tạo ra, nên không được đọc");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM value WHERE value = 987654", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM issue WHERE message LIKE '%987654%' OR cell_value LIKE '%987654%'",
                Integer.class)).isZero();
    }

    @Test
    void ingest_whenAWorkbookPartIsDamagedYetStillParses_thenTheFileIsRejectedNotMisread() throws IOException {
        IngestBed bed = new IngestBed(context, jdbc, work);
        // The sheet stored uncompressed, then Phủ Thông's 92 sessions changed to 93 behind the part's checksum.
        byte[] stored = stored(bytes("excel-dong-tieu-de.xlsx"));
        String text = new String(stored, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("<v>92</v>");
        assertThat(at).isPositive();
        stored[at + 4] = '3';
        bed.write("063", "hong-mot-byte.xlsx", stored);

        bed.ingest();

        IngestBed.Outcome outcome = bed.outcome("hong-mot-byte.xlsx");
        assertThat(outcome.status()).isEqualTo("rejected");
        assertThat(outcome.rejectReason()).isEqualTo(UNREADABLE
                + "tệp bị hỏng hoặc không đầy đủ (có thể chưa tải hoặc sao chép xong); hãy mở, lưu lại rồi gửi lại");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM value", Integer.class)).isZero();
    }

    @Test
    void ingest_whenAGigabyteFile_thenRejectedUnreadForItsSizeQuicklyAndTheOthersRead() throws IOException {
        IngestBed bed = new IngestBed(context, jdbc, work);
        Path huge = bed.inbox().resolve("063/bao-cao-ca-tinh.csv");
        Files.createDirectories(huge.getParent());
        try (OutputStream out = Files.newOutputStream(huge)) {
            out.write(bytes("ma-hoa-utf8-dau-phay.csv"));
        }
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(1L << 30); // sparse: a gigabyte that costs no disk
        }
        IngestBed.settled(huge);
        bed.drop("063", "excel-dong-tieu-de.xlsx");
        long heapBefore = usedHeap();

        long start = System.nanoTime();
        Cli.Result result = bed.ingest();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        IngestBed.Outcome outcome = bed.outcome("bao-cao-ca-tinh.csv");
        assertThat(outcome.status()).isEqualTo("rejected");
        assertThat(outcome.rejectReason()).isEqualTo("Tệp quá lớn (1.024 MB), vượt giới hạn 100 MB của một tệp báo cáo, nên không được đọc."
                + " Hãy kiểm tra lại đúng tệp báo cáo cần gửi, hoặc chia thành nhiều tệp nhỏ hơn (theo từng huyện, xã).");
        assertThat(bed.values("excel-dong-tieu-de.xlsx")).isEqualTo(IngestBed.FIGURES);
        assertThat(result.out()).contains("Summary: 2 files (1 accepted, 1 rejected, 0 duplicate)");
        assertThat(bed.filesUnder("rejected")).anyMatch(f -> f.endsWith("/063/bao-cao-ca-tinh.csv"));
        assertThat(took).as("a gigabyte is neither hashed nor parsed").isLessThan(Duration.ofSeconds(10));
        assertThat(usedHeap() - heapBefore).as("heap growth, bytes").isLessThan(256L << 20);
        Files.delete(bed.root().resolve("rejected").resolve(bed.filesUnder("rejected").stream()
                .filter(f -> f.endsWith("bao-cao-ca-tinh.csv")).findFirst().orElseThrow()));
    }

    @Test
    void ingest_whenAFileIsStillBeingWritten_thenItIsLeftForTheNextRunAndTheOthersRead() throws Exception {
        IngestBed bed = new IngestBed(context, jdbc, work);
        bed.drop("063", "excel-dong-tieu-de.xlsx");
        Path growing = bed.inbox().resolve("063/dang-chep.csv");
        byte[] content = bytes("ma-hoa-utf8-dau-phay.csv");
        AtomicBoolean copying = new AtomicBoolean(true);
        Thread copier = new Thread(() -> {
            // a slow copy over the network: a few bytes at a time until told to finish
            try (OutputStream out = Files.newOutputStream(growing)) {
                int written = 0;
                while (copying.get() && written < content.length - 1) {
                    out.write(content[written++]);
                    out.flush();
                    Thread.sleep(100);
                }
                out.write(content, written, content.length - written);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        copier.start();
        while (!Files.exists(growing) || Files.size(growing) == 0) {
            Thread.sleep(20);
        }

        Cli.Result first = bed.ingest();

        copying.set(false);
        copier.join();
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(first.out()).contains("CHỜ      063/dang-chep.csv").contains("Waiting: 1 file(s) still being written")
                .contains("Summary: 1 files (1 accepted, 0 rejected, 0 duplicate)");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM submission WHERE file_name = 'dang-chep.csv'", Integer.class)).isZero();
        assertThat(bed.filesUnder("inbox")).containsExactly("063/dang-chep.csv");

        IngestBed.settled(growing);
        Cli.Result second = bed.ingest();

        assertThat(second.out()).contains("Summary: 1 files (1 accepted, 0 rejected, 0 duplicate)").doesNotContain("Waiting");
        assertThat(bed.values("dang-chep.csv")).isEqualTo(IngestBed.FIGURES);
        assertThat(bed.filesUnder("inbox")).isEmpty();
    }

    @Test
    void ingest_whenAFileJustArrived_thenTheScanWaitsForItToSettleAndTakesIt() throws IOException {
        IngestBed bed = new IngestBed(context, jdbc, work);
        Path fresh = bed.inbox().resolve("063/vua-toi.csv");
        Files.createDirectories(fresh.getParent());
        Files.write(fresh, bytes("ma-hoa-utf8-dau-phay.csv"), StandardOpenOption.CREATE_NEW);

        Cli.Result result = bed.ingest();

        assertThat(result.out()).contains("Summary: 1 files (1 accepted, 0 rejected, 0 duplicate)").doesNotContain("Waiting");
        assertThat(bed.values("vua-toi.csv")).isEqualTo(IngestBed.FIGURES);
    }

    @Test
    void ingest_whenARejectedFileIsSentAgainToTheRightFolder_thenItIsReadNotTakenForADuplicate() throws IOException {
        IngestBed bed = new IngestBed(context, jdbc, work);
        bed.drop("999", "ma-hoa-utf8-dau-phay.csv", "nham-thu-muc.csv");
        bed.ingest();
        assertThat(bed.outcome("nham-thu-muc.csv").status()).isEqualTo("rejected");

        bed.drop("063", "ma-hoa-utf8-dau-phay.csv", "dung-thu-muc.csv");
        bed.ingest();

        assertThat(bed.outcome("dung-thu-muc.csv").status()).isEqualTo("applied");
        assertThat(bed.values("dung-thu-muc.csv")).isEqualTo(IngestBed.FIGURES);
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static byte[] bytes(String fixture) throws IOException {
        try (InputStream in = HostileFileIngestTest.class.getResourceAsStream("/ingest/" + fixture)) {
            return in.readAllBytes();
        }
    }

    /** The same workbook with every part stored uncompressed (so its bytes can be changed in place). */
    private static byte[] stored(byte[] xlsx) throws IOException {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(xlsx));
             ZipOutputStream out = new ZipOutputStream(buffer)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] data = in.readAllBytes();
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setMethod(ZipEntry.STORED);
                copy.setSize(data.length);
                copy.setCompressedSize(data.length);
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(data);
                copy.setCrc(crc.getValue());
                out.putNextEntry(copy);
                out.write(data);
                out.closeEntry();
            }
        }
        return buffer.toByteArray();
    }

    /** The workbook with a DOCTYPE declaring an external entity (the secret file) used in the given part. */
    private static byte[] withEntity(byte[] xlsx, String part, Path secret) throws IOException {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(xlsx));
             ZipOutputStream out = new ZipOutputStream(buffer)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (entry.getName().equals(part)) {
                    int end = xml.indexOf("?>") + 2;
                    String root = xml.substring(xml.indexOf('<', end) + 1).split("[ >]", 2)[0];
                    xml = xml.substring(0, end) + "<!DOCTYPE " + root + " [<!ENTITY secret SYSTEM \"" + secret.toUri() + "\">]>"
                            + xml.substring(end);
                    xml = switch (part) {
                        case "xl/sharedStrings.xml" -> xml.replaceFirst("<t>[^<]*</t>", "<t>&secret;</t>");
                        case "xl/workbook.xml" -> xml.replaceFirst("name=\"[^\"]*\"", "name=\"&secret;\"");
                        default -> xml.replaceFirst("<v>92</v>", "<v>&secret;</v>"); // Phủ Thông's sessions
                    };
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(xml.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return buffer.toByteArray();
    }
}
