package vn.tonghop.load;

import java.util.Locale;

/** registered → read → applied, or rejected (unreadable file) / duplicate (same SHA-256 as an earlier file). */
public enum SubmissionStatus {
    REGISTERED, READ, APPLIED, REJECTED, DUPLICATE;

    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
