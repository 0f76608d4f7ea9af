package vn.tonghop.cli;

/** Exit codes an operator can script on (also listed by {@code --help} of the commands that run jobs). */
public final class ExitCodes {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int LOCKED = 3;
    public static final int REJECTED_FILES = 4;

    static final String LIST_OK = "0:done, no errors";
    static final String LIST_FAILED = "1:failed (one-line reason on stderr); an interrupted run is resumed by the next run";
    static final String LIST_USAGE = "2:bad usage";
    static final String LIST_LOCKED = "3:another run holds the lock (waited tonghop.lock.wait-seconds)";
    static final String LIST_REJECTED_FILES = "4:done, but some files were rejected whole (see rejected/)";

    private ExitCodes() {
    }
}
