package vn.tonghop.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipFile;


import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * An .xlsx workbook read by streaming (POI's event API), so a 200,000-row sheet costs one row of memory. Its
 * shared strings and styles are loaded once when opened; each {@link #rows} call parses the sheet anew on a
 * reader thread of its own (see {@link XlsxRows}).
 *
 * <p>The package is opened read-only and left unchanged. POI's zip-bomb guard ({@code ZipSecureFile}) is kept
 * at its defaults: a part expanding more than 100 times its compressed size is refused.
 */
final class XlsxTableFile implements TableFile {

    private static final String RELATIONSHIPS_NS =
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private record Worksheet(SheetRef ref, PackagePart part) {
    }

    private final String fileName;
    private final OPCPackage pkg;
    private final XlsxSheetParser parser;
    private final List<Worksheet> worksheets;
    /** Each sheet's header merges, found on its first read (on a reader thread). */
    private final Map<String, List<CellRangeAddress>> merges = new ConcurrentHashMap<>();
    private final Set<XlsxRows> open = new LinkedHashSet<>();
    private boolean closed;

    private XlsxTableFile(String fileName, OPCPackage pkg, XlsxSheetParser parser, List<Worksheet> worksheets) {
        this.fileName = fileName;
        this.pkg = pkg;
        this.parser = parser;
        this.worksheets = worksheets;
    }

    static XlsxTableFile open(Path file) throws UnreadableFileException {
        String name = file.getFileName().toString();
        ZipIntegrity.verify(file);
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (Exception e) {
            UnreadableFileException failure = failure(name, e);
            if (failure.reason() == UnreadableReason.CORRUPT && isWholeZip(file)) {
                throw new UnreadableFileException(UnreadableReason.NOT_A_SPREADSHEET,
                        "File " + name + " is a sound zip archive but not an Office workbook: " + e, e);
            }
            throw failure;
        }
        try {
            PackagePart workbookPart = workbookPart(pkg, name);
            XSSFReader reader = new XSSFReader(pkg);
            SharedStringsPart strings = sharedStrings(pkg);
            NumberFormatsPart formats = numberFormats(pkg);
            WorkbookHandler workbook = new WorkbookHandler();
            try (InputStream in = reader.getWorkbookData()) {
                XMLReader xml = SecureXml.newReader();
                xml.setContentHandler(workbook);
                xml.parse(new InputSource(in));
            }
            List<Worksheet> worksheets = new ArrayList<>();
            for (SheetEntry sheet : workbook.sheets) {
                PackageRelationship rel = sheet.relationshipId() == null ? null
                        : workbookPart.getRelationship(sheet.relationshipId());
                if (rel != null && XSSFRelation.WORKSHEET.getRelation().equals(rel.getRelationshipType())) {
                    PackagePart part = workbookPart.getRelatedPart(rel);
                    if (part == null) {
                        throw new UnreadableFileException(UnreadableReason.CORRUPT,
                                "Workbook " + name + " lists sheet '" + sheet.name() + "' but its part is missing");
                    }
                    worksheets.add(new Worksheet(
                            new SheetRef(sheet.name(), worksheets.size(), !"visible".equals(sheet.state())), part));
                }
            }
            XlsxTableFile table = new XlsxTableFile(name, pkg,
                    new XlsxSheetParser(formats, strings, workbook.date1904),
                    List.copyOf(worksheets));
            table.requireData();
            return table;
        } catch (UnreadableFileException e) {
            pkg.revert();
            throw e;
        } catch (Exception e) {
            pkg.revert();
            throw failure(name, e);
        }
    }

    /** The workbook's shared strings, found as POI finds them (by content type); none in a workbook without text. */
    private static SharedStringsPart sharedStrings(OPCPackage pkg) throws Exception {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return SharedStringsPart.empty();
        }
        try (InputStream in = parts.get(0).getInputStream()) {
            return SharedStringsPart.read(in);
        }
    }

    /** The number formats of the workbook's cell styles, from the styles part POI would load (by content type). */
    private static NumberFormatsPart numberFormats(OPCPackage pkg) throws Exception {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.STYLES.getContentType());
        if (parts.isEmpty()) {
            return NumberFormatsPart.none();
        }
        try (InputStream in = parts.get(0).getInputStream()) {
            return NumberFormatsPart.read(in);
        }
    }

    /** Whether a zip archive is complete (its central directory readable), i.e. not truncated. */
    private static boolean isWholeZip(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.size() >= 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The workbook part, refusing packages whose main part is not a workbook (a .docx, a .pptx). */
    private static PackagePart workbookPart(OPCPackage pkg, String name) throws UnreadableFileException {
        PackageRelationshipCollection core = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT);
        PackagePart part = core.size() == 0 ? null : pkg.getPart(core.getRelationship(0));
        if (part == null || !part.getContentType().contains("spreadsheetml")
                && !part.getContentType().contains("ms-excel")) {
            throw new UnreadableFileException(UnreadableReason.NOT_A_SPREADSHEET, "File " + name
                    + " is an Office Open XML package but not a workbook"
                    + (part == null ? "" : " (main part " + part.getContentType() + ")"));
        }
        return part;
    }

    /** Refuses a workbook whose every sheet is blank, reading each only up to its first non-blank cell. */
    private void requireData() throws Exception {
        for (Worksheet sheet : worksheets) {
            try (InputStream in = sheet.part().getInputStream()) {
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
        pkg.revert();
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
        String key = worksheet.part().getPartName().getName();
        List<CellRangeAddress> headerMerges = merges.get(key);
        if (headerMerges == null) {
            try (InputStream in = worksheet.part().getInputStream()) {
                headerMerges = XlsxSheetParser.headerMerges(in);
            }
            merges.put(key, headerMerges);
        }
        MergedHeaderFill fill = new MergedHeaderFill(headerMerges);
        try (InputStream in = worksheet.part().getInputStream()) {
            parser.parse(in, (row, cells) -> fill.accept(row, cells, sink));
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
