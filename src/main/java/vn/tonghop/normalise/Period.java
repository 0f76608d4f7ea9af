package vn.tonghop.normalise;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period. Under Decree 09/2019/NĐ-CP the data of a period are cut off on the 14th: month {@code m} of year
 * {@code Y} runs from the 15th of the previous month to the 14th of {@code m} (month 1 of 2024 is 2023-12-15 to
 * 2024-01-14), and every longer period is a run of such months: quarter {@code q} is months {@code 3q-2..3q}, half
 * {@code h} months {@code 6h-5..6h}, nine months 1–9, the year 1–12 (year 2023 is 2022-12-15 to 2023-12-14).
 *
 * @param type   the kind of period
 * @param year   the year whose cut-off ends the period
 * @param number month 1–12, quarter 1–4 or half 1–2; 0 for {@link PeriodType#YEAR} and {@link PeriodType#NINE_MONTHS}
 */
public record Period(PeriodType type, int year, int number) {

    private static final Pattern CODE =
            Pattern.compile("(\\d{4})(?:-(?:M(\\d{1,2})|Q(\\d)|H(\\d)|(9M)))?", Pattern.CASE_INSENSITIVE);
    private static final String[] ROMAN = {"", "I", "II", "III", "IV"};

    public Period {
        Objects.requireNonNull(type, "type");
        if (year < 1000 || year > 9999) {
            throw new IllegalArgumentException("year must have four digits: " + year);
        }
        int max = switch (type) {
            case MONTH -> 12;
            case QUARTER -> 4;
            case HALF_YEAR -> 2;
            case NINE_MONTHS, YEAR -> 0;
        };
        if (max == 0 ? number != 0 : number < 1 || number > max) {
            throw new IllegalArgumentException(type + " number out of range: " + number);
        }
    }

    public static Period ofYear(int year) {
        return new Period(PeriodType.YEAR, year, 0);
    }

    public static Period ofNineMonths(int year) {
        return new Period(PeriodType.NINE_MONTHS, year, 0);
    }

    public static Period ofHalfYear(int year, int half) {
        return new Period(PeriodType.HALF_YEAR, year, half);
    }

    public static Period ofQuarter(int year, int quarter) {
        return new Period(PeriodType.QUARTER, year, quarter);
    }

    public static Period ofMonth(int year, int month) {
        return new Period(PeriodType.MONTH, year, month);
    }

    /** The first reporting month (1–12) the period covers. */
    public int firstMonth() {
        return switch (type) {
            case MONTH -> number;
            case QUARTER -> 3 * number - 2;
            case HALF_YEAR -> 6 * number - 5;
            case NINE_MONTHS, YEAR -> 1;
        };
    }

    /** The last reporting month (1–12) the period covers. */
    public int lastMonth() {
        return switch (type) {
            case MONTH -> number;
            case QUARTER -> 3 * number;
            case HALF_YEAR -> 6 * number;
            case NINE_MONTHS -> 9;
            case YEAR -> 12;
        };
    }

    /** First day of the period: the 15th of the month before its first month. */
    public LocalDate start() {
        return LocalDate.of(year, firstMonth(), 15).minusMonths(1);
    }

    /** Last day of the period: the 14th of its last month. */
    public LocalDate end() {
        return LocalDate.of(year, lastMonth(), 14);
    }

    /** True when every day of {@code other} lies within this period (a period contains itself). */
    public boolean contains(Period other) {
        return !other.start().isBefore(start()) && !other.end().isAfter(end());
    }

    /** The stable code stored in the database: {@code 2023}, {@code 2023-M01}, {@code 2023-Q3}, {@code 2023-H1}, {@code 2023-9M}. */
    public String code() {
        return switch (type) {
            case YEAR -> Integer.toString(year);
            case NINE_MONTHS -> year + "-9M";
            case HALF_YEAR -> year + "-H" + number;
            case QUARTER -> year + "-Q" + number;
            case MONTH -> year + (number < 10 ? "-M0" : "-M") + number; // written for every staged report: no String.format
        };
    }

    /**
     * Reads a {@link #code()} ({@code 2023-M1} is accepted for {@code 2023-M01}, and any letter case).
     *
     * @throws IllegalArgumentException when {@code code} is not a period code
     */
    public static Period fromCode(String code) {
        Matcher m = CODE.matcher(code == null ? "" : code.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a period code: " + code);
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            return ofMonth(year, Integer.parseInt(m.group(2)));
        }
        if (m.group(3) != null) {
            return ofQuarter(year, Integer.parseInt(m.group(3)));
        }
        if (m.group(4) != null) {
            return ofHalfYear(year, Integer.parseInt(m.group(4)));
        }
        return m.group(5) != null ? ofNineMonths(year) : ofYear(year);
    }

    /**
     * How reports name the period: {@code năm 2023}, {@code tháng 11/2023}, {@code quý III/2022}, {@code 6 tháng đầu năm 2024};
     * {@link PeriodParser} reads these back. Messages to clerks name periods through the message bundle instead
     * ({@code vn.tonghop.validate.Messages#period}), in the configured language.
     */
    public String vietnameseLabel() {
        return switch (type) {
            case YEAR -> "năm " + year;
            case NINE_MONTHS -> "9 tháng năm " + year;
            case HALF_YEAR -> (number == 1 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + year;
            case QUARTER -> "quý " + ROMAN[number] + "/" + year;
            case MONTH -> "tháng " + number + "/" + year;
        };
    }
}
