package vn.tonghop.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tonghop run [--inbox DIR] [--out DIR]}: ingest, then aggregate every year the new files
 * touched, then export {@code aggregates.csv} (every year with aggregates) and the conference packs of the
 * touched years (one per province with data).
 */
@Component
@Scope("prototype")
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Nhận tệp mới, tổng hợp các năm liên quan và xuất kết quả (ingest + aggregate + export).")
public class RunCommand implements Callable<Integer> {

    private final Pipeline pipeline;

    @Spec
    CommandSpec spec;

    @Option(names = "--inbox", paramLabel = "DIR", defaultValue = "inbox", description = "Inbox folder (default: ${DEFAULT-VALUE}).")
    Path inbox;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    public RunCommand(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public Integer call() throws Exception {
        var writer = spec.commandLine().getOut();
        return pipeline.locked(spec.commandLine().getErr(), () -> {
            long runId = pipeline.ingest(inbox, writer);
            TreeSet<Integer> years = pipeline.yearsTouched(runId);
            for (int year : years) {
                pipeline.aggregate(year, writer);
            }
            pipeline.export(List.of(), years, out, null, writer);
            writer.flush();
            return pipeline.anyFileRejected(runId) ? ExitCodes.REJECTED_FILES : ExitCodes.OK;
        });
    }
}
