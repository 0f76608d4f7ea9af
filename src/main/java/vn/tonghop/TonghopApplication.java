package vn.tonghop;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import vn.tonghop.cli.UsageOnly;

/**
 * Entry point: {@code java -jar tonghop.jar <command>}; the command line lives in {@code cli/}. Only
 * {@code serve} starts a web server (health and info endpoints); every other command runs without one.
 */
@SpringBootApplication
public class TonghopApplication {

    /**
     * Starts the command: the usage or the version asked for answered at once ({@link UsageOnly}), a batch command in a
     * second JVM started for it ({@link BatchJvm}), {@code serve} and the second JVM's command here ({@link InProcess}). This class references nothing of Spring's in its code, only in its
     * annotation: the first JVM of a batch command loads and checks it without loading Spring.
     */
    public static void main(String[] args) {
        if (UsageOnly.asked(args)) {
            System.exit(UsageOnly.print(args));
        }
        int refused = UsageOnly.refusedInbox(args);
        if (refused >= 0) {
            System.exit(refused);
        }
        Optional<BatchJvm.Launch> batchJvm = BatchJvm.launch(isServe(args));
        if (batchJvm.isPresent()) {
            try {
                System.exit(BatchJvm.run(batchJvm.get()));
            } catch (IOException e) {
                System.err.println("tonghop: could not start the batch JVM (" + e.getMessage() + "); running in this one");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                System.exit(130);
            }
        } else if (Boolean.getBoolean(BatchJvm.CHILD)) {
            BatchJvm.watchParent();
        }
        InProcess.main(args);
    }

    /** Whether the command (the first argument that is not an option) is {@code serve}. */
    static boolean isServe(String... args) {
        return command(args).map("serve"::equals).orElse(false);
    }

    private static java.util.Optional<String> command(String... args) {
        return Arrays.stream(args).filter(arg -> !arg.startsWith("-")).findFirst();
    }
}
