package vn.tonghop.registry;

/** A registry file tonghop cannot import; the message (Vietnamese) says why. */
public final class RegistryFormatException extends RuntimeException {

    public RegistryFormatException(String message) {
        super(message);
    }
}
