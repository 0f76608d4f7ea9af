package vn.tonghop.normalise;

/**
 * The kinds of reporting period: monthly, quarterly, six-month (<i>sơ kết 6 tháng</i>, the mid-year review),
 * nine-month and annual (<i>tổng kết năm</i>, the year-end review).
 */
public enum PeriodType {
    MONTH,
    QUARTER,
    HALF_YEAR,
    NINE_MONTHS,
    YEAR
}
