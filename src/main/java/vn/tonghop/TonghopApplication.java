package vn.tonghop;

import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

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
        System.exit(SpringApplication.exit(SpringApplication.run(TonghopApplication.class, arguments)));
    }

    /** Whether the command (the first argument that is not an option) is {@code serve}. */
    static boolean isServe(String... args) {
        return Arrays.stream(args).filter(arg -> !arg.startsWith("-")).findFirst().map("serve"::equals).orElse(false);
    }
}
