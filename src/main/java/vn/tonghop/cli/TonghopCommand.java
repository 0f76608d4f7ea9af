package vn.tonghop.cli;

import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;

/** {@code tonghop}: the root command; on its own it prints the usage. */
@Component
@Scope("prototype")
@Command(name = "tonghop", mixinStandardHelpOptions = true, version = "tonghop 0.1",
        description = "Tổng hợp báo cáo phong trào Toàn dân bảo vệ an ninh Tổ quốc (consolidates ANTQ reports).",
        subcommands = {UnitsCommand.class, IngestCommand.class, AggregateCommand.class, ExportCommand.class, RunCommand.class,
                StatusCommand.class, HistoryCommand.class})
public class TonghopCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
