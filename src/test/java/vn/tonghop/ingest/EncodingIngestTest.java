package vn.tonghop.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.text.Normalizer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tonghop.support.Cli;
import vn.tonghop.support.TonghopSpringTest;

/**
 * CSV text as offices send it, end to end: each encoding detected from the bytes and recorded, each delimiter
 * found, Vietnamese text decoded to NFC (the communes are matched by name only, and the messages quote the
 * decoded text), the values loaded exactly.
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
}
