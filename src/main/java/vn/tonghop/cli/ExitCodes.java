package vn.tonghop.cli;

/** Exit codes an operator can script on. */
public final class ExitCodes {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int LOCKED = 3;
    public static final int REJECTED_FILES = 4;

    private ExitCodes() {
    }
}
