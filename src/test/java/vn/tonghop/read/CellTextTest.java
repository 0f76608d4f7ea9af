package vn.tonghop.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

class CellTextTest {

    @Test
    void number_whenExcelValues_thenPlainDigitsWithDecimalComma() {
        assertThat(CellText.number(1800)).isEqualTo("1800");
        assertThat(CellText.number(2.5)).isEqualTo("2,5");
        assertThat(CellText.number(1e8)).isEqualTo("100000000");
        assertThat(CellText.number(0.1 + 0.2)).isEqualTo("0,3");
        assertThat(CellText.number(-0.0)).isEqualTo("0");
        assertThat(CellText.number(-3)).isEqualTo("-3");
        assertThat(CellText.number(0.00001)).isEqualTo("0,00001");
        assertThat(CellText.number(1.5e20)).isEqualTo("150000000000000000000");
    }

    @Test
    void numeric_whenDateFormatted_thenIsoDateAndTimeOnlyWhenThere() {
        assertThat(CellText.numeric(45274, true, false)).isEqualTo("2023-12-14");
        assertThat(CellText.numeric(45274.3541666667, true, false)).isEqualTo("2023-12-14 08:30");
        assertThat(CellText.numeric(0.5, true, false)).isEqualTo("12:00");
        assertThat(CellText.numeric(43812, true, true)).isEqualTo("2023-12-14");
        assertThat(CellText.numeric(45274, false, false)).isEqualTo("45274");
        assertThat(CellText.dateTime(LocalDateTime.of(2023, 12, 14, 0, 0))).isEqualTo("2023-12-14");
    }

    @Test
    void clean_whenSpacesNoBreakSpacesAndDecomposedText_thenTrimmedNfc() {
        assertThat(CellText.clean("\u00A0 Xa\u0303 Cao So\u031Bn \u200B")).isEqualTo("Xã Cao Sơn");
        assertThat(CellText.clean(null)).isEmpty();
        assertThat(CellText.yesNo(true)).isEqualTo("Có");
        assertThat(CellText.yesNo(false)).isEqualTo("Không");
    }

    @Test
    void isSurelyNfc_everyCharacterItTakesIsAStarterNfcKeeps_andACombiningMarkGoesToTheNormaliser() {
        for (char c = 0; c < 0x2000; c++) {
            boolean taken = c < 0x300 || (c >= 0x1E00 && c <= 0x1EFF);
            if (!taken || Character.isSurrogate(c)) {
                continue;
            }
            String alone = String.valueOf(c);
            assertThat(CellText.isSurelyNfc(alone)).isTrue();
            assertThat(java.text.Normalizer.isNormalized(alone, java.text.Normalizer.Form.NFC)).as("U+%04X", (int) c).isTrue();
            assertThat(Character.getType(c)).as("U+%04X", (int) c).isNotIn((int) Character.NON_SPACING_MARK,
                    (int) Character.COMBINING_SPACING_MARK, (int) Character.ENCLOSING_MARK);
        }
        assertThat(CellText.isSurelyNfc("Xã Cao Sơn, Bắc Kạn 1.800")).isTrue();
        assertThat(CellText.isSurelyNfc("Xa\u0303")).isFalse(); // a combining tilde: NFD
        assertThat(CellText.clean("Xa\u0303 Ca\u0323n")).isEqualTo("Xã Cạn");
        assertThat(CellText.clean(" Xã Cạn ")).isEqualTo("Xã Cạn");
    }
}
