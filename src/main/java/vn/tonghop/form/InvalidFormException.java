package vn.tonghop.form;

/** A form definition in {@code jobs/} that cannot be used; the message says where and why. */
public final class InvalidFormException extends RuntimeException {

    public InvalidFormException(String message) {
        super(message);
    }
}
