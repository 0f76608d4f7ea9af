package vn.tonghop.read;

import java.util.Objects;

/**
 * The file cannot be read at all and is rejected whole. {@link #getMessage()} is English, for the log;
 * {@link #vietnameseReason()} is the one clear reason shown to the clerk.
 */
public final class UnreadableFileException extends Exception {

    private final UnreadableReason reason;

    public UnreadableFileException(UnreadableReason reason, String englishMessage) {
        this(reason, englishMessage, null);
    }

    public UnreadableFileException(UnreadableReason reason, String englishMessage, Throwable cause) {
        super(englishMessage, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public UnreadableReason reason() {
        return reason;
    }

    public String vietnameseReason() {
        return reason.vietnamese();
    }
}
