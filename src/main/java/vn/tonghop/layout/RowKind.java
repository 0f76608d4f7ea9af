package vn.tonghop.layout;

/** A data row (one commune) or a total row (Cộng, Tổng cộng) that is checked, never loaded. */
public enum RowKind {
    DATA, TOTAL
}
