package vn.tonghop.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.tonghop.registry.RegistryFormatException;
import vn.tonghop.registry.RegistryImporter;
import vn.tonghop.validate.Messages;

/** {@code tonghop units import FILE}: the unit registry. */
@Component
@Scope("prototype")
@Command(name = "units", description = "Danh mục đơn vị hành chính (unit registry).", mixinStandardHelpOptions = true,
        subcommands = UnitsCommand.Import.class)
public class UnitsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Imports any of the registry and mapping layouts; re-importing is harmless. */
    @Component
    @Scope("prototype")
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Nạp danh mục đơn vị (units-2024/units-2025/districts-2024/mapping-2025/mapping-provinces-2025 layouts).")
    public static class Import implements Callable<Integer> {

        private final RegistryImporter importer;
        private final Pipeline pipeline;
        private final Messages messages;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "Registry or mapping CSV file.")
        Path file;

        @Option(names = "--valid-from", paramLabel = "YYYY-MM-DD",
                description = "First day the listed units are in force (default: 2000-01-01 before the 2025 reform, 2025-07-01 after).")
        LocalDate validFrom;

        public Import(RegistryImporter importer, Pipeline pipeline, Messages messages) {
            this.importer = importer;
            this.pipeline = pipeline;
            this.messages = messages;
        }

        @Override
        public Integer call() throws Exception {
            // the registry changes under no running ingest or aggregation
            return pipeline.locked("units import", spec.commandLine().getErr(), this::importRegistry);
        }

        private int importRegistry() throws Exception {
            try {
                RegistryImporter.ImportSummary s = importer.importFile(file, validFrom);
                spec.commandLine().getOut().println(messages.get("units.imported", file, s.layout(), s.rows(), s.inserted(), s.updated(),
                        Math.max(0, s.unchanged())));
                return ExitCodes.OK;
            } catch (RegistryFormatException e) {
                spec.commandLine().getErr().println("tonghop: " + messages.get(e.key(), e.args()));
                return ExitCodes.FAILED;
            }
        }
    }
}
