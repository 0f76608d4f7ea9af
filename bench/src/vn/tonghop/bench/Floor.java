package vn.tonghop.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import vn.tonghop.form.FormLoader;
import vn.tonghop.form.Indicator;
import vn.tonghop.form.ReportForm;
import vn.tonghop.normalise.NumberParser;
import vn.tonghop.normalise.ParsedNumber;
import vn.tonghop.normalise.Period;
import vn.tonghop.normalise.PeriodParser;
import vn.tonghop.normalise.YesNo;
import vn.tonghop.normalise.YesNoParser;
import vn.tonghop.read.CloseableIterator;
import vn.tonghop.read.RawRow;
import vn.tonghop.read.TableFile;
import vn.tonghop.read.TableFiles;

/**
 * The physical floor, run in a JVM of its own: every file of the inbox read with tonghop's own readers
 * ({@link TableFiles}: the same encoding detection, the same streamed .xlsx), every cell counted, the values
 * of the communes' rows normalised with the same number and yes/no parsers and streamed with
 * {@code COPY} (long form: commune, period, indicator, value) into an unindexed table, on as many
 * threads as tonghop reads files. No header search, no registry, no rules, no history: what any loader
 * of these files must at least do.
 *
 * <p>Arguments: inbox, form YAML, JDBC URL, threads. Prints one line: {@code files rows cells values}.
 */
public final class Floor {

    private Floor() {
    }

    public static void main(String[] args) throws Exception {
        Path inbox = Path.of(args[0]);
        ReportForm form = new FormLoader().load(Path.of(args[1]));
        String url = args[2];
        int threads = Integer.parseInt(args[3]);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS floor_value");
            s.execute("CREATE TABLE floor_value (commune_code text NOT NULL, period_code text NOT NULL, indicator text NOT NULL, value numeric NOT NULL)");
        }
        ConcurrentLinkedQueue<Path> files = new ConcurrentLinkedQueue<>();
        try (Stream<Path> walk = Files.walk(inbox)) {
            walk.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        AtomicLong fileCount = new AtomicLong();
        AtomicLong rows = new AtomicLong();
        AtomicLong cells = new AtomicLong();
        AtomicLong values = new AtomicLong();
        Thread[] workers = new Thread[threads];
        Throwable[] failure = new Throwable[1];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(url)) {
                    CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI()
                            .copyIn("COPY floor_value (commune_code, period_code, indicator, value) FROM STDIN");
                    Loader loader = new Loader(form, copy);
                    for (Path file = files.poll(); file != null; file = files.poll()) {
                        loader.load(file);
                        fileCount.incrementAndGet();
                    }
                    loader.flush();
                    copy.endCopy();
                    rows.addAndGet(loader.rows);
                    cells.addAndGet(loader.cells);
                    values.addAndGet(loader.values);
                } catch (Exception e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                }
            }, "floor-" + t);
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (failure[0] != null) {
            throw new IllegalStateException("floor failed", failure[0]);
        }
        System.out.println(fileCount.get() + " " + rows.get() + " " + cells.get() + " " + values.get());
    }

    /** One thread's reading and copying. */
    private static final class Loader {

        private final List<Indicator> indicators;
        private final CopyIn copy;
        private final NumberParser numbers = new NumberParser();
        private final YesNoParser yesNo = new YesNoParser();
        private final PeriodParser periods = new PeriodParser();
        private final StringBuilder buffer = new StringBuilder(1 << 17);
        long rows;
        long cells;
        long values;

        Loader(ReportForm form, CopyIn copy) {
            this.indicators = form.indicators();
            this.copy = copy;
        }

        void load(Path path) throws Exception {
            String stem = path.getFileName().toString().replaceFirst("\\.[^.]+$", "");
            Optional<Period> period = periods.parse(stem);
            String periodCode = period.map(Period::code).orElse("?");
            try (TableFile file = new TableFiles().open(path);
                 CloseableIterator<RawRow> it = file.rows(file.sheets().get(0))) {
                while (it.hasNext()) {
                    RawRow row = it.next();
                    rows++;
                    cells += row.cells().size();
                    String code = row.cell(1).strip();
                    if (code.length() != 5 || !code.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    for (int i = 0; i < indicators.size(); i++) {
                        String raw = row.cell(3 + i);
                        String value = null;
                        if (indicators.get(i).isFlag()) {
                            YesNo answer = yesNo.parse(raw);
                            value = answer == YesNo.YES ? "1" : answer == YesNo.NO ? "0" : null;
                        } else if (numbers.parse(raw) instanceof ParsedNumber.Value v) {
                            value = v.value().toPlainString();
                        }
                        if (value != null) {
                            buffer.append(code).append('\t').append(periodCode).append('\t').append(indicators.get(i).code())
                                    .append('\t').append(value).append('\n');
                            values++;
                        }
                    }
                    if (buffer.length() > (1 << 16)) {
                        flush();
                    }
                }
            }
        }

        void flush() throws SQLException, IOException {
            if (buffer.isEmpty()) {
                return;
            }
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }
    }
}
