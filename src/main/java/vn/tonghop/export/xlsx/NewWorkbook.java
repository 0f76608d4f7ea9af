package vn.tonghop.export.xlsx;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A new result workbook, written sheet after sheet straight into its zip: the first sheet added is the one that opens.
 * Memory holds one sheet's pending comments and links, never its rows.
 */
public final class NewWorkbook implements AutoCloseable {

    private record SheetEntry(String name, boolean hidden) {
    }

    private final PackageWriter zip;
    private final StyleSheet styles = StyleSheet.fresh();
    private final List<SheetEntry> sheets = new ArrayList<>();
    private final Map<Integer, String> printTitles = new LinkedHashMap<>();
    private Sheet open;
    private boolean closed;
    private int charts;
    private String title;
    private String creator;

    public NewWorkbook(Path target) throws IOException {
        this.zip = new PackageWriter(target);
    }

    public StyleSheet styles() {
        return styles;
    }

    /** One sheet being written: its rows, then its comments; {@link #close()} ends it. */
    public final class Sheet implements AutoCloseable {
        private final int number;
        private final Writer writer;
        private final WorksheetWriter rows;
        private final SheetComments comments = new SheetComments();

        private Sheet(int number, WorksheetWriter.Setup setup) throws IOException {
            this.number = number;
            this.writer = zip.textPart("xl/worksheets/sheet" + number + ".xml", PackageWriter.WORKSHEET);
            this.rows = new WorksheetWriter(writer, setup);
        }

        public WorksheetWriter rows() {
            return rows;
        }

        public SheetComments comments() {
            return comments;
        }

        @Override
        public void close() throws IOException {
            rows.finish(comments.isEmpty() ? null : "rId1");
            writer.close();
            open = null;
            if (!comments.isEmpty()) {
                zip.part("xl/comments" + number + ".xml", comments.commentsPart(Marks.AUTHOR), PackageWriter.COMMENTS);
                zip.part("xl/drawings/vmlDrawing" + number + ".vml", comments.vmlPart(number), null);
                Map<String, String[]> rels = new LinkedHashMap<>();
                rels.put("rId1", new String[] {PackageWriter.REL_VML, "../drawings/vmlDrawing" + number + ".vml"});
                rels.put("rId2", new String[] {PackageWriter.REL_COMMENTS, "../comments" + number + ".xml"});
                zip.part("xl/worksheets/_rels/sheet" + number + ".xml.rels", PackageWriter.relationships(rels), null);
            }
        }
    }

    /** Starts the next sheet (the previous one must be closed). */
    public Sheet sheet(String name, boolean hidden, WorksheetWriter.Setup setup) throws IOException {
        if (open != null) {
            throw new IllegalStateException("sheet " + sheets.get(sheets.size() - 1).name() + " is still open");
        }
        sheets.add(new SheetEntry(name, hidden));
        open = new Sheet(sheets.size(), setup);
        return open;
    }

    /**
     * Adds a sheet built in memory, with its charts, after the sheets written so far (the first sheet of a workbook
     * is selected).
     */
    public void add(BufferedSheet sheet) throws IOException {
        if (open != null) {
            throw new IllegalStateException("sheet " + sheets.get(sheets.size() - 1).name() + " is still open");
        }
        sheets.add(new SheetEntry(sheet.name(), false));
        int number = sheets.size();
        String part = "xl/worksheets/sheet" + number + ".xml";
        String drawing = sheet.charts().isEmpty() ? null : "rId1";
        try (Writer writer = zip.textPart(part, PackageWriter.WORKSHEET)) {
            sheet.write(writer, number == 1, drawing);
        }
        if (sheet.printTitles() != null) {
            printTitles.put(number - 1, sheet.printTitles());
        }
        if (drawing != null) {
            String drawingName = "drawing" + number + ".xml";
            zip.part("xl/drawings/" + drawingName, BarChart.drawingPart(sheet.charts()), DRAWING);
            Map<String, String[]> drawingRels = new LinkedHashMap<>();
            for (BufferedSheet.PlacedChart placed : sheet.charts()) {
                int chart = ++charts;
                zip.part("xl/charts/chart" + chart + ".xml", placed.chart().part(), CHART);
                drawingRels.put("rId" + (drawingRels.size() + 1), new String[] {REL_CHART, "../charts/chart" + chart + ".xml"});
            }
            zip.part("xl/drawings/_rels/" + drawingName + ".rels", PackageWriter.relationships(drawingRels), null);
            zip.part("xl/worksheets/_rels/sheet" + number + ".xml.rels",
                    PackageWriter.relationships(Map.of("rId1", new String[] {REL_DRAWING, "../drawings/" + drawingName})), null);
        }
    }

    /** The document's title and author, as a spreadsheet shows them in its properties. */
    public void properties(String documentTitle, String documentCreator) {
        this.title = documentTitle;
        this.creator = documentCreator;
    }

    private static final String DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
    private static final String CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
    private static final String CORE = "application/vnd.openxmlformats-package.core-properties+xml";
    private static final String REL_DRAWING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
    private static final String REL_CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
    private static final String REL_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";

    /** Writes the workbook's own parts and closes the zip. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (open != null) {
                open.close();
            }
            StringBuilder workbook = new StringBuilder(512);
            workbook.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook xmlns=\"").append(StyleSheet.MAIN)
                    .append("\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">")
                    .append("<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>");
            Map<String, String[]> rels = new LinkedHashMap<>();
            for (int i = 0; i < sheets.size(); i++) {
                String id = "rId" + (i + 1);
                workbook.append("<sheet name=\"");
                XmlText.append(workbook, sheets.get(i).name()).append("\" sheetId=\"").append(i + 1).append('"');
                if (sheets.get(i).hidden()) {
                    workbook.append(" state=\"hidden\"");
                }
                workbook.append(" r:id=\"").append(id).append("\"/>");
                rels.put(id, new String[] {PackageWriter.REL_WORKSHEET, "worksheets/sheet" + (i + 1) + ".xml"});
            }
            workbook.append("</sheets>");
            if (!printTitles.isEmpty()) {
                workbook.append("<definedNames>");
                printTitles.forEach((index, formula) -> {
                    workbook.append("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"").append(index).append("\">");
                    XmlText.append(workbook, formula).append("</definedName>");
                });
                workbook.append("</definedNames>");
            }
            workbook.append("</workbook>");
            rels.put("rId" + (sheets.size() + 1), new String[] {PackageWriter.REL_STYLES, "styles.xml"});
            zip.part("xl/workbook.xml", workbook.toString().getBytes(StandardCharsets.UTF_8), PackageWriter.WORKBOOK);
            zip.part("xl/_rels/workbook.xml.rels", PackageWriter.relationships(rels), null);
            zip.part("xl/styles.xml", styles.bytes(), PackageWriter.STYLES);
            Map<String, String[]> packageRels = new LinkedHashMap<>();
            packageRels.put("rId1", new String[] {PackageWriter.REL_OFFICE_DOCUMENT, "xl/workbook.xml"});
            if (title != null || creator != null) {
                StringBuilder core = new StringBuilder(512);
                core.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"")
                        .append("http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"")
                        .append(" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">");
                if (title != null) {
                    XmlText.append(core.append("<dc:title>"), title).append("</dc:title>");
                }
                if (creator != null) {
                    XmlText.append(core.append("<dc:creator>"), creator).append("</dc:creator>");
                }
                core.append("<dcterms:created xsi:type=\"dcterms:W3CDTF\">")
                        .append(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).append("</dcterms:created>")
                        .append("</cp:coreProperties>");
                zip.part("docProps/core.xml", core.toString().getBytes(StandardCharsets.UTF_8), CORE);
                packageRels.put("rId2", new String[] {REL_CORE, "docProps/core.xml"});
            }
            zip.part("_rels/.rels", PackageWriter.relationships(packageRels), null);
            zip.part("[Content_Types].xml", zip.freshContentTypes(), null);
        } finally {
            zip.close();
        }
    }
}
