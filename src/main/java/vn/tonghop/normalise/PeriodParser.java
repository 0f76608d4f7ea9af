package vn.tonghop.normalise;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the reporting period stated in free text: a period cell, a title line
 * ({@code "BÁO CÁO KẾT QUẢ PHONG TRÀO ... NĂM 2023"}) or a file name ({@code bao_cao_quy_3_2022.xlsx}).
 *
 * <p>Understood, in any case and with or without diacritics: years ({@code năm 2023}, {@code tổng kết năm 2023}, a
 * bare {@code 2023}), halves ({@code 6 tháng đầu năm 2024}, {@code sơ kết 6 tháng 2024}, {@code 6 tháng cuối năm
 * 2024}), nine months ({@code 9 tháng năm 2023}), quarters ({@code quý III/2022}, {@code Quý 3 năm 2022},
 * {@code Q3-2022}), months ({@code tháng 11/2023}, {@code T11/2023}, {@code 11/2023}), the codes of
 * {@link Period#code()} ({@code 2023-M11}, {@code 2022-Q3}, {@code 2023-H1}, {@code 2023-9M}) and a date range that
 * is exactly a period ({@code từ ngày 15/12/2022 đến ngày 14/12/2023}, or whole calendar months such as
 * {@code 01/01/2023 - 30/06/2023}), a year and a two-digit month in a file name ({@code bach-thong-2023-11.csv}), and
 * a date cell that holds the 1st of a month ({@code 2023-11-01}, what Excel stores for a typed {@code 11/2023}).
 * {@code -}, {@code _} and {@code .} count as spaces. Years run from 2000 to 2099.
 *
 * <p>Nothing is guessed: the result is empty when no period is found, when the text names two different periods
 * ({@code năm 2022 và 2023}), or when it names an impossible one ({@code quý 5/2022}, {@code tháng 13/2023}).
 * Single dates ({@code ngày 14 tháng 12 năm 2023} under a signature, {@code ngày    tháng 12 năm 2023} with the day
 * left blank, a date cell {@code 2023-12-14}), document numbers
 * ({@code Nghị định 09/2019/NĐ-CP}) and comparisons ({@code so với cùng kỳ năm 2022}) are not the report's period and
 * are skipped.
 */
public final class PeriodParser {

    private static final String YEAR = "(20\\d\\d)";
    /** Word boundaries in the normalised text, where words are separated by single spaces. */
    private static final String START = "(?<![^ ])";
    private static final String END = "(?![^ ])";
    /** A space, or a slash between spaces: {@code 11/2023} and {@code 11-2023} normalise to "11 / 2023" and "11 2023". */
    private static final String SEP = "(?: /)? ";
    private static final String DATE = "(\\d{1,2})" + SEP + "(\\d{1,2})" + SEP + YEAR;
    private static final String QUARTER_NUMBER = "(\\d{1,2}|[ivx]{1,4})";

    private static final Pattern WORD_DATE =
            Pattern.compile(START + "ngay (\\d{1,2}) thang (\\d{1,2})(?: nam)? (\\d{4})" + END);
    private static final Pattern DOCUMENT_NUMBER = Pattern.compile(START + "\\d+ / 20\\d\\d / [a-z]+" + END);
    /** {@code so với cùng kỳ năm 2022}: a comparison with another year, not the report's period. */
    private static final Pattern COMPARISON = Pattern.compile(
            START + "(?:so voi(?: cung ky)?|cung ky)(?: nam)?" + SEP + YEAR + END);
    private static final Pattern DATE_RANGE = Pattern.compile(
            START + "(?:tu (?:ngay )?)?" + DATE + " (?:(?:den|toi) (?:ngay )?)?" + DATE + END);
    private static final Pattern SINGLE_DATE = Pattern.compile(START + "(?:ngay )?" + DATE + END);
    /** A date as the readers render a date cell ({@code 2023-11-14}), met inside a line or a file name. */
    private static final Pattern ISO_DATE = Pattern.compile(START + YEAR + " (\\d\\d) (\\d\\d)" + END);
    /**
     * The place-and-date line of an official letter with the day (or the day and month) left blank for the
     * pen: {@code Bạch Thông, ngày      tháng 12 năm 2023}. A date, not the report's period.
     */
    private static final Pattern BLANK_WORD_DATE =
            Pattern.compile(START + "ngay(?: \\d{1,2})? thang(?: \\d{1,2})?(?: nam)?" + SEP + YEAR + END);
    /** {@code 2023-11} in a file name: year then a two-digit month (a single digit may be a version, "2023-2"). */
    private static final Pattern YEAR_DASH_MONTH = Pattern.compile(START + YEAR + " (0[1-9]|1[0-2])" + END);
    /** A whole cell holding a date cell's rendering; the 1st of a month is what Excel makes of a typed "11/2023". */
    private static final Pattern WHOLE_ISO_DATE = Pattern.compile("(20\\d\\d)-(\\d\\d)-(\\d\\d)");
    private static final Pattern HALF = Pattern.compile(
            START + "(?:0?6|sau) thang(?: (dau|cuoi))?(?: nam)?" + SEP + YEAR + END);
    private static final Pattern NINE = Pattern.compile(
            START + "(?:0?9|chin) thang(?: dau)?(?: nam)?" + SEP + YEAR + END);
    private static final Pattern HALF_CODE = Pattern.compile(START + "h (\\d{1,2})(?: nam)?" + SEP + YEAR + END);
    private static final Pattern HALF_CODE_YEAR_FIRST = Pattern.compile(START + YEAR + SEP + "h (\\d{1,2})" + END);
    private static final Pattern NINE_CODE = Pattern.compile(START + "0?9 m(?: nam)?" + SEP + YEAR + END);
    private static final Pattern NINE_CODE_YEAR_FIRST = Pattern.compile(START + YEAR + SEP + "0?9 m" + END);
    private static final Pattern QUARTER = Pattern.compile(
            START + "(?:quy|q) " + QUARTER_NUMBER + "(?: nam)?" + SEP + YEAR + END);
    private static final Pattern QUARTER_YEAR_FIRST = Pattern.compile(START + YEAR + SEP + "q " + QUARTER_NUMBER + END);
    private static final Pattern MONTH = Pattern.compile(START + "(?:thang|t|m) (\\d{1,2})(?: nam)?" + SEP + YEAR + END);
    private static final Pattern MONTH_YEAR_FIRST = Pattern.compile(START + YEAR + SEP + "m (\\d{1,2})" + END);
    /** {@code Năm 2022, quý 3} and {@code năm 2023 tháng 11}: the year named first. */
    private static final Pattern QUARTER_AFTER_NAMED_YEAR =
            Pattern.compile(START + "nam" + SEP + YEAR + " (?:quy|q) " + QUARTER_NUMBER + END);
    private static final Pattern MONTH_AFTER_NAMED_YEAR =
            Pattern.compile(START + "nam" + SEP + YEAR + " (?:thang|t) (\\d{1,2})" + END);
    /** {@code 11/2023} needs its slash: {@code phuong-1-2023.xlsx} is ward 1's file, not January's. */
    private static final Pattern SLASHED_MONTH = Pattern.compile(START + "(\\d{1,2}) / " + YEAR + END + "(?! /)");
    /** The label a period cell may repeat before its value: {@code "Kỳ báo cáo: 11-2023"}. */
    private static final Pattern CELL_LABEL = Pattern.compile("(?:ky bao cao|ky bc|ky|thoi gian) ");
    /** A period cell holding only {@code 11-2023}, {@code 11.2023} or {@code 2023-11}. */
    private static final Pattern WHOLE_MONTH = Pattern.compile("(\\d{1,2})" + SEP + YEAR);
    private static final Pattern WHOLE_MONTH_YEAR_FIRST = Pattern.compile(YEAR + SEP + "(\\d{1,2})");
    private static final Pattern NAMED_YEAR = Pattern.compile(START + "(?:nam|tong ket)" + SEP + YEAR + END);
    private static final Pattern BARE_YEAR = Pattern.compile(START + YEAR + END);

    private final TextKey textKey = new TextKey();

    /** Returns the single period {@code text} states, or empty when it states none, several, or an impossible one. */
    public Optional<Period> parse(String text) {
        return find(text).map(PeriodMatch::period);
    }

    /**
     * Like {@link #parse(String)}, also telling whether the period was named or is only a bare year. The answers are
     * remembered for every parser (bounded, {@value #MAX_REMEMBERED} texts): a month's files repeat the same title lines
     * ({@code Tháng 01 năm 2024}) from office to office.
     */
    public Optional<PeriodMatch> find(String text) {
        return text == null || text.length() > MAX_REMEMBERED_LENGTH ? read(text) : REMEMBERED.get(text);
    }

    private static final int MAX_REMEMBERED = 20_000;
    private static final int MAX_REMEMBERED_LENGTH = 200;
    private static final Remembered<String, Optional<PeriodMatch>> REMEMBERED = new Remembered<>(MAX_REMEMBERED, new PeriodParser()::read);

    private Optional<PeriodMatch> read(String text) {
        Matcher dateCell = WHOLE_ISO_DATE.matcher(text == null ? "" : text.strip());
        if (dateCell.matches()) {
            int month = number(dateCell.group(2));
            boolean firstOfMonth = number(dateCell.group(3)) == 1 && month >= 1 && month <= 12;
            return firstOfMonth ? Optional.of(new PeriodMatch(Period.ofMonth(year(dateCell, 1), month), true)) : Optional.empty();
        }
        String normalised = normalise(text);
        if (!mentionsAYear(normalised)) {
            // every period names its year (20xx): the title lines, signatures and notes without one are most of the
            // text looked at, and need not go through the two dozen patterns below
            return Optional.empty();
        }
        Mentions mentions = new Mentions();
        if (wholeMonth(normalised, mentions)) {
            return mentions.result();
        }
        StringBuilder work = new StringBuilder(normalised);
        consume(work, DOCUMENT_NUMBER, m -> { });
        consume(work, COMPARISON, m -> { });
        consume(work, DATE_RANGE, m -> dateRange(m, mentions));
        consume(work, SINGLE_DATE, m -> { });
        consume(work, ISO_DATE, m -> { });
        consume(work, BLANK_WORD_DATE, m -> { });
        consume(work, HALF, m -> mentions.explicit(
                Period.ofHalfYear(year(m, 2), "cuoi".equals(m.group(1)) ? 2 : 1)));
        consume(work, NINE, m -> mentions.explicit(Period.ofNineMonths(year(m, 1))));
        consume(work, HALF_CODE, m -> mentions.numbered(PeriodKind.HALF, year(m, 2), number(m.group(1))));
        consume(work, HALF_CODE_YEAR_FIRST, m -> mentions.numbered(PeriodKind.HALF, year(m, 1), number(m.group(2))));
        consume(work, NINE_CODE, m -> mentions.explicit(Period.ofNineMonths(year(m, 1))));
        consume(work, NINE_CODE_YEAR_FIRST, m -> mentions.explicit(Period.ofNineMonths(year(m, 1))));
        consume(work, QUARTER_AFTER_NAMED_YEAR,
                m -> mentions.numbered(PeriodKind.QUARTER, year(m, 1), quarter(m.group(2))));
        consume(work, MONTH_AFTER_NAMED_YEAR, m -> mentions.numbered(PeriodKind.MONTH, year(m, 1), number(m.group(2))));
        consume(work, QUARTER, m -> mentions.numbered(PeriodKind.QUARTER, year(m, 2), quarter(m.group(1))));
        consume(work, QUARTER_YEAR_FIRST, m -> mentions.numbered(PeriodKind.QUARTER, year(m, 1), quarter(m.group(2))));
        consume(work, MONTH, m -> mentions.numbered(PeriodKind.MONTH, year(m, 2), number(m.group(1))));
        consume(work, MONTH_YEAR_FIRST, m -> mentions.numbered(PeriodKind.MONTH, year(m, 1), number(m.group(2))));
        consumeSlashedMonths(work, mentions);
        consume(work, YEAR_DASH_MONTH, m -> mentions.explicit(Period.ofMonth(year(m, 1), number(m.group(2)))));
        consume(work, NAMED_YEAR, m -> mentions.explicit(Period.ofYear(year(m, 1))));
        consume(work, BARE_YEAR, m -> mentions.bareYear(year(m, 1)));
        return mentions.result();
    }

    /** True when {@code text} names its period, false when it states none or only a bare year. */
    public boolean isExplicitType(String text) {
        return find(text).map(PeriodMatch::explicit).orElse(false);
    }

    /**
     * Folds case and diacritics and splits the text into words of letters, words of digits and slashes, one space
     * apart: {@code "T11/2023"} becomes {@code "t 11 / 2023"}, {@code "6thang-2024"} becomes {@code "6 thang 2024"}.
     * A date in words ({@code ngày 14 tháng 12 năm 2023}) becomes {@code "ngay 14 / 12 / 2023"}.
     */
    private String normalise(String text) {
        String folded = textKey.fold(text);
        StringBuilder out = new StringBuilder(folded.length() + 8);
        int previous = 0;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            int kind = cp >= '0' && cp <= '9' ? 2 : cp == '/' ? 3 : Character.isLetterOrDigit(cp) ? 1 : 0;
            if (kind != 0) {
                if (out.length() > 0 && (previous != kind || kind == 3)) {
                    out.append(' ');
                }
                out.appendCodePoint(cp);
            }
            previous = kind;
        }
        return WORD_DATE.matcher(out).replaceAll("ngay $1 / $2 / $3");
    }

    /** Whether the normalised text holds {@code 20} and two more digits, which every pattern here needs. */
    static boolean mentionsAYear(String normalised) {
        for (int i = normalised.indexOf("20"); i >= 0 && i + 3 < normalised.length(); i = normalised.indexOf("20", i + 1)) {
            if (isDigit(normalised.charAt(i + 2)) && isDigit(normalised.charAt(i + 3))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean wholeMonth(String normalised, Mentions mentions) {
        Matcher label = CELL_LABEL.matcher(normalised);
        String value = label.lookingAt() ? normalised.substring(label.end()) : normalised;
        Matcher m = WHOLE_MONTH.matcher(value);
        if (m.matches()) {
            mentions.numbered(PeriodKind.MONTH, year(m, 2), number(m.group(1)));
            return true;
        }
        m = WHOLE_MONTH_YEAR_FIRST.matcher(value);
        if (m.matches()) {
            mentions.numbered(PeriodKind.MONTH, year(m, 1), number(m.group(2)));
            return true;
        }
        return false;
    }

    /** {@code 11/2023}, unless it is a valid-looking number of something else ({@code số 11/2023}). */
    private static void consumeSlashedMonths(StringBuilder work, Mentions mentions) {
        Matcher m = SLASHED_MONTH.matcher(work.toString());
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            int month = number(m.group(1));
            if (month >= 1 && month <= 12 && !precededBy(work, m.start(), "so")) {
                mentions.explicit(Period.ofMonth(year(m, 2), month));
                spans.add(new int[] {m.start(), m.end()});
            }
        }
        spans.forEach(span -> blank(work, span[0], span[1]));
    }

    private static void dateRange(Matcher m, Mentions mentions) {
        try {
            LocalDate from = LocalDate.of(year(m, 3), number(m.group(2)), number(m.group(1)));
            LocalDate to = LocalDate.of(year(m, 6), number(m.group(5)), number(m.group(4)));
            periodBetween(from, to).ifPresent(mentions::explicit);
        } catch (DateTimeException notADate) {
            // Numbers shaped like two dates but not dates (31/02): no period, and none of their parts is one either.
        }
    }

    /** The period that is exactly {@code from..to}, by the cut-off on the 14th or by whole calendar months. */
    private static Optional<Period> periodBetween(LocalDate from, LocalDate to) {
        List<Period> candidates = allPeriods(to.getYear());
        for (Period p : candidates) {
            if (p.start().equals(from) && p.end().equals(to)) {
                return Optional.of(p);
            }
        }
        boolean wholeMonths = from.getDayOfMonth() == 1 && to.getDayOfMonth() == to.lengthOfMonth()
                && from.getYear() == to.getYear();
        if (wholeMonths) {
            for (Period p : candidates) {
                if (p.firstMonth() == from.getMonthValue() && p.lastMonth() == to.getMonthValue()) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    private static List<Period> allPeriods(int year) {
        List<Period> periods = new ArrayList<>();
        periods.add(Period.ofYear(year));
        periods.add(Period.ofNineMonths(year));
        for (int h = 1; h <= 2; h++) {
            periods.add(Period.ofHalfYear(year, h));
        }
        for (int q = 1; q <= 4; q++) {
            periods.add(Period.ofQuarter(year, q));
        }
        for (int month = 1; month <= 12; month++) {
            periods.add(Period.ofMonth(year, month));
        }
        return periods;
    }

    /** Reports every match of {@code pattern} in {@code work}, then blanks them so that weaker patterns skip them. */
    private static void consume(StringBuilder work, Pattern pattern, Consumer<Matcher> onMatch) {
        Matcher m = pattern.matcher(work.toString());
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            onMatch.accept(m);
            spans.add(new int[] {m.start(), m.end()});
        }
        spans.forEach(span -> blank(work, span[0], span[1]));
    }

    /** Overwrites a span with {@code #}, which is no word character, keeping the spaces around it. */
    private static void blank(StringBuilder work, int start, int end) {
        for (int i = start; i < end; i++) {
            work.setCharAt(i, '#');
        }
    }

    private static boolean precededBy(CharSequence work, int start, String word) {
        int wordStart = start - word.length() - 1;
        return wordStart >= 0
                && work.subSequence(wordStart, start - 1).toString().equals(word)
                && (wordStart == 0 || work.charAt(wordStart - 1) == ' ');
    }

    private static int year(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private static int number(String digits) {
        return Integer.parseInt(digits);
    }

    /** A quarter in digits or Roman numerals; 0 when it is no quarter (which makes the mention impossible). */
    private static int quarter(String token) {
        return switch (token) {
            case "i" -> 1;
            case "ii" -> 2;
            case "iii" -> 3;
            case "iv" -> 4;
            default -> token.chars().allMatch(Character::isDigit) ? number(token) : 0;
        };
    }

    private enum PeriodKind { MONTH, QUARTER, HALF }

    /** What the text says, collected pattern by pattern, then judged as a whole. */
    private static final class Mentions {

        private final Set<Period> explicit = new LinkedHashSet<>();
        private final Set<Integer> bareYears = new LinkedHashSet<>();
        private boolean impossible;

        void explicit(Period period) {
            explicit.add(period);
        }

        void bareYear(int year) {
            bareYears.add(year);
        }

        /** A numbered period; an impossible number ({@code quý 5}, {@code tháng 13}) spoils the whole text. */
        void numbered(PeriodKind kind, int year, int number) {
            int max = switch (kind) {
                case MONTH -> 12;
                case QUARTER -> 4;
                case HALF -> 2;
            };
            if (number < 1 || number > max) {
                impossible = true;
                return;
            }
            explicit.add(switch (kind) {
                case MONTH -> Period.ofMonth(year, number);
                case QUARTER -> Period.ofQuarter(year, number);
                case HALF -> Period.ofHalfYear(year, number);
            });
        }

        Optional<PeriodMatch> result() {
            if (impossible || explicit.size() > 1) {
                return Optional.empty();
            }
            if (explicit.size() == 1) {
                Period period = explicit.iterator().next();
                boolean agrees = bareYears.stream().allMatch(y -> y == period.year());
                return agrees ? Optional.of(new PeriodMatch(period, true)) : Optional.empty();
            }
            if (bareYears.size() == 1) {
                return Optional.of(new PeriodMatch(Period.ofYear(bareYears.iterator().next()), false));
            }
            return Optional.empty();
        }
    }
}
