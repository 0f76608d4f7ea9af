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
 * {@code tonghop ingest [--inbox DIR]}: finishes an interrupted ingest run, then takes in every new file
 * of the inbox. The years it changed wait for {@code aggregate} or the next {@code run}.
 */
@Component
@Scope("prototype")
@Command(name = "ingest", mixinStandardHelpOptions = true, exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.LIST_OK, ExitCodes.LIST_FAILED, ExitCodes.LIST_USAGE, ExitCodes.LIST_LOCKED, ExitCodes.LIST_REJECTED_FILES}, description = "Nhận và kiểm tra mọi tệp mới trong inbox (ingest new files).")
public class IngestCommand implements Callable<Integer> {

    private final Pipeline pipeline;

    @Spec
    CommandSpec spec;

    @Option(names = "--inbox", paramLabel = "DIR", defaultValue = "inbox", description = "Inbox folder (default: ${DEFAULT-VALUE}).")
    Path inbox;

    private final Messages messages;

    public IngestCommand(Pipeline pipeline, Messages messages) {
        this.pipeline = pipeline;
        this.messages = messages;
    }

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        if (!InboxFolder.usable(inbox, messages, spec.commandLine().getErr())) {
            return ExitCodes.USAGE;
        }
        return pipeline.locked("ingest", spec.commandLine().getErr(), () -> {
            boolean rejected = false;
            for (long resumed : pipeline.resumeIngest(out)) {
                rejected |= pipeline.anyFileRejected(resumed);
            }
            long runId = pipeline.ingest(inbox, out);
            return rejected || pipeline.anyFileRejected(runId) ? ExitCodes.REJECTED_FILES : ExitCodes.OK;
        });
    }
}
