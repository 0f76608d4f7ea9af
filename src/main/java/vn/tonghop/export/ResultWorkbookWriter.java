package vn.tonghop.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.tonghop.export.xlsx.Marks;
import vn.tonghop.export.xlsx.NewWorkbook;
import vn.tonghop.export.xlsx.StyleSheet;
import vn.tonghop.export.xlsx.WorkbookPatch;
import vn.tonghop.export.xlsx.WorksheetWriter;
import vn.tonghop.layout.HeaderVocabulary;
import vn.tonghop.layout.LocatedTable;
import vn.tonghop.layout.TableLocator;
import vn.tonghop.load.Submission;
import vn.tonghop.normalise.Period;
import vn.tonghop.read.CloseableIterator;
import vn.tonghop.read.RawRow;
import vn.tonghop.read.SheetRef;
import vn.tonghop.read.TableFile;
import vn.tonghop.read.TableFiles;
import vn.tonghop.read.UnreadableFileException;
import vn.tonghop.validate.Issue;
import vn.tonghop.validate.Messages;

/**
 * {@code <name>.ketqua.xlsx}: the clerk's own workbook handed back with every cell that caused an error filled
 * red and every warning cell yellow, each with a comment (the reason and what to do), behind a first sheet that
 * sums up what happened to the file. The file she sent is only ever read.
 *
 * <p>Three ways to build it, by what the file is:
 * <ul>
 *   <li>an .xlsx or .xls of ordinary size is copied whole (an .xls into the .xlsx format), her formatting kept;</li>
 *   <li>a CSV, or a workbook too big to load (see {@link ResultWorkbookSettings}), has its rows streamed into a
 *       new workbook (values only, SXSSF), so memory stays bounded whatever the size; the summary says so;</li>
 *   <li>a file that cannot be read at all gets the summary sheet alone, with the reason.</li>
 * </ul>
 * Issues name their column by the header text the clerk wrote; the table is located again to find its index.
 */
@Component
public class ResultWorkbookWriter {

    /** How the marked-up copy was built. */
    public enum Mode {
        /** The clerk's workbook copied whole, formatting and formulas included. */
        COPY,
        /** The rows laid into a new workbook, values only (CSV, or a workbook too big to load whole). */
        VALUES,
        /** The file could not be read: the summary sheet only. */
        SUMMARY_ONLY
    }

    private static final Logger log = LoggerFactory.getLogger(ResultWorkbookWriter.class);
    /**
     * Above this much XML a workbook is streamed even when its zip is small: POI's XSSF usermodel needs some 30 to
     * 40 times the XML in heap to load and write it back (measured: 11 MB of XML, 240,000 cells, did not fit in
     * 256 MB), so 4 MB keeps a copy within about 150 MB. A district's file of 300 communes is well under 1 MB.
     */
    static final long MAX_COPIED_XML_BYTES = 4L * 1024 * 1024;
    /** An .xls is held twice while copied (HSSF and XSSF): copied whole up to 1 MB, streamed above. */
    static final long MAX_COPIED_XLS_BYTES = 1024L * 1024;
    private static final int PROBLEMS_LISTED = 500;
    private static final int WIDTH_SAMPLE_ROWS = 200;
    private static final DateTimeFormatter RECEIVED = DateTimeFormatter.ofPattern("HH:mm:ss dd/MM/yyyy");

    private final Messages messages;
    private final ResultWorkbookSettings settings;
    private final HeaderVocabulary vocabulary;

    /** @param vocabulary the form's header vocabulary, shared with the read step (it remembers the headers it has seen) */
    public ResultWorkbookWriter(Messages messages, ResultWorkbookSettings settings, HeaderVocabulary vocabulary) {
        this.messages = messages;
        this.settings = settings;
        this.vocabulary = vocabulary;
    }

    public boolean enabled() {
        return settings.workbook();
    }

    /**
     * The file opened again for its result, and where its table is. When the read step hands over the table it
     * found, a workbook that is copied whole is not opened a second time (only to stream rows, or when it must be).
     */
    private final class Opened implements AutoCloseable {
        private final Path source;
        private final Optional<TableFiles.Detected> detected;
        private Optional<LocatedTable> table;
        private boolean opened;
        private TableFile file;
        private String unreadable;

        Opened(Path source, Optional<LocatedTable> known, Optional<TableFiles.Detected> detected) {
            this.source = source;
            this.detected = detected;
            this.table = known.isPresent() ? known : null;
        }

        /** The file as the readers see it; null when it is gone or cannot be read (see {@link #unreadable()}). */
        TableFile file() {
            if (!opened) {
                opened = true;
                if (Files.isRegularFile(source)) {
                    try {
                        file = new TableFiles().open(source, detected);
                    } catch (UnreadableFileException e) {
                        unreadable = messages.get(e.reason().messageKey());
                    }
                }
            }
            return file;
        }

        Optional<LocatedTable> table() {
            if (table == null) {
                table = Optional.empty();
                if (file() != null) {
                    try {
                        table = new TableLocator(vocabulary).locate(file);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (RuntimeException e) {
                        log.debug("{}: table not located again: {}", source.getFileName(), e.toString());
                    }
                }
            }
            return table;
        }

        /** Why the file cannot be read, when it cannot. */
        String unreadable() {
            file();
            return unreadable;
        }

        /** Its format: as the read step recorded it when it handed over the table, else as it opens now (null: unreadable). */
        String format(Submission submission) {
            if (!opened && table != null && table.isPresent() && submission.format() != null && Files.isRegularFile(source)) {
                return submission.format();
            }
            return file() == null ? null : file.format();
        }

        @Override
        public void close() throws IOException {
            if (file != null) {
                file.close();
            }
        }
    }

    /** Writes the result of one file from issues in hand (sorted by row first, as the database gives them). */
    public Mode write(Path source, Path target, Submission submission, String office, List<Issue> issues) throws IOException {
        List<Issue> byRow = issues.stream()
                .sorted(Comparator.comparing(Issue::rowNumber, Comparator.nullsFirst(Comparator.naturalOrder()))).toList();
        return write(source, target, submission, office, byRow::stream);
    }

    /**
     * Writes the result of one file.
     *
     * @param source     the file as received (read only)
     * @param target     where the .ketqua.xlsx goes (written to a temporary name, then renamed)
     * @param submission its submission row: status, counts, detected format and period
     * @param office     the sending office as the clerk knows it ("Huyện Chợ Đồn (064)"), or null at the inbox root
     * @param issues     its errors and warnings in row order (problems of the whole file first), as a new stream on
     *                   every call: they are read a few times (to count them, then to mark each sheet), never all held
     */
    public Mode write(Path source, Path target, Submission submission, String office, Supplier<Stream<Issue>> issues) throws IOException {
        return write(source, target, submission, office, issues, Optional.empty(), Optional.empty());
    }

    /**
     * As {@link #write(Path, Path, Submission, String, Supplier)}, with the table the read step located in the file
     * (empty: it is located again).
     */
    public Mode write(Path source, Path target, Submission submission, String office, Supplier<Stream<Issue>> issues,
                      Optional<LocatedTable> located, Optional<TableFiles.Detected> detected) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        Mode mode;
        try (Opened opened = new Opened(source, located, detected)) {
            IssueCells cells = new IssueCells(opened.table());
            IssueCells.Tally tally;
            try (Stream<Issue> all = issues.get()) {
                tally = cells.tally(all, PROBLEMS_LISTED);
            }
            Marking marking = new Marking(cells, tally, issues);
            String format = opened.format(submission);
            mode = format == null ? Mode.SUMMARY_ONLY : mode(source, format, submission);
            while (true) {
                try {
                    if (mode == Mode.VALUES && opened.file() == null) {
                        mode = Mode.SUMMARY_ONLY; // the file went away or cannot be read now: the summary says what is known
                    }
                    build(mode, source, temporary, opened, marking, submission, office);
                    break;
                } catch (RuntimeException | IOException e) {
                    if (e instanceof UncheckedIOException || mode == Mode.SUMMARY_ONLY) {
                        throw e; // the disk, or a summary that cannot be written: not the clerk's file
                    }
                    // A workbook POI cannot copy must not cost the clerk her result: values, or at least the summary.
                    Mode fallback = mode == Mode.COPY ? Mode.VALUES : Mode.SUMMARY_ONLY;
                    log.warn("{}: marked-up copy ({}) failed ({}); writing {} instead", source.getFileName(), mode, e.toString(), fallback);
                    mode = fallback;
                }
            }
        }
        move(temporary, target);
        return mode;
    }

    /** The issues of a file: where they go, their tally, and a new stream of them for each pass. */
    private record Marking(IssueCells cells, IssueCells.Tally tally, Supplier<Stream<Issue>> issues) {

        /** Marks every cell the issues name on the sheets {@code sheets} accepts, one row of issues at a time. */
        void markRows(Predicate<String> sheets, java.util.function.Consumer<IssueCells.RowIssues> mark) {
            try (Stream<Issue> stream = issues.get()) {
                cells.rows(stream, sheets).forEachRemaining(mark);
            }
        }
    }

    /** Copy whole when the workbook is of a size to load; stream values otherwise (and always for CSV). */
    private Mode mode(Path source, String format, Submission submission) throws IOException {
        if (!"xlsx".equals(format) && !"xls".equals(format)) {
            return Mode.VALUES;
        }
        long size = Files.size(source);
        if (size > settings.streamAboveBytes() || submission.rowsRead() > settings.streamAboveRows()) {
            return Mode.VALUES;
        }
        boolean fits = "xls".equals(format) ? size <= MAX_COPIED_XLS_BYTES : sheetXmlBytes(source) <= MAX_COPIED_XML_BYTES;
        return fits ? Mode.COPY : Mode.VALUES;
    }

    /** How much XML the workbook's parts expand to, as their zip entries declare it. */
    private static long sheetXmlBytes(Path source) {
        try (ZipFile zip = new ZipFile(source.toFile())) {
            long total = 0;
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                total += Math.max(0, entry.getSize());
            }
            return total;
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    private void build(Mode mode, Path source, Path temporary, Opened opened, Marking marking, Submission submission, String office)
            throws IOException {
        switch (mode) {
            case COPY -> {
                String format = opened.format(submission);
                if ("xlsx".equals(format) && patched(source, temporary, opened, marking, submission, office)) {
                    return;
                }
                // an .xls, or a workbook the patch does not take on: copied with POI's usermodel
                try (Workbook workbook = copy(source, format)) {
                    markCopy(workbook, marking);
                    addSummaryFirst(workbook, Mode.COPY, opened, marking, submission, office);
                    save(workbook, temporary);
                }
            }
            case VALUES -> writeValues(temporary, opened, marking, submission, office);
            case SUMMARY_ONLY -> {
                try (NewWorkbook workbook = new NewWorkbook(temporary);
                     NewWorkbook.Sheet sheet = workbook.sheet(summaryName(Set.of()), false, SummarySheet.SETUP)) {
                    summary(SummarySheet.streamed(sheet.rows(), workbook.styles()), Mode.SUMMARY_ONLY, opened, marking, submission, office,
                            Map.of());
                }
            }
        }
    }

    /**
     * Her .xlsx handed back through {@link WorkbookPatch}: her parts copied as they are, the marked sheets streamed
     * through, the summary put first. False when the patch does not take this workbook on (POI copies it then).
     */
    private boolean patched(Path source, Path temporary, Opened opened, Marking marking, Submission submission, String office)
            throws IOException {
        WorkbookPatch patch;
        try {
            patch = WorkbookPatch.open(source, temporary);
        } catch (WorkbookPatch.Unsupported e) {
            log.debug("{}: copied with POI ({})", source.getFileName(), e.getMessage());
            return false;
        }
        try {
            List<String> names = patch.sheetNames();
            Set<String> taken = new HashSet<>();
            Map<String, String> sheetNames = new LinkedHashMap<>();
            for (String name : names) {
                taken.add(name.toLowerCase(Locale.ROOT));
                sheetNames.put(name, name);
            }
            try (WorkbookPatch.NewSheet summary = patch.summary(summaryName(taken), SummarySheet.SETUP)) {
                summary(SummarySheet.streamed(summary.rows(), patch.styles()), Mode.COPY, opened, marking, submission, office, sheetNames);
            }
            int[] commentsLeft = {settings.maxComments()};
            for (String name : names) {
                try (Stream<Issue> stream = marking.issues().get()) {
                    Iterator<Marks.Row> rows = marks(marking.cells().rows(stream, name::equals), commentsLeft);
                    if (rows.hasNext()) {
                        patch.mark(name, rows);
                    }
                }
            }
            patch.close();
            return true;
        } catch (IOException | RuntimeException e) {
            patch.abandon();
            Files.deleteIfExists(temporary);
            log.info("{}: result workbook not patched ({}); copying it with POI", source.getFileName(), e.toString());
            return false;
        }
    }

    /**
     * The marks of a sheet's rows: each cell its fill, and its comment while the file's comments last (the comment
     * budget {@code commentsLeft[0]} is shared by the file's sheets). Rows come once each, in ascending order.
     */
    private Iterator<Marks.Row> marks(Iterator<IssueCells.RowIssues> rows, int[] commentsLeft) {
        return new Iterator<>() {
            private IssueCells.RowIssues pending = rows.hasNext() ? rows.next() : null;

            @Override
            public boolean hasNext() {
                return pending != null;
            }

            @Override
            public Marks.Row next() {
                if (pending == null) {
                    throw new java.util.NoSuchElementException();
                }
                int row = pending.row();
                java.util.TreeMap<Integer, List<Issue>> byColumn = new java.util.TreeMap<>(pending.byColumn());
                pending = rows.hasNext() ? rows.next() : null;
                while (pending != null && pending.row() == row) {
                    pending.byColumn().forEach((column, issues) -> byColumn.computeIfAbsent(column, c -> new ArrayList<>()).addAll(issues));
                    pending = rows.hasNext() ? rows.next() : null;
                }
                List<Marks.Cell> cells = new ArrayList<>(byColumn.size());
                byColumn.forEach((column, issues) -> {
                    String comment = null;
                    if (commentsLeft[0] > 0) {
                        commentsLeft[0]--;
                        comment = CellMarker.commentText(messages, issues);
                    }
                    cells.add(new Marks.Cell(column, CellMarker.fillArgb(IssueCells.worst(issues)), comment));
                });
                return new Marks.Row(row, cells);
            }
        };
    }

    private static Workbook copy(Path source, String format) throws IOException {
        if ("xls".equals(format)) {
            try (POIFSFileSystem fs = new POIFSFileSystem(source.toFile(), true); HSSFWorkbook xls = new HSSFWorkbook(fs.getRoot(), true)) {
                return XlsCopier.copy(xls);
            }
        }
        try (InputStream in = Files.newInputStream(source)) {
            return new XSSFWorkbook(in); // read from a stream: the clerk's file itself is never opened for writing
        }
    }

    private void markCopy(Workbook workbook, Marking marking) {
        CellMarker marker = new CellMarker(workbook, messages, settings.maxComments());
        marking.markRows(name -> workbook.getSheet(name) != null, row -> {
            Sheet sheet = workbook.getSheet(row.sheet());
            row.byColumn().forEach((column, issues) -> marker.mark(sheet, row.row(), column, issues));
        });
    }

    private void addSummaryFirst(Workbook workbook, Mode mode, Opened opened, Marking marking, Submission submission, String office) {
        Set<String> names = new HashSet<>();
        Map<String, String> sheetNames = new LinkedHashMap<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            names.add(workbook.getSheetName(i).toLowerCase(Locale.ROOT));
            sheetNames.put(workbook.getSheetName(i), workbook.getSheetName(i));
            workbook.getSheetAt(i).setSelected(false);
        }
        String name = summaryName(names);
        Sheet sheet = workbook.createSheet(name);
        workbook.setSheetOrder(name, 0);
        workbook.setActiveSheet(0);
        workbook.setFirstVisibleTab(0);
        sheet.setSelected(true);
        summary(SummarySheet.poi(workbook, sheet), mode, opened, marking, submission, office, sheetNames);
    }

    /** "Tóm tắt", or "Tóm tắt (2)" when the clerk already has a sheet of that name. */
    private String summaryName(Set<String> taken) {
        String base = WorkbookUtil.createSafeSheetName(messages.get("ketqua.sheetName"));
        String name = base;
        for (int n = 2; taken.contains(name.toLowerCase(Locale.ROOT)); n++) {
            name = base + " (" + n + ")";
        }
        return name;
    }

    /** The summary first, then every sheet of the file streamed row by row, values only. */
    private void writeValues(Path temporary, Opened opened, Marking marking, Submission submission, String office) throws IOException {
        TableFile file = opened.file();
        Map<String, String> sheetNames = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        String summaryName = summaryName(Set.of());
        taken.add(summaryName.toLowerCase(Locale.ROOT));
        for (SheetRef ref : file.sheets()) {
            String name = WorkbookUtil.createSafeSheetName(ref.name());
            String unique = name;
            for (int n = 2; taken.contains(unique.toLowerCase(Locale.ROOT)); n++) {
                String suffix = " (" + n + ")";
                unique = name.substring(0, Math.min(name.length(), 31 - suffix.length())) + suffix;
            }
            taken.add(unique.toLowerCase(Locale.ROOT));
            sheetNames.put(ref.name(), unique);
        }
        try (NewWorkbook workbook = new NewWorkbook(temporary)) {
            try (NewWorkbook.Sheet sheet = workbook.sheet(summaryName, false, SummarySheet.SETUP)) {
                summary(SummarySheet.streamed(sheet.rows(), workbook.styles()), Mode.VALUES, opened, marking, submission, office, sheetNames);
            }
            int[] commentsLeft = {settings.maxComments()};
            for (SheetRef ref : file.sheets()) {
                int frozen = opened.table().filter(t -> t.sheet().equals(ref)).map(LocatedTable::headerLastRow).orElse(0);
                streamSheet(workbook, sheetNames.get(ref.name()), ref, frozen, file, marking, commentsLeft);
            }
        }
    }

    /**
     * One sheet's rows streamed into the copy, the marks of its issues merged in (cells and rows the clerk left empty
     * but an issue names are created where they belong). The first rows are held to size the columns.
     */
    private void streamSheet(NewWorkbook workbook, String name, SheetRef ref, int frozen, TableFile file, Marking marking,
                             int[] commentsLeft) throws IOException {
        StyleSheet styles = workbook.styles();
        int quoted = styles.quoted(0);
        int maxRow = SpreadsheetVersion.EXCEL2007.getLastRowIndex();
        int maxColumn = SpreadsheetVersion.EXCEL2007.getLastColumnIndex();
        try (Stream<Issue> stream = marking.issues().get(); CloseableIterator<RawRow> rows = file.rows(ref)) {
            List<RawRow> head = new ArrayList<>();
            while (head.size() < WIDTH_SAMPLE_ROWS && rows.hasNext()) {
                head.add(rows.next());
            }
            Map<Integer, Integer> sampled = new HashMap<>();
            for (RawRow raw : head) {
                List<String> values = raw.cells();
                for (int c = 0; c < values.size() && c <= maxColumn; c++) {
                    String text = values.get(c);
                    if (text != null && !text.isEmpty()) {
                        sampled.merge(c, Math.min(text.length(), 60), Math::max);
                    }
                }
            }
            Map<Integer, Integer> widths = new HashMap<>();
            sampled.forEach((column, chars) -> widths.put(column, Math.max(8, chars + 2)));
            Iterator<Marks.Row> marks = marks(marking.cells().rows(stream, ref.name()::equals), commentsLeft);
            try (NewWorkbook.Sheet sheet = workbook.sheet(name, ref.hidden(), new WorksheetWriter.Setup(false, frozen, widths, false))) {
                WorksheetWriter out = sheet.rows();
                Marks.Row next = marks.hasNext() ? marks.next() : null;
                Iterator<RawRow> all = java.util.stream.Stream.concat(head.stream(),
                        java.util.stream.StreamSupport.stream(java.util.Spliterators.spliteratorUnknownSize(rows, 0), false)).iterator();
                while (all.hasNext()) {
                    RawRow raw = all.next();
                    int index = raw.rowNumber() - 1;
                    if (index > maxRow) {
                        break; // a CSV longer than a worksheet: the rest is in the .ketqua.csv and the original
                    }
                    if (index <= out.lastRow()) {
                        continue;
                    }
                    while (next != null && next.row() < index) {
                        markedRow(out, sheet, next, styles);
                        next = marks.hasNext() ? marks.next() : null;
                    }
                    Marks.Row here = null;
                    if (next != null && next.row() == index) {
                        here = next;
                        next = marks.hasNext() ? marks.next() : null;
                    }
                    out.startRow(index, 0);
                    List<Marks.Cell> marked = here == null ? List.of() : here.cells();
                    int m = 0;
                    List<String> values = raw.cells();
                    for (int c = 0; c < values.size() && c <= maxColumn; c++) {
                        while (m < marked.size() && marked.get(m).column() < c) {
                            markedBlank(out, sheet, index, marked.get(m++), styles);
                        }
                        Marks.Cell mark = m < marked.size() && marked.get(m).column() == c ? marked.get(m++) : null;
                        String text = values.get(c);
                        if (text == null || text.isEmpty()) {
                            if (mark != null) {
                                markedBlank(out, sheet, index, mark, styles);
                            }
                            continue;
                        }
                        boolean number = isPlainNumber(text);
                        int style = number || !looksLikeFormula(text) ? 0 : quoted;
                        if (mark != null) {
                            style = styles.filled(style, mark.fillArgb());
                            if (mark.comment() != null) {
                                sheet.comments().add(index, c, mark.comment());
                            }
                        }
                        if (number) {
                            out.number(c, Double.parseDouble(text), style);
                        } else {
                            out.text(c, cellText(text), style);
                        }
                    }
                    while (m < marked.size()) {
                        markedBlank(out, sheet, index, marked.get(m++), styles);
                    }
                }
                while (next != null && next.row() <= maxRow) {
                    if (next.row() > out.lastRow()) {
                        markedRow(out, sheet, next, styles);
                    }
                    next = marks.hasNext() ? marks.next() : null;
                }
            }
        }
    }

    /** A row with nothing typed but cells an issue names. */
    private static void markedRow(WorksheetWriter out, NewWorkbook.Sheet sheet, Marks.Row row, StyleSheet styles) throws IOException {
        out.startRow(row.row(), 0);
        for (Marks.Cell cell : row.cells()) {
            markedBlank(out, sheet, row.row(), cell, styles);
        }
    }

    private static void markedBlank(WorksheetWriter out, NewWorkbook.Sheet sheet, int row, Marks.Cell mark, StyleSheet styles) {
        if (mark.column() > SpreadsheetVersion.EXCEL2007.getLastColumnIndex()) {
            return;
        }
        out.blank(mark.column(), styles.filled(0, mark.fillArgb()));
        if (mark.comment() != null) {
            sheet.comments().add(row, mark.column(), mark.comment());
        }
    }

    private void summary(SummarySheet.Target target, Mode mode, Opened opened, Marking marking, Submission submission,
                         String office, Map<String, String> sheetNames) {
        IssueCells.Tally tally = marking.tally();
        long errors = tally.errors();
        long warnings = tally.warnings();
        List<SummarySheet.Line> lines = new ArrayList<>();
        lines.add(line("file", submission.fileName()));
        lines.add(line("office", office == null ? messages.get("ketqua.summary.office.root") : office));
        lines.add(line("received", submission.receivedAt() == null ? ""
                : submission.receivedAt().atZoneSameInstant(ZoneId.systemDefault()).format(RECEIVED)));
        String format = submission.format() != null ? submission.format() : opened.file() == null ? null : opened.file().format();
        lines.add(line("format", format == null ? messages.get("ketqua.summary.unknown") : format.toUpperCase(Locale.ROOT)));
        // a workbook's is the legacy font the read step found, if any, as recorded: it is not opened again to be asked
        String encoding = submission.encoding() != null || (format != null && !"csv".equals(format)) ? submission.encoding()
                : opened.file() == null ? null : opened.file().encoding();
        lines.add(line("encoding", encoding != null ? encoding
                : format != null && !"csv".equals(format) ? messages.get("ketqua.summary.encoding.excel") : messages.get("ketqua.summary.unknown")));
        lines.add(line("sheet", sheetRead(opened, submission, sheetNames)));
        lines.add(line("period", period(submission, opened)));
        lines.add(line("rowsAccepted", Integer.toString(submission.rowsAccepted())));
        lines.add(line("rowsRejected", Integer.toString(submission.rowsRejected())));
        lines.add(line("errors", Long.toString(errors)));
        lines.add(line("warnings", Long.toString(warnings)));
        lines.add(line("superseded", Integer.toString(submission.reportsSuperseded())));
        String reason = fileReason(submission, opened);
        if (reason != null) {
            lines.add(line("reason", reason));
        }
        List<String> notes = new ArrayList<>();
        if (mode == Mode.VALUES && format != null && !"csv".equals(format)) {
            notes.add(messages.get("ketqua.note.streamed", megabytes(submission.sizeBytes()), submission.rowsRead()));
        } else if (mode == Mode.VALUES) {
            notes.add(messages.get("ketqua.note.csv"));
        }
        int marked = tally.markedCells();
        if (marked > settings.maxComments()) {
            notes.add(messages.get("ketqua.note.comments", settings.maxComments(), marked - settings.maxComments()));
        }
        new SummarySheet(target, messages).write(outcome(submission), tone(submission), lines, notes, tally.listed(), tally.total(),
                sheetNames);
    }

    private SummarySheet.Line line(String key, String value) {
        return new SummarySheet.Line(messages.get("ketqua.summary." + key), value == null ? "" : value);
    }

    /** @param sheetNames the clerk's sheets as the result holds them (empty when it holds none of them) */
    private String sheetRead(Opened opened, Submission submission, Map<String, String> sheetNames) {
        if (opened.table().isPresent()) {
            SheetRef sheet = opened.table().get().sheet();
            int sheets = !sheetNames.isEmpty() ? sheetNames.size() : opened.file() == null ? 1 : opened.file().sheets().size();
            List<String> otherTables = opened.table().get().otherTables();
            int others = sheets - 1 - otherTables.size();
            String text = messages.get(sheet.hidden() ? "ketqua.summary.sheet.hidden" : "ketqua.summary.sheet.visible", sheet.name(),
                    opened.table().get().headerLastRow());
            if (!otherTables.isEmpty()) {
                text += " " + messages.get("ketqua.summary.sheet.otherTables", otherTables.size(),
                        String.join(", ", otherTables.stream().map(name -> "\"" + name + "\"").toList()));
            }
            return others > 0 ? text + " " + messages.get("ketqua.summary.sheet.others", others) : text;
        }
        return submission.sheet() != null ? submission.sheet() : messages.get("ketqua.summary.sheet.none");
    }

    private String period(Submission submission, Opened opened) {
        if (submission.periodCode() != null) {
            return messages.period(Period.fromCode(submission.periodCode()));
        }
        boolean column = opened.table().map(t -> t.roleColumns().containsKey(vn.tonghop.form.ColumnRole.PERIOD)).orElse(false);
        return messages.get(column && "applied".equals(submission.status()) ? "ketqua.summary.period.perRow" : "ketqua.summary.period.none");
    }

    /** Why the file was refused whole, if it was: the submission's reason, else the reading failure. */
    private static String fileReason(Submission submission, Opened opened) {
        if ("rejected".equals(submission.status()) || "duplicate".equals(submission.status())) {
            return submission.rejectReason() != null ? submission.rejectReason() : opened.unreadable();
        }
        return null;
    }

    private String outcome(Submission submission) {
        return switch (submission.status()) {
            case "duplicate" -> messages.get("ketqua.outcome.duplicate");
            case "rejected" -> messages.get("ketqua.outcome.rejected");
            default -> {
                if (submission.rowsAccepted() == 0 && submission.rowsRejected() == 0) {
                    yield messages.get("ketqua.outcome.empty");
                }
                if (submission.rowsAccepted() == 0) {
                    yield messages.get("ketqua.outcome.noRows", submission.rowsRejected());
                }
                if (submission.rowsRejected() > 0) {
                    yield messages.get("ketqua.outcome.partial", submission.rowsAccepted(), submission.rowsRejected());
                }
                yield messages.get("ketqua.outcome.accepted", submission.rowsAccepted());
            }
        };
    }

    private static SummarySheet.Tone tone(Submission submission) {
        return switch (submission.status()) {
            case "duplicate" -> SummarySheet.Tone.PARTIAL;
            case "rejected" -> SummarySheet.Tone.BAD;
            default -> submission.rowsAccepted() == 0 ? SummarySheet.Tone.BAD
                    : submission.rowsRejected() > 0 ? SummarySheet.Tone.PARTIAL : SummarySheet.Tone.GOOD;
        };
    }

    /** "6,3 MB", as Vietnamese (and the English bundle's readers of these files) write decimals. */
    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0)).replace('.', ',');
    }

    /** Text as a cell can hold it (at most 32,767 characters). */
    static String cellText(String text) {
        if (text == null) {
            return "";
        }
        int max = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /**
     * A whole number as a CSV holds it plainly ({@code 0}, {@code 1800}; not {@code 07}, {@code 1.800} nor more than
     * 15 digits, which a double would round): written as a number cell. Checked by hand, as it is for every cell of
     * every CSV: a regular expression's matcher was 0.6 GB of garbage a national run.
     */
    static boolean isPlainNumber(String text) {
        int length = text.length();
        if (length == 0 || length > 15 || (length > 1 && text.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Text a spreadsheet would take for a formula if it were typed: it is written as text, quote-prefixed. */
    static boolean looksLikeFormula(String text) {
        return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0;
    }

    private static void save(Workbook workbook, Path temporary) throws IOException {
        try (OutputStream out = Files.newOutputStream(temporary)) {
            workbook.write(out);
        }
    }

    private static void move(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
