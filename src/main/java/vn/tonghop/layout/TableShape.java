package vn.tonghop.layout;

/** SPEC §4: one row per commune with a column per indicator, or one value per row. */
public enum TableShape {
    WIDE, LONG
}
