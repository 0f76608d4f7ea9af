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
import vn.tonghop.form.InvalidFormException;
import vn.tonghop.validate.Messages;

/**
 * {@code tonghop export --year Y [--province CODE] [--docx] --out DIR}: writes aggregates.csv from the aggregate
 * tables, the conference pack of year Y ({@code tonghop-<province>-<Y>.xlsx} and {@code .html}) for the province,
 * or for every province with a report for Y when none is given, and, with {@code --docx}, the narrative report of
 * the province (of every province with figures when no province is given).
 */
@Component
@Scope("prototype")
@Command(name = "export", mixinStandardHelpOptions = true, exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.LIST_OK, ExitCodes.LIST_FAILED, ExitCodes.LIST_USAGE, ExitCodes.LIST_LOCKED},
        description = "Xuất kết quả tổng hợp và bộ tài liệu hội nghị (write aggregates.csv and the conference pack).")
public class ExportCommand implements Callable<Integer> {

    private final Pipeline pipeline;
    private final Messages messages;

    @Spec
    CommandSpec spec;

    @Option(names = "--year", required = true, paramLabel = "Y", converter = ReportYear.class, description = "Report year (2000 to next year).")
    int year;

    @Option(names = "--province", paramLabel = "CODE", description = "Only this province (2-digit code).")
    String province;

    @Option(names = "--docx", description = "Also draft the narrative report bao-cao-tong-ket-<province>-<Y>.docx "
            + "(without --province: one per province with figures).")
    boolean docx;

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
        if (province != null && !pipeline.provinceHasAggregates(year, province)) {
            spec.commandLine().getErr().println(messages.get("export.noProvinceAggregates", province, year));
            return ExitCodes.FAILED;
        }
        if (docx && pipeline.narrativeProvinces(year, province).isEmpty()) {
            spec.commandLine().getErr().println(messages.get("export.noProvinceAggregates", province, year));
            return ExitCodes.FAILED;
        }
        if (docx) {
            try {
                pipeline.checkNarrativeWording();
            } catch (InvalidFormException e) {
                spec.commandLine().getErr().println(messages.get("export.badWording", e.getMessage()));
                return ExitCodes.FAILED;
            }
        }
        // The pack refreshes the years it compares in today's units: it writes, so it holds the run lock.
        return pipeline.locked("export", spec.commandLine().getErr(), () -> {
            pipeline.export(List.of(year), List.of(year), out, province, spec.commandLine().getOut());
            if (docx) {
                pipeline.narrative(year, out, province, spec.commandLine().getOut());
            }
            return ExitCodes.OK;
        });
    }
}
