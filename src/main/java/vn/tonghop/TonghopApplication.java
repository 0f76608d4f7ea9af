package vn.tonghop;

import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Entry point: {@code java -jar tonghop.jar <command>}; the command line lives in {@code cli/}. Only
 * {@code serve} starts a web server (health and info endpoints); every other command runs without one.
 */
@SpringBootApplication
public class TonghopApplication {

    public static void main(String[] args) {
        String[] arguments = isServe(args) ? Stream.concat(Arrays.stream(args), Stream.of("--spring.main.web-application-type=servlet",
                "--tonghop.embedded.share=false"))
                .toArray(String[]::new) : args;
        ConfigurableApplicationContext context;
        try {
            context = SpringApplication.run(TonghopApplication.class, arguments);
        } catch (RuntimeException e) {
            // start-up failed (reported above); a cause that knows its exit code (3: embedded database busy) decides it
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ExitCodeGenerator generator) {
                    System.exit(generator.getExitCode());
                }
            }
            throw e;
        }
        System.exit(SpringApplication.exit(context));
    }

    /** Whether the command (the first argument that is not an option) is {@code serve}. */
    static boolean isServe(String... args) {
        return Arrays.stream(args).filter(arg -> !arg.startsWith("-")).findFirst().map("serve"::equals).orElse(false);
    }
}
