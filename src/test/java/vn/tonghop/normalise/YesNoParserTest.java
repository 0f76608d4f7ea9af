package vn.tonghop.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class YesNoParserTest {

    private final YesNoParser parser = new YesNoParser();

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"x", "X", " x ", "x.", "Có", "có", "CÓ", "Co", "co", "Đạt", "đạt", "ĐẠT", "Dat", "Đạt chuẩn",
            "đạt chuẩn", "Dat chuan", "Đã đạt", "1", "1.0", "1,0", "yes", "Yes", "YES", "y", "true", "TRUE", "v", "V",
            "✓", "✔", "✔\uFE0F", "☑", "\u00A0x\u00A0"})
    void parse_whenYesForm_thenYes(String cell) {
        assertThat(parser.parse(cell)).isEqualTo(YesNo.YES);
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t", "\u00A0", "Không", "không", "KHÔNG", "Khong", "Không đạt", "không đạt",
            "KHONG DAT", "Không đạt chuẩn", "Chưa đạt", "chưa đạt", "Chua dat", "Chưa đạt chuẩn", "Chưa", "chưa",
            "0", "0.0", "0,00", "-", "—", "–", "no", "No", "n", "false", "FALSE"})
    void parse_whenNoForm_thenNo(String cell) {
        assertThat(parser.parse(cell)).isEqualTo(YesNo.NO);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"Có", "Đạt chuẩn", "Không đạt", "Chưa đạt"})
    void parse_whenNfdInput_thenSameAsNfc(String nfc) {
        String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
        assertThat(parser.parse(nfd)).isEqualTo(parser.parse(nfc)).isNotEqualTo(YesNo.INVALID);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"2", "11/11", "xx", "maybe", "?", "Có?không", "Đang xây dựng", "50%", "ok?", "✗",
            "Không rõ", "10", "-1", "Đạt 80%"})
    void parse_whenAnythingElse_thenInvalid(String cell) {
        assertThat(parser.parse(cell)).isEqualTo(YesNo.INVALID);
    }
}
