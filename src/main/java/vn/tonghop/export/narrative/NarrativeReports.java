package vn.tonghop.export.narrative;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import vn.tonghop.form.ReportForm;

/**
 * Drafts {@code bao-cao-tong-ket-<province>-<year>.docx}: figures from the aggregate tables, wording from
 * {@code ${tonghop.jobs-dir}/<form>-narrative.yaml} (else the copy inside the jar). The wording is read at
 * every export, so staff who rephrase a sentence see it in the next draft, and a mistake in it stops only
 * the narrative, never the nightly ingest.
 */
@Component
public class NarrativeReports {

    private static final Logger log = LoggerFactory.getLogger(NarrativeReports.class);

    private final NarrativeFiguresRepository figures;
    private final ReportForm form;
    private final String jobsDir;

    NarrativeReports(NarrativeFiguresRepository figures, ReportForm form, @Value("${tonghop.jobs-dir:jobs}") String jobsDir) {
        this.figures = figures;
        this.form = form;
        this.jobsDir = jobsDir;
    }

    public static String fileName(String province, int year) {
        return "bao-cao-tong-ket-" + province + "-" + year + ".docx";
    }

    /** The provinces with aggregates for the year, in code order. */
    public List<String> provinces(int year) {
        return figures.provinces(year);
    }

    /**
     * Writes the report of one province and year into {@code outDir}.
     *
     * @throws IllegalArgumentException when the province has no aggregates for the year
     */
    public Path write(int year, String province, Path outDir) throws IOException {
        NarrativeFigures data = figures.load(year, province).orElseThrow(() -> new IllegalArgumentException(
                "no aggregates of form " + form.code() + " for province " + province + " in " + year));
        Draft draft = new NarrativeDrafter(form, wording()).draft(data);
        Files.createDirectories(outDir);
        Path target = outDir.resolve(fileName(province, year));
        new DocxReportWriter().write(draft, target);
        log.info("Narrative report {} written", target);
        return target;
    }

    /**
     * Reads the wording file and checks it against the form, before anything is written.
     *
     * @throws vn.tonghop.form.InvalidFormException naming the line to fix
     */
    public void checkWording() throws IOException {
        wording();
    }

    NarrativeWording wording() throws IOException {
        String name = form.code().toLowerCase(Locale.ROOT) + "-narrative.yaml";
        Path file = Path.of(jobsDir, name);
        if (Files.isRegularFile(file)) {
            return new NarrativeWordingLoader(form, file.toString()).load(Files.readString(file, StandardCharsets.UTF_8));
        }
        try (InputStream in = new ClassPathResource("jobs/" + name).getInputStream()) {
            return new NarrativeWordingLoader(form, "classpath:jobs/" + name).load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
