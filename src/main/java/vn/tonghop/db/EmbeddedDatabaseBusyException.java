package vn.tonghop.db;

import org.springframework.boot.ExitCodeGenerator;

/**
 * The embedded database is run by another live tonghop process and this one may not share it
 * ({@code serve} must own the cluster it depends on). Exits with code 3, like a run refused by the lock.
 */
public final class EmbeddedDatabaseBusyException extends IllegalStateException implements ExitCodeGenerator {

    public EmbeddedDatabaseBusyException(String message) {
        super(message);
    }

    @Override
    public int getExitCode() {
        return 3;
    }
}
