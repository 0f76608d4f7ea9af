package vn.tonghop.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.tonghop.form.FormLoader;
import vn.tonghop.read.TableFile;
import vn.tonghop.read.TableFiles;

/** Issue 7 (found by the benchmark on the real registry): communes whose names start like a total label. */
class TotalRowTest {

    @TempDir
    Path work;

    @Test
    void rows_whenACommuneNameStartsLikeATotal_thenItIsACommuneRowAndOnlyTheTotalIsATotal() throws Exception {
        Path csv = work.resolve("ha-quang-2024.csv");
        Files.writeString(csv, """
                BÁO CÁO KẾT QUẢ PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC NĂM 2024
                STT,Mã xã,Tên xã,Số buổi tuyên truyền
                1,01414,Xã Tổng Cọt,72
                2,01375,Cộng Hòa,10
                ,,Tổng cộng,82
                """, StandardCharsets.UTF_8);
        HeaderVocabulary vocabulary = new HeaderVocabulary(new FormLoader().load(Path.of("jobs/antq-01.yaml")));
        List<String> kinds = new ArrayList<>();
        try (TableFile file = new TableFiles().open(csv)) {
            LocatedTable table = new TableLocator(vocabulary).locate(file).orElseThrow();
            try (RowExtractor rows = new RowExtractor(file, table, vocabulary, null)) {
                rows.forEachRemaining(row -> kinds.add(row.unitName().raw() + ":" + row.kind()));
            }
        }
        assertThat(kinds).containsExactly("Xã Tổng Cọt:DATA", "Cộng Hòa:DATA", "Tổng cộng:TOTAL");
    }

    @Test
    void isExactTotalLabel_whenTheNameOnlyStartsLikeATotal_thenItIsNot() throws IOException {
        HeaderVocabulary vocabulary = new HeaderVocabulary(new FormLoader().load(Path.of("jobs/antq-01.yaml")));
        assertThat(vocabulary.isExactTotalLabel("Tổng cộng")).isTrue();
        assertThat(vocabulary.isExactTotalLabel("Tổng Cọt")).isFalse();
        assertThat(vocabulary.isTotalLabel("Tổng cộng toàn huyện")).isTrue();
    }
}
