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
                StatusCommand.class, HistoryCommand.class, ServeCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.LIST_OK, ExitCodes.LIST_FAILED, ExitCodes.LIST_USAGE, ExitCodes.LIST_LOCKED, ExitCodes.LIST_REJECTED_FILES},
        footer = {"%nAny setting can follow the command as --name=value (e.g. --tonghop.lock.wait-seconds=600) or be an environment variable (TONGHOP_LOCK_WAIT_SECONDS=600)."})
public class TonghopCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
