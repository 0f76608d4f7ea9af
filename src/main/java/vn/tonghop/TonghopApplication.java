package vn.tonghop;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
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

    /**
     * The JDK's own XML factories, named: POI asks JAXP for a new factory for every part of every workbook it reads or
     * writes, and JAXP, told nothing, searches the class path for a provider each time (through every nested jar of
     * this one): a tenth of the time spent writing the clerks' result workbooks. No jar here provides one, so the
     * answer is the same; a provider set on the command line ({@code -D}) still wins.
     */
    private static final Map<String, String> XML_FACTORIES = Map.of(
            "javax.xml.parsers.SAXParserFactory", "com.sun.org.apache.xerces.internal.jaxp.SAXParserFactoryImpl",
            "javax.xml.parsers.DocumentBuilderFactory", "com.sun.org.apache.xerces.internal.jaxp.DocumentBuilderFactoryImpl",
            "javax.xml.transform.TransformerFactory", "com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl",
            "javax.xml.stream.XMLInputFactory", "com.sun.xml.internal.stream.XMLInputFactoryImpl",
            "javax.xml.stream.XMLOutputFactory", "com.sun.xml.internal.stream.XMLOutputFactoryImpl",
            "javax.xml.stream.XMLEventFactory", "com.sun.xml.internal.stream.events.XMLEventFactoryImpl");

    public static void main(String[] args) {
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
        XML_FACTORIES.forEach((factory, implementation) -> {
            if (System.getProperty(factory) == null) {
                System.setProperty(factory, implementation);
            }
        });
        if (QuickCompilation.wanted(isServe(args)) && !Boolean.getBoolean(BatchJvm.CHILD)) {
            QuickCompilation.apply();
        }
        if (!isServe(args)) {
            System.setProperty(ServeOnlyAutoConfigurations.BATCH_COMMAND, "true");
        }
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
        int exitCode;
        try {
            exitCode = SpringApplication.exit(context);
        } catch (IllegalStateException e) {
            if (!context.isClosed()) {
                throw e;
            }
            // SIGTERM: the shutdown hook closed the context (after the job stopped) while the command was ending; the
            // JVM is exiting already, with the signal's exit code, and the command has said why on stderr.
            return;
        }
        System.exit(exitCode);
    }

    /** Whether the command (the first argument that is not an option) is {@code serve}. */
    static boolean isServe(String... args) {
        return command(args).map("serve"::equals).orElse(false);
    }

    private static java.util.Optional<String> command(String... args) {
        return Arrays.stream(args).filter(arg -> !arg.startsWith("-")).findFirst();
    }
}
