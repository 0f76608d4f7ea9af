package vn.tonghop.cli;

import java.util.concurrent.Callable;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tonghop aggregate --year Y}: rebuilds a year's aggregates. */
@Component
@Scope("prototype")
@Command(name = "aggregate", mixinStandardHelpOptions = true, exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.LIST_OK, ExitCodes.LIST_FAILED, ExitCodes.LIST_USAGE, ExitCodes.LIST_LOCKED}, description = "Tổng hợp số liệu một năm (rebuild a year's aggregates).")
public class AggregateCommand implements Callable<Integer> {

    private final Pipeline pipeline;

    @Spec
    CommandSpec spec;

    @Option(names = "--year", required = true, paramLabel = "Y", converter = ReportYear.class, description = "Report year (2000 to next year).")
    int year;

    public AggregateCommand(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public Integer call() throws Exception {
        return pipeline.locked("aggregate", spec.commandLine().getErr(), () -> {
            pipeline.aggregate(year, spec.commandLine().getOut());
            return ExitCodes.OK;
        });
    }
}
