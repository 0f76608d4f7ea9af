package vn.tonghop.export.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.tonghop.normalise.Period;
import vn.tonghop.normalise.PeriodType;
import vn.tonghop.validate.Messages;

class DeadlineTest {

    private final PackText text = new PackText(Messages.vietnamese());

    @Test
    void parse_whenDayOfYear_thenTheFirstSuchDayOnOrAfterThePeriodsEnd() {
        assertThat(Deadline.parse("12-20").due(Period.ofYear(2023).end())).isEqualTo(LocalDate.of(2023, 12, 20));
        assertThat(Deadline.parse("01-10").due(Period.ofYear(2023).end())).isEqualTo(LocalDate.of(2024, 1, 10));
        assertThat(Deadline.parse("12-14").due(Period.ofYear(2023).end())).as("the cut-off day itself").isEqualTo(LocalDate.of(2023, 12, 14));
        assertThat(Deadline.parse("12-20").describe(text)).isEqualTo("ngày 20/12");
    }

    @Test
    void parse_whenDaysAfter_thenCountedFromTheCutOff() {
        assertThat(Deadline.parse("+6").due(Period.ofQuarter(2024, 1).end())).isEqualTo(LocalDate.of(2024, 3, 20));
        assertThat(Deadline.parse("10").due(Period.ofMonth(2024, 1).end())).isEqualTo(LocalDate.of(2024, 1, 24));
        assertThat(Deadline.parse("+6").describe(text)).isEqualTo("6 ngày sau ngày chốt số liệu");
    }

    @Test
    void parse_whenNeitherForm_thenTheMessageSaysWhatIsExpected() {
        assertThatThrownBy(() -> Deadline.parse("20/12")).hasMessageContaining("MM-DD").hasMessageContaining("'20/12'");
        assertThatThrownBy(() -> Deadline.parse("02-30")).hasMessageContaining("not a day of the year");
    }

    @Test
    void settings_whenNothingConfigured_thenAnnualBy20DecemberAndOtherPeriodsSixDaysAfterTheCutOff() {
        DeadlineSettings defaults = new DeadlineSettings(null, null, null, null, null, null);
        assertThat(defaults.of(PeriodType.YEAR).due(Period.ofYear(2025).end())).isEqualTo(LocalDate.of(2025, 12, 20));
        assertThat(defaults.of(PeriodType.HALF_YEAR).due(Period.ofHalfYear(2025, 1).end())).isEqualTo(LocalDate.of(2025, 6, 20));
        assertThat(defaults.zoneId().getId()).isEqualTo("Asia/Ho_Chi_Minh");
    }
}
