package vn.tonghop.read;

/**
 * Carries an {@link UnreadableFileException} out of an {@link java.util.Iterator}, which cannot throw checked
 * exceptions: the file turned out to be broken part-way through its rows. Catch it and use {@link #getCause()}.
 */
public final class UncheckedUnreadableFileException extends RuntimeException {

    public UncheckedUnreadableFileException(UnreadableFileException cause) {
        super(cause.getMessage(), cause);
    }

    @Override
    public synchronized UnreadableFileException getCause() {
        return (UnreadableFileException) super.getCause();
    }
}
