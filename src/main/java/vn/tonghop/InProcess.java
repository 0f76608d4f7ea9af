package vn.tonghop;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Runs a command in this JVM: Spring started with {@link TonghopApplication}, the command run, the exit code returned. */
final class InProcess {

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

    private InProcess() {
    }

    static void main(String[] args) {
        XML_FACTORIES.forEach((factory, implementation) -> {
            if (System.getProperty(factory) == null) {
                System.setProperty(factory, implementation);
            }
        });
        boolean serve = TonghopApplication.isServe(args);
        if (QuickCompilation.wanted(serve) && !Boolean.getBoolean(BatchJvm.CHILD)) {
            QuickCompilation.apply();
        }
        if (!serve) {
            System.setProperty(ServeOnlyAutoConfigurations.BATCH_COMMAND, "true");
        }
        String[] arguments = serve ? Stream.concat(Arrays.stream(args), Stream.of("--spring.main.web-application-type=servlet",
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
}
