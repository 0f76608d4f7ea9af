package vn.tonghop.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.text.Normalizer;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tonghop.support.Cli;
import vn.tonghop.support.TonghopSpringTest;
import vn.tonghop.support.Workbooks;

/**
 * CSV text as offices send it, end to end: each encoding detected from the bytes and recorded, each delimiter
 * found, Vietnamese text decoded to NFC (the communes are matched by name only, and the messages quote the
 * decoded text), the values loaded exactly. Workbooks typed in the legacy fonts the same way, and a Unicode
 * workbook left as it is.
 */
@TonghopSpringTest
class EncodingIngestTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ma-hoa-utf8-dau-phay.csv              | UTF-8
            ma-hoa-utf8-bom-cham-phay.csv         | UTF-8 (BOM)
            ma-hoa-utf8-tab.csv                   | UTF-8
            ma-hoa-utf16le-tab.csv                | UTF-16LE
            ma-hoa-utf16be-cham-phay.csv          | UTF-16BE
            ma-hoa-windows1258-dau-to-hop.csv     | windows-1258
            ma-hoa-tcvn3.csv                      | TCVN3
            ma-hoa-vni.csv                        | VNI
            ma-hoa-tcvn3-trong-utf8.csv           | TCVN3 in UTF-8
            """)
    void ingest_whenCsvInAnEncodingOfficesUse_thenDetectedRecordedAndEveryNameDecoded(String fixture, String encoding) {
        IngestBed bed = new IngestBed(context, jdbc, work);
        bed.drop("063", fixture);

        Cli.Result result = bed.ingest();

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        IngestBed.Outcome outcome = bed.outcome(fixture);
        assertThat(outcome.status()).isEqualTo("applied");
        assertThat(outcome.format()).isEqualTo("csv");
        assertThat(outcome.encoding()).isEqualTo(encoding);
        assertThat(outcome.period()).isEqualTo("2023");
        assertThat(bed.values(fixture)).isEqualTo(IngestBed.FIGURES);
        assertThat(bed.issues(fixture)).containsExactly(
                "warning 4 file.unknownColumn: Cột \"Ghi chú\" không có trong biểu mẫu ANTQ-01; số liệu của cột này không được nạp.",
                "error 9 row.unit.unknownName: Không tìm thấy xã \"Xã Đồng Tâm\" trong danh mục các xã của Huyện Bạch Thông."
                        + " Hãy ghi đúng tên hoặc thêm cột \"Mã xã\".");
        assertThat(bed.issues(fixture)).allMatch(message -> Normalizer.isNormalized(message, Normalizer.Form.NFC));
        assertThat(bed.filesUnder("archive")).hasSize(3).anyMatch(f -> f.endsWith("063/" + fixture))
                .anyMatch(f -> f.endsWith(".ketqua.csv")).anyMatch(f -> f.endsWith(".ketqua.xlsx"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            excel-phong-tcvn3.xlsx                | TCVN3
            excel-phong-tcvn3.xls                 | TCVN3
            excel-phong-vni.xlsx                  | VNI
            excel-phong-vni.xls                   | VNI
            excel-tcvn3-dan-vao-unicode.xlsx      | TCVN3
            excel-tcvn3-dan-vao-unicode.xls       | TCVN3
            """)
    void ingest_whenWorkbookTypedInALegacyFont_thenHeaderFoundNamesMatchedAndTheFontRecorded(String fixture, String font)
            throws Exception {
        IngestBed bed = new IngestBed(context, jdbc, work);
        bed.drop("063", fixture);

        Cli.Result result = bed.ingest();

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        IngestBed.Outcome outcome = bed.outcome(fixture);
        assertThat(outcome.status()).as(outcome.rejectReason()).isEqualTo("applied");
        assertThat(outcome.format()).isEqualTo(fixture.substring(fixture.lastIndexOf('.') + 1));
        assertThat(outcome.encoding()).isEqualTo(font);
        assertThat(outcome.period()).isEqualTo("2023");
        assertThat(bed.values(fixture)).isEqualTo(IngestBed.FIGURES);
        assertThat(bed.issues(fixture)).containsExactly(
                "warning 7 file.unknownColumn: Cột \"Ghi chú\" không có trong biểu mẫu ANTQ-01; số liệu của cột này không được nạp.",
                "error 12 row.unit.unknownName: Không tìm thấy xã \"Xã Đồng Tâm\" trong danh mục các xã của Huyện Bạch Thông."
                        + " Hãy ghi đúng tên hoặc thêm cột \"Mã xã\".");
        String stem = fixture.substring(0, fixture.lastIndexOf('.'));
        Path ketqua = bed.filesUnder("archive").stream().filter(f -> f.endsWith(stem + ".ketqua.xlsx"))
                .map(f -> bed.root().resolve("archive").resolve(f)).findFirst().orElseThrow();
        try (Workbook workbook = WorkbookFactory.create(ketqua.toFile(), null, true)) {
            assertThat(Workbooks.summary(workbook.getSheetAt(0))).containsEntry("Bảng mã ký tự", font);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"excel-unicode-ky-tu-latin1.xlsx", "excel-unicode-ky-tu-latin1.xls"})
    void ingest_whenUnicodeWorkbookHoldsLatin1Characters_thenReadAsItIs(String fixture) {
        IngestBed bed = new IngestBed(context, jdbc, work);
        bed.drop("063", fixture);

        Cli.Result result = bed.ingest();

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        IngestBed.Outcome outcome = bed.outcome(fixture);
        assertThat(outcome.status()).isEqualTo("applied");
        assertThat(outcome.encoding()).isNull();
        assertThat(bed.values(fixture)).isEqualTo(IngestBed.FIGURES);
        assertThat(bed.issues(fixture)).containsExactly(
                "warning 8 file.unknownColumn: Cột \"Ghi chú\" không có trong biểu mẫu ANTQ-01; số liệu của cột này không được nạp.");
    }
}
