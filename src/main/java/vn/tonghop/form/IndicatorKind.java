package vn.tonghop.form;

/** How an indicator aggregates over time (flows sum, stocks take the latest) and over units. */
public enum IndicatorKind {
    /** Counted within the period: summed over time and over units. */
    FLOW,
    /** A state at the end of the period: latest over time, summed over units. */
    STOCK,
    /** Yes/no per commune: latest over time, counted (yes = 1) over units. */
    FLAG;

    public String sqlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
