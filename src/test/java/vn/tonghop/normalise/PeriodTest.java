package vn.tonghop.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodTest {

    @ParameterizedTest(name = "{0}-{1}-{2}: {3}..{4}")
    @CsvSource(delimiter = '|', textBlock = """
            YEAR        | 2023 | 0  | 2022-12-15 | 2023-12-14
            YEAR        | 2024 | 0  | 2023-12-15 | 2024-12-14
            NINE_MONTHS | 2023 | 0  | 2022-12-15 | 2023-09-14
            HALF_YEAR   | 2024 | 1  | 2023-12-15 | 2024-06-14
            HALF_YEAR   | 2024 | 2  | 2024-06-15 | 2024-12-14
            QUARTER     | 2022 | 1  | 2021-12-15 | 2022-03-14
            QUARTER     | 2022 | 2  | 2022-03-15 | 2022-06-14
            QUARTER     | 2022 | 3  | 2022-06-15 | 2022-09-14
            QUARTER     | 2022 | 4  | 2022-09-15 | 2022-12-14
            MONTH       | 2024 | 1  | 2023-12-15 | 2024-01-14
            MONTH       | 2024 | 2  | 2024-01-15 | 2024-02-14
            MONTH       | 2024 | 3  | 2024-02-15 | 2024-03-14
            MONTH       | 2023 | 11 | 2023-10-15 | 2023-11-14
            MONTH       | 2023 | 12 | 2023-11-15 | 2023-12-14
            """)
    void startAndEnd_whenPeriod_thenCutOffOnTheFourteenth(PeriodType type, int year, int number, LocalDate start,
            LocalDate end) {
        Period period = new Period(type, year, number);
        assertThat(period.start()).isEqualTo(start);
        assertThat(period.end()).isEqualTo(end);
    }

    @Test
    void months_whenEveryMonthOfAYear_thenTheyTileTheYearWithoutGapOrOverlap() {
        Period year = Period.ofYear(2024);
        LocalDate expectedStart = year.start();
        for (int m = 1; m <= 12; m++) {
            Period month = Period.ofMonth(2024, m);
            assertThat(month.start()).isEqualTo(expectedStart);
            expectedStart = month.end().plusDays(1);
        }
        assertThat(expectedStart.minusDays(1)).isEqualTo(year.end());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            YEAR        | 2023 | 0  | 2023     | năm 2023
            NINE_MONTHS | 2023 | 0  | 2023-9M  | 9 tháng năm 2023
            HALF_YEAR   | 2024 | 1  | 2024-H1  | 6 tháng đầu năm 2024
            HALF_YEAR   | 2024 | 2  | 2024-H2  | 6 tháng cuối năm 2024
            QUARTER     | 2022 | 1  | 2022-Q1  | quý I/2022
            QUARTER     | 2022 | 2  | 2022-Q2  | quý II/2022
            QUARTER     | 2022 | 3  | 2022-Q3  | quý III/2022
            QUARTER     | 2022 | 4  | 2022-Q4  | quý IV/2022
            MONTH       | 2023 | 11 | 2023-M11 | tháng 11/2023
            MONTH       | 2024 | 1  | 2024-M01 | tháng 1/2024
            """)
    void codeAndLabel_whenPeriod_thenStableCodeAndVietnameseLabel(PeriodType type, int year, int number, String code,
            String label) {
        Period period = new Period(type, year, number);
        assertThat(period.code()).isEqualTo(code);
        assertThat(period.vietnameseLabel()).isEqualTo(label);
        assertThat(Period.fromCode(code)).isEqualTo(period);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2024-M1   | MONTH       | 2024 | 1
            2024-m01  | MONTH       | 2024 | 1
            2022-q3   | QUARTER     | 2022 | 3
            2024-h2   | HALF_YEAR   | 2024 | 2
            2023-9m   | NINE_MONTHS | 2023 | 0
            ' 2023 '  | YEAR        | 2023 | 0
            """)
    void fromCode_whenLenientSpelling_thenSamePeriod(String code, PeriodType type, int year, int number) {
        assertThat(Period.fromCode(code)).isEqualTo(new Period(type, year, number));
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {"23", "2023-M13", "2023-M0", "2023-Q5", "2023-Q0", "2023-H3", "2023-8M", "2023-X1",
            "năm 2023", "2023-", "Q3-2022"})
    void fromCode_whenNotACode_thenIllegalArgument(String code) {
        assertThatThrownBy(() -> Period.fromCode(code)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({"MONTH, 2023, 0", "MONTH, 2023, 13", "QUARTER, 2023, 5", "QUARTER, 2023, 0", "HALF_YEAR, 2023, 3",
            "YEAR, 2023, 1", "NINE_MONTHS, 2023, 9", "YEAR, 999, 0", "YEAR, 10000, 0"})
    void constructor_whenNumberOutOfRange_thenIllegalArgument(PeriodType type, int year, int number) {
        assertThatThrownBy(() -> new Period(type, year, number)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} contains {1}")
    @CsvSource({"2023, 2023-M01", "2023, 2023-M12", "2023, 2023-Q3", "2023, 2023-H2", "2023, 2023-9M", "2023, 2023",
            "2023-H1, 2023-Q2", "2023-H1, 2023-M06", "2023-H2, 2023-M07", "2023-9M, 2023-Q3", "2023-9M, 2023-H1",
            "2022-Q3, 2022-M08", "2023-M11, 2023-M11"})
    void contains_whenInnerPeriodWithin_thenTrue(String outer, String inner) {
        assertThat(Period.fromCode(outer).contains(Period.fromCode(inner))).isTrue();
    }

    @ParameterizedTest(name = "{0} does not contain {1}")
    @CsvSource({"2023, 2022-M12", "2023, 2024-M01", "2023-M01, 2023", "2023-H1, 2023-Q3", "2023-H1, 2023-H2",
            "2023-9M, 2023-Q4", "2023-9M, 2023", "2022-Q3, 2022-M06", "2022-Q3, 2022-M10", "2023-Q1, 2023-H1"})
    void contains_whenInnerPeriodOutside_thenFalse(String outer, String inner) {
        assertThat(Period.fromCode(outer).contains(Period.fromCode(inner))).isFalse();
    }

    @Test
    void firstAndLastMonth_whenQuarterThree_thenJulyToSeptember() {
        Period q3 = Period.ofQuarter(2022, 3);
        assertThat(q3.firstMonth()).isEqualTo(7);
        assertThat(q3.lastMonth()).isEqualTo(9);
    }
}
