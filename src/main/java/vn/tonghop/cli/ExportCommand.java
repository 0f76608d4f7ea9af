package vn.tonghop.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.tonghop.validate.Messages;

/** {@code tonghop export --year Y [--province CODE] --out DIR}: writes aggregates.csv from the aggregate tables. */
@Component
@Scope("prototype")
@Command(name = "export", mixinStandardHelpOptions = true, description = "Xuất kết quả tổng hợp (write aggregates.csv).")
public class ExportCommand implements Callable<Integer> {

    private final Pipeline pipeline;
    private final Messages messages;

    @Spec
    CommandSpec spec;

    @Option(names = "--year", required = true, paramLabel = "Y", description = "Report year.")
    int year;

    @Option(names = "--province", paramLabel = "CODE", description = "Only this province (2-digit code).")
    String province;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    public ExportCommand(Pipeline pipeline, Messages messages) {
        this.pipeline = pipeline;
        this.messages = messages;
    }

    @Override
    public Integer call() throws Exception {
        if (province != null && !province.matches("\\d{2}")) {
            spec.commandLine().getErr().println(messages.get("export.badProvince", province));
            return ExitCodes.USAGE;
        }
        if (!pipeline.yearsWithAggregates().contains(year)) {
            spec.commandLine().getErr().println(messages.get("export.noAggregates", year));
            return ExitCodes.FAILED;
        }
        pipeline.export(List.of(year), out, province, spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
