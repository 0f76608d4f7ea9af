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
    private Sheet open;
    private boolean closed;

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
            workbook.append("</sheets></workbook>");
            rels.put("rId" + (sheets.size() + 1), new String[] {PackageWriter.REL_STYLES, "styles.xml"});
            zip.part("xl/workbook.xml", workbook.toString().getBytes(StandardCharsets.UTF_8), PackageWriter.WORKBOOK);
            zip.part("xl/_rels/workbook.xml.rels", PackageWriter.relationships(rels), null);
            zip.part("xl/styles.xml", styles.bytes(), PackageWriter.STYLES);
            zip.part("_rels/.rels", PackageWriter.relationships(Map.of("rId1", new String[] {PackageWriter.REL_OFFICE_DOCUMENT, "xl/workbook.xml"})),
                    null);
            zip.part("[Content_Types].xml", zip.freshContentTypes(), null);
        } finally {
            zip.close();
        }
    }
}
