package vn.tonghop.export;

import com.opencsv.CSVWriter;
import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import vn.tonghop.validate.Issue;
import vn.tonghop.validate.Messages;

/**
 * {@code <name>.ketqua.csv}: one line per error or warning (sheet, row, column, value, severity,
 * message) for machines and for clerks who prefer a plain list. UTF-8 with a BOM so Excel shows the
 * Vietnamese text; values that a spreadsheet would run as a formula are written as text.
 */
@Component
public class ResultCsvWriter {

    private final Messages messages;

    public ResultCsvWriter(Messages messages) {
        this.messages = messages;
    }

    public void write(Path target, List<Issue> issues) throws IOException {
        write(target, issues.stream());
    }

    /** Writes the issues as they come (streamed from the database for a file with very many). */
    public void write(Path target, Stream<Issue> issues) throws IOException {
        try (OutputStream out = Files.newOutputStream(target);
             Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             ICSVWriter csv = new CSVWriterBuilder(writer).withLineEnd(CSVWriter.RFC4180_LINE_END).build()) {
            writer.write('\uFEFF');
            csv.writeNext(new String[] {messages.get("result.header.sheet"), messages.get("result.header.row"),
                    messages.get("result.header.column"), messages.get("result.header.value"), messages.get("result.header.severity"),
                    messages.get("result.header.commune"), messages.get("result.header.message")}, false);
            for (Issue issue : (Iterable<Issue>) issues::iterator) {
                csv.writeNext(new String[] {safe(issue.sheet()), issue.rowNumber() == null ? "" : issue.rowNumber().toString(),
                        safe(issue.column()), safe(issue.cellValue()), messages.get("severity." + issue.severity().sqlName()),
                        safe(issue.communeCode()), safe(issue.message())}, true);
            }
        }
    }

    /** A cell a spreadsheet would evaluate ("=HYPERLINK(...)", "+1", "@SUM") gets a leading apostrophe. */
    static String safe(String text) {
        if (text == null) {
            return "";
        }
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
