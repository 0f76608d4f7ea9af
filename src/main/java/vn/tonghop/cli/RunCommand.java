package vn.tonghop.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.tonghop.validate.Messages;

/**
 * {@code tonghop run [--inbox DIR] [--out DIR]}: resume what an interrupted run left, ingest, then
 * aggregate every year whose reports changed, then export {@code aggregates.csv} (every year with
 * aggregates) and the conference packs of the years aggregated (one per province with data).
 */
@Component
@Scope("prototype")
@Command(name = "run", mixinStandardHelpOptions = true, exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.LIST_OK, ExitCodes.LIST_FAILED, ExitCodes.LIST_USAGE, ExitCodes.LIST_LOCKED, ExitCodes.LIST_REJECTED_FILES},
        description = "Nhận tệp mới, tổng hợp các năm liên quan và xuất kết quả (ingest + aggregate + export).")
public class RunCommand implements Callable<Integer> {

    private final Pipeline pipeline;

    @Spec
    CommandSpec spec;

    @Option(names = "--inbox", paramLabel = "DIR", defaultValue = "inbox", description = "Inbox folder (default: ${DEFAULT-VALUE}).")
    Path inbox;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    private final Messages messages;

    public RunCommand(Pipeline pipeline, Messages messages) {
        this.pipeline = pipeline;
        this.messages = messages;
    }

    @Override
    public Integer call() throws Exception {
        var writer = spec.commandLine().getOut();
        if (!InboxFolder.usable(inbox, messages, spec.commandLine().getErr())) {
            return ExitCodes.USAGE;
        }
        return pipeline.locked("run", spec.commandLine().getErr(), () -> pipeline.runAll(inbox, out, writer));
    }
}
