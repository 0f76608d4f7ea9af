package vn.tonghop.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodParserTest {

    private final PeriodParser parser = new PeriodParser();

    private void assertPeriod(String text, String code) {
        assertThat(parser.parse(text)).as("parse(\"%s\")", text).contains(Period.fromCode(code));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"năm 2023", "Năm 2023", "NĂM 2023", "nam 2023", "tổng kết năm 2023", "Tổng kết năm 2023",
            "TONG KET NAM 2023", "tong-ket-nam-2023", "tong_ket_nam_2023.xlsx", "tổng kết 2023", "Báo cáo năm 2023",
            "BÁO CÁO KẾT QUẢ PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC NĂM 2023", "năm2023", "Cả năm 2023"})
    void parse_whenNamedYear_thenExplicitYear(String text) {
        assertPeriod(text, "2023");
        assertThat(parser.isExplicitType(text)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2023", " 2023 ", "cao-son-2023", "cao-son-2023.xlsx", "Cao Sơn 2023.csv",
            "bao_cao_2023_xa_cao_son.xls", "BC 2023", "2023.xlsx"})
    void parse_whenBareYear_thenYearButNotExplicit(String text) {
        assertPeriod(text, "2023");
        assertThat(parser.find(text)).contains(new PeriodMatch(Period.ofYear(2023), false));
        assertThat(parser.isExplicitType(text)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"6 tháng đầu năm 2024", "6 THÁNG ĐẦU NĂM 2024", "sơ kết 6 tháng 2024",
            "Sơ kết 6 tháng đầu năm 2024", "6 tháng năm 2024", "6 tháng 2024", "6 tháng/2024", "06 tháng đầu năm 2024",
            "sáu tháng đầu năm 2024", "6 thang dau nam 2024", "6thang-2024", "so-ket-6-thang-2024.xlsx", "6 tháng đầu 2024",
            "2024-H1", "H1/2024", "h1-2024"})
    void parse_whenFirstHalf_thenHalfYearOne(String text) {
        assertPeriod(text, "2024-H1");
        assertThat(parser.isExplicitType(text)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"6 tháng cuối năm 2024", "6 THÁNG CUỐI NĂM 2024", "6 thang cuoi nam 2024",
            "6-thang-cuoi-nam-2024", "2024-H2", "H2/2024"})
    void parse_whenSecondHalf_thenHalfYearTwo(String text) {
        assertPeriod(text, "2024-H2");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"9 tháng năm 2023", "9 tháng đầu năm 2023", "9 THÁNG NĂM 2023", "9 tháng 2023",
            "9 thang dau nam 2023", "9-thang-2023", "9thang_2023.xlsx", "09 tháng năm 2023", "chín tháng năm 2023",
            "2023-9M", "9M/2023"})
    void parse_whenNineMonths_thenNineMonths(String text) {
        assertPeriod(text, "2023-9M");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"quý III/2022", "Quý III/2022", "QUÝ III/2022", "quý III năm 2022", "Quý 3 năm 2022",
            "quý 3/2022", "quy 3 2022", "Quý 03/2022", "Q3/2022", "q3/2022", "Q3-2022", "Q3 2022", "2022-Q3",
            "bao_cao_quy_3_2022", "bao_cao_quy_3_2022.xlsx", "BC-Q3-2022", "BC-Q3-2022.csv",
            "Báo cáo kết quả quý III năm 2022", "Năm 2022, quý 3", "năm 2022 quý III", "năm 2022 quý 3/2022",
            "Quý III - 2022", "quy-III-2022", "q.3/2022", "2022 Q3"})
    void parse_whenQuarter_thenQuarter(String text) {
        assertPeriod(text, "2022-Q3");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            quý I/2023   | 2023-Q1
            quý II/2023  | 2023-Q2
            quý IV/2023  | 2023-Q4
            Q1-2023      | 2023-Q1
            quý 4 năm 2023 | 2023-Q4
            """)
    void parse_whenRomanOrArabicQuarter_thenThatQuarter(String text, String code) {
        assertPeriod(text, code);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tháng 11 năm 2023", "Tháng 11 năm 2023", "THÁNG 11 NĂM 2023", "tháng 11/2023",
            "Tháng 11-2023", "tháng 11.2023", "11/2023", "T11/2023", "t11-2023", "T11 2023", "2023-M11", "M11/2023",
            "thang-11-2023", "thang_11_2023.xlsx", "bao-cao-t11-2023.xlsx", "11-2023", "11.2023", "2023-11",
            "Báo cáo tháng 11/2023", "Năm 2023, tháng 11", "T.11/2023", "tháng 11 / 2023", "2023/11",
            "Kỳ báo cáo: 11-2023", "Kỳ: 11.2023", "Kỳ BC 11/2023", "11/2023 (tháng 11)"})
    void parse_whenMonth_thenMonth(String text) {
        assertPeriod(text, "2023-M11");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            tháng 1/2024  | 2024-M01
            tháng 01/2024 | 2024-M01
            Tháng 6 năm 2024 | 2024-M06
            2024-M01      | 2024-M01
            2024-M1       | 2024-M01
            12/2023       | 2023-M12
            T12/2023      | 2023-M12
            """)
    void parse_whenOtherMonths_thenThatMonth(String text, String code) {
        assertPeriod(text, code);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2023", "2023-9M", "2024-H1", "2024-H2", "2022-Q1", "2022-Q3", "2023-M01", "2023-M11",
            "2023-M12"})
    void parse_whenPeriodCode_thenThatPeriod(String code) {
        assertPeriod(code, code);
    }

    @Test
    void parse_whenEveryCodeOfAYear_thenRoundTrips() {
        for (PeriodType type : PeriodType.values()) {
            int max = switch (type) {
                case MONTH -> 12;
                case QUARTER -> 4;
                case HALF_YEAR -> 2;
                case NINE_MONTHS, YEAR -> 0;
            };
            for (int n = max == 0 ? 0 : 1; n <= max; n++) {
                Period period = new Period(type, 2025, n);
                assertThat(parser.parse(period.code())).as(period.code()).contains(period);
                assertThat(parser.parse(period.vietnameseLabel())).as(period.vietnameseLabel()).contains(period);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Tổng kết năm 2023", "6 tháng đầu năm 2024", "quý III/2022", "tháng 11/2023",
            "9 tháng năm 2023"})
    void parse_whenNfdInput_thenSameAsNfc(String nfc) {
        String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
        assertThat(nfd).isNotEqualTo(nfc);
        assertThat(parser.parse(nfd)).isPresent().isEqualTo(parser.parse(nfc));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            từ ngày 15/12/2022 đến ngày 14/12/2023       | 2023
            Từ ngày 15/12/2022 đến ngày 14/12/2023       | 2023
            (Số liệu tính từ 15/12/2022 đến 14/12/2023)  | 2023
            15/12/2022 - 14/12/2023                      | 2023
            từ ngày 15 tháng 12 năm 2022 đến ngày 14 tháng 12 năm 2023 | 2023
            từ ngày 15/12/2023 đến ngày 14/6/2024        | 2024-H1
            từ ngày 15/06/2022 đến ngày 14/09/2022       | 2022-Q3
            từ ngày 15/10/2023 đến ngày 14/11/2023       | 2023-M11
            từ ngày 15/12/2022 đến ngày 14/9/2023        | 2023-9M
            từ 01/01/2023 đến 31/12/2023                 | 2023
            01/01/2023 - 30/06/2023                      | 2023-H1
            """)
    void parse_whenDateRangeIsExactlyAPeriod_thenThatPeriod(String text, String code) {
        assertPeriod(text, code);
        assertThat(parser.isExplicitType(text)).isTrue();
    }

    @Test
    void parse_whenTitleAndDateRangeAgree_thenThatPeriod() {
        assertPeriod("Báo cáo tổng kết năm 2023 (từ ngày 15/12/2022 đến ngày 14/12/2023)", "2023");
    }

    @Test
    void parse_whenDateRangeIsNoPeriod_thenEmpty() {
        assertThat(parser.parse("từ ngày 01/10/2023 đến ngày 20/11/2023")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"quý 5/2022", "quý 5 năm 2022", "Q5-2022", "quý V/2022", "quý 0/2022", "tháng 13/2023",
            "tháng 13 năm 2023", "T13/2023", "tháng 0/2023", "2023-M13", "2023-H3", "H3/2023"})
    void parse_whenImpossiblePeriod_thenEmpty(String text) {
        assertThat(parser.parse(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"năm 2022 và 2023", "năm 2022 và năm 2023", "2022 - 2023", "năm 2022, 2023",
            "cao-son-2022-2023.xlsx", "Năm học 2023-2024", "quý III/2022 và quý IV/2022", "tháng 11/2023 - tháng 12/2023",
            "năm 2023, quý 3/2022", "tháng 11/2023 năm 2024", "6 tháng đầu năm 2024 và 9 tháng năm 2024"})
    void parse_whenTwoDifferentPeriods_thenEmptyRatherThanAGuess(String text) {
        assertThat(parser.parse(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"năm 1999", "1999", "năm 2100", "2100", "quý 3/1999", "tháng 11/2150", "năm 23",
            "20234", "cao-son", "Báo cáo kết quả phong trào", "6 tháng đầu năm", "quý III", "tháng 11",
            "158.000 lượt người", "Số: 15/BC-CAX"})
    void parse_whenNoPeriodOrYearOutOfRange_thenEmpty(String text) {
        assertThat(parser.parse(text)).isEmpty();
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "-", "___"})
    void parse_whenBlank_thenEmpty(String text) {
        assertThat(parser.parse(text)).isEmpty();
        assertThat(parser.isExplicitType(text)).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            BÁO CÁO TỔNG KẾT NĂM 2023 - Cao Sơn, ngày 14 tháng 12 năm 2023 | 2023
            BÁO CÁO KẾT QUẢ QUÝ III/2022 - ngày 14/9/2022                   | 2022-Q3
            Thực hiện Nghị định 09/2019/NĐ-CP, báo cáo năm 2023             | 2023
            Kế hoạch số 125/KH-CAT ngày 05/01/2024, sơ kết 6 tháng đầu năm 2024 | 2024-H1
            Số 11/2023 báo cáo năm 2023                                      | 2023
            Báo cáo năm 2023 (so với cùng kỳ năm 2022)                       | 2023
            6 tháng đầu năm 2024, tăng 5% so với năm 2023                    | 2024-H1
            """)
    void parse_whenDatesOrDocumentNumbersAccompanyThePeriod_thenTheyAreNotMistakenForIt(String text, String code) {
        assertPeriod(text, code);
    }

    @Test
    void parse_whenOnlyASignatureDate_thenNoPeriodIsInvented() {
        assertThat(parser.parse("Cao Sơn, ngày 14 tháng 12 năm 2023")).isEmpty();
        assertThat(parser.parse("ngày 14/12/2023")).isEmpty();
    }

    @Test
    void parse_whenPlaceAndDateLineWithTheDayLeftBlank_thenNoPeriodIsInvented() {
        assertThat(parser.parse("Bạch Thông, ngày      tháng 12 năm 2023")).isEmpty();
        assertThat(parser.parse("Bạch Thông, ngày ... tháng ... năm 2023")).isEmpty();
        assertPeriod("CÔNG AN HUYỆN BẠCH THÔNG  Bạch Thông, ngày    tháng 12 năm 2023  BÁO CÁO QUÝ III NĂM 2023", "2023-Q3");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2023-11-01                 | 2023-M11
            2024-01-01                 | 2024-M1
            bach-thong-2023-11.xlsx    | 2023-M11
            bao_cao_2024_06.csv        | 2024-M6
            """)
    void parse_whenDateCellOfTheFirstOrYearDashMonth_thenThatMonth(String text, String code) {
        assertPeriod(text, code);
        assertThat(parser.isExplicitType(text)).isTrue();
    }

    @Test
    void parse_whenOtherDateCellOrDateInFileName_thenNoPeriodIsInvented() {
        assertThat(parser.parse("2023-11-14")).isEmpty();
        assertThat(parser.parse("bao-cao-2023-11-14.xlsx")).isEmpty();
        assertThat(parser.parse("Bạch Thông, ngày 2023-12-14")).isEmpty();
        assertThat(parser.find("bach-thong-2023-2.csv")).contains(new PeriodMatch(Period.ofYear(2023), false));
    }

    @Test
    void parse_whenWardNumberBeforeBareYearInFileName_thenYearNotMonth() {
        assertThat(parser.find("phuong-1-2023.xlsx")).contains(new PeriodMatch(Period.ofYear(2023), false));
    }

    @Test
    void parse_whenSamePeriodNamedTwice_thenThatPeriod() {
        assertPeriod("Năm 2023 - tổng kết năm 2023 (2023)", "2023");
        assertPeriod("tháng 11/2023, T11-2023", "2023-M11");
    }

    @Test
    void parse_whenExplicitPeriodAndBareYearOfTheSameYear_thenTheExplicitPeriod() {
        assertThat(parser.find("2022 quý III/2022")).contains(new PeriodMatch(Period.ofQuarter(2022, 3), true));
    }

    @Test
    void parse_whenResultIsQuarterThree_thenDatesFollowTheDecree() {
        Period q3 = parser.parse("Q3/2022").orElseThrow();
        assertThat(q3.start()).isEqualTo(LocalDate.of(2022, 6, 15));
        assertThat(q3.end()).isEqualTo(LocalDate.of(2022, 9, 14));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"BÁO CÁO KẾT QUẢ PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC", "Độc lập - Tự do - Hạnh phúc",
            "Số: 120/BC-CAX", "ngày 14 tháng 12 năm 1999", "quý IV", "Tháng 11", "20 23"})
    void find_whenNoYearOfThisCentury_thenNothing(String line) {
        assertThat(parser.find(line)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            t 11 / 2023          | true
            nam 2020             | true
            so 120 / bc          | false
            1201                 | false
            ngay 14 / 12 / 1999  | false
            20                   | false
            """)
    void mentionsAYear_whenTheNormalisedText_thenWhetherItHoldsTwentyAndTwoDigits(String normalised, boolean expected) {
        assertThat(PeriodParser.mentionsAYear(normalised)).isEqualTo(expected);
    }

    @Test
    void find_whenTheYearFollowsAWordlessLine_thenStillFound() {
        assertThat(parser.find("Tháng 11/2023").map(PeriodMatch::period)).contains(Period.ofMonth(2023, 11));
        assertThat(parser.find("NĂM 2024").map(PeriodMatch::period)).contains(Period.ofYear(2024));
    }

    @Test
    void find_whenTheSameTitleAgain_thenTheRememberedAnswerForEveryParser() {
        java.util.Optional<PeriodMatch> first = parser.find("BÁO CÁO THÁNG 07 NĂM 2024");

        assertThat(new PeriodParser().find("BÁO CÁO THÁNG 07 NĂM 2024")).isSameAs(first);
        assertThat(first.map(PeriodMatch::period)).contains(Period.ofMonth(2024, 7));
    }
}
