package vn.tonghop.read;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.ss.util.CellRangeAddress;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * An .xlsx workbook read by streaming (POI's event API for the sheets), so a 200,000-row sheet costs one row of
 * memory. Its package ({@link XlsxPackage}), shared strings and number formats are read once when opened; each
 * {@link #rows} call parses the sheet anew on a reader thread of its own (see {@link XlsxRows}).
 *
 * <p>The package is opened read-only and left unchanged. POI's zip-bomb limits ({@code ZipSecureFile}'s defaults)
 * are held to before anything is inflated ({@link ZipIntegrity}): a part expanding more than 100 times its
 * compressed size is refused.
 */
final class XlsxTableFile implements TableFile {

    private static final String RELATIONSHIPS_NS =
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private record Worksheet(SheetRef ref, String part) {
    }

    private final String fileName;
    private final XlsxPackage pkg;
    private final XlsxSheetParser parser;
    private final List<Worksheet> worksheets;
    /** Each sheet's header merges, found on its first read (on a reader thread). */
    private final Map<String, List<CellRangeAddress>> merges = new ConcurrentHashMap<>();
    private final Set<XlsxRows> open = new LinkedHashSet<>();
    private boolean closed;

    private XlsxTableFile(String fileName, XlsxPackage pkg, XlsxSheetParser parser, List<Worksheet> worksheets) {
        this.fileName = fileName;
        this.pkg = pkg;
        this.parser = parser;
        this.worksheets = worksheets;
    }

    static XlsxTableFile open(Path file) throws UnreadableFileException {
        String name = file.getFileName().toString();
        XlsxPackage pkg = XlsxPackage.open(file);
        try {
            String workbookPart = pkg.workbookPart();
            SharedStringsPart strings = sharedStrings(pkg);
            NumberFormatsPart formats = numberFormats(pkg);
            WorkbookHandler workbook = new WorkbookHandler();
            try (InputStream in = pkg.open(workbookPart)) {
                SecureXml.parse(in, workbook);
            }
            Map<String, XlsxPackage.Relationship> relationships = pkg.relationshipsById(workbookPart);
            List<Worksheet> worksheets = new ArrayList<>();
            for (SheetEntry sheet : workbook.sheets) {
                XlsxPackage.Relationship rel = sheet.relationshipId() == null ? null : relationships.get(sheet.relationshipId());
                if (rel != null && XlsxPackage.WORKSHEET.equals(rel.type()) && !rel.external()) {
                    if (!pkg.exists(rel.target())) {
                        throw new UnreadableFileException(UnreadableReason.CORRUPT,
                                "Workbook " + name + " lists sheet '" + sheet.name() + "' but its part is missing");
                    }
                    worksheets.add(new Worksheet(
                            new SheetRef(sheet.name(), worksheets.size(), !"visible".equals(sheet.state())), rel.target()));
                }
            }
            XlsxTableFile table = new XlsxTableFile(name, pkg, new XlsxSheetParser(formats, strings, workbook.date1904),
                    List.copyOf(worksheets));
            table.requireData();
            return table;
        } catch (UnreadableFileException e) {
            pkg.close();
            throw e;
        } catch (Exception e) {
            pkg.close();
            throw failure(name, e);
        }
    }

    /** The workbook's shared strings, found as POI finds them (by content type); none in a workbook without text. */
    private static SharedStringsPart sharedStrings(XlsxPackage pkg) throws Exception {
        var part = pkg.partOfType(XlsxPackage.SHARED_STRINGS_TYPE);
        if (part.isEmpty()) {
            return SharedStringsPart.empty();
        }
        try (InputStream in = pkg.open(part.get())) {
            return SharedStringsPart.read(in);
        }
    }

    /** The number formats of the workbook's cell styles, from the styles part POI would load (by content type). */
    private static NumberFormatsPart numberFormats(XlsxPackage pkg) throws Exception {
        var part = pkg.partOfType(XlsxPackage.STYLES_TYPE);
        if (part.isEmpty()) {
            return NumberFormatsPart.none();
        }
        try (InputStream in = pkg.open(part.get())) {
            return NumberFormatsPart.read(in);
        }
    }

    /** Refuses a workbook whose every sheet is blank, reading each only up to its first non-blank cell. */
    private void requireData() throws Exception {
        for (Worksheet sheet : worksheets) {
            try (InputStream in = pkg.open(sheet.part())) {
                parser.parse(in, (row, cells) -> {
                    for (String cell : cells) {
                        if (!cell.isEmpty()) {
                            throw new XlsxSheetParser.Stop();
                        }
                    }
                });
            } catch (XlsxSheetParser.Stop found) {
                return;
            } catch (SAXException e) {
                if (e.getCause() instanceof XlsxSheetParser.Stop) {
                    return;
                }
                throw e;
            }
        }
        throw new UnreadableFileException(UnreadableReason.EMPTY_WORKBOOK,
                "Workbook " + fileName + " has no data: all " + worksheets.size() + " sheet(s) are blank");
    }

    @Override
    public List<SheetRef> sheets() {
        return worksheets.stream().map(Worksheet::ref).toList();
    }

    @Override
    public CloseableIterator<RawRow> rows(SheetRef sheet) {
        Worksheet worksheet = worksheets.stream().filter(w -> w.ref().equals(sheet)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No sheet " + sheet + " in " + fileName));
        long xml = pkg.size(worksheet.part());
        if (xml >= 0 && xml <= XlsxRows.HELD_MAX_XML_BYTES) {
            XlsxRows rows = new XlsxRows(fileName, sheet.name(), sink -> parseWhole(worksheet, sink), this::forget);
            rows.parseHere();
            return rows;
        }
        XlsxRows rows = new XlsxRows(fileName, sheet.name(), sink -> parseSheet(worksheet, sink), this::forget);
        synchronized (open) {
            open.add(rows);
        }
        rows.start();
        return rows;
    }

    @Override
    public String format() {
        return "xlsx";
    }

    @Override
    public String encoding() {
        return null;
    }

    @Override
    public char delimiter() {
        return 0;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<XlsxRows> running;
        synchronized (open) {
            running = new ArrayList<>(open);
        }
        running.forEach(XlsxRows::close);
        pkg.close();
    }

    private void forget(XlsxRows rows) {
        synchronized (open) {
            open.remove(rows);
        }
    }

    /** The English message and Vietnamese reason for whatever POI threw while reading this workbook. */
    static UnreadableFileException failure(String name, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("Zip bomb") || message.contains("would exceed the max")) {
                return new UnreadableFileException(UnreadableReason.ZIP_BOMB,
                        "Workbook " + name + " looks like a zip bomb: " + message, e);
            }
            if (t instanceof EncryptedDocumentException) {
                return new UnreadableFileException(UnreadableReason.PASSWORD_PROTECTED,
                        "Workbook " + name + " is password-protected: " + message, e);
            }
            if (t instanceof SAXParseException && message.contains("DOCTYPE")) {
                return new UnreadableFileException(UnreadableReason.UNSAFE_XML,
                        "Workbook " + name + " declares a DOCTYPE (entities) in its XML, which is refused: " + message, e);
            }
            if (t instanceof NotOfficeXmlFileException) {
                return new UnreadableFileException(UnreadableReason.NOT_A_SPREADSHEET,
                        "File " + name + " is a zip archive but not an Office workbook: " + message, e);
            }
        }
        return new UnreadableFileException(UnreadableReason.CORRUPT,
                "Workbook " + name + " is damaged or truncated: " + e, e);
    }

    /**
     * Streams a sheet into the sink (on a reader thread), spreading its merged header cells. The merges are
     * stored after the rows, so the first read of a sheet scans its bytes once for them.
     */
    private void parseSheet(Worksheet worksheet, MergedHeaderFill.RowSink sink) throws Exception {
        String key = worksheet.part();
        List<CellRangeAddress> headerMerges = merges.get(key);
        if (headerMerges == null) {
            try (InputStream in = pkg.open(key)) {
                headerMerges = XlsxSheetParser.headerMerges(in);
            }
            merges.put(key, headerMerges);
        }
        MergedHeaderFill fill = new MergedHeaderFill(headerMerges);
        try (InputStream in = pkg.open(key)) {
            parser.parse(in, (row, cells) -> fill.accept(row, cells, sink));
        }
        fill.finish(sink);
    }

    /** A stored row of a sheet parsed whole, before its header merges are spread. */
    private record StoredRow(int index, List<String> cells) {
    }

    /**
     * Parses a sheet small enough to hold in one pass (on the reading thread): its rows are kept as they are read and the
     * header merges noted as the parse reaches them, after the rows, then the merges are spread over the kept rows.
     */
    private void parseWhole(Worksheet worksheet, MergedHeaderFill.RowSink sink) throws Exception {
        List<StoredRow> stored = new ArrayList<>();
        List<CellRangeAddress> headerMerges = new ArrayList<>();
        try (InputStream in = pkg.open(worksheet.part())) {
            parser.parse(in, (row, cells) -> stored.add(new StoredRow(row, cells)), headerMerges);
        }
        MergedHeaderFill fill = new MergedHeaderFill(headerMerges);
        for (StoredRow row : stored) {
            fill.accept(row.index(), row.cells(), sink);
        }
        fill.finish(sink);
    }

    /** A {@code <sheet>} entry of the workbook part; {@code state} is visible, hidden or veryHidden. */
    private record SheetEntry(String name, String relationshipId, String state) {
    }

    /** Reads the {@code <sheet>} entries, in workbook order, and the 1904 date flag. */
    private static final class WorkbookHandler extends DefaultHandler {

        private final List<SheetEntry> sheets = new ArrayList<>();
        private boolean date1904;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            if ("sheet".equals(localName)) {
                String state = attributes.getValue("state");
                sheets.add(new SheetEntry(attributes.getValue("name"), attributes.getValue(RELATIONSHIPS_NS, "id"),
                        state == null ? "visible" : state));
            } else if ("workbookPr".equals(localName)) {
                String flag = attributes.getValue("date1904");
                date1904 = "1".equals(flag) || "true".equalsIgnoreCase(flag);
            }
        }
    }
}
