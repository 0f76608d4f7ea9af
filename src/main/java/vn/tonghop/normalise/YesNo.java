package vn.tonghop.normalise;

/** The reading of a yes/no indicator cell. */
public enum YesNo {
    YES,
    NO,
    /** Neither: the cell holds something that is not a recognised answer, to be reported to the clerk. */
    INVALID
}
