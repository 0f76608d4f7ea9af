package vn.tonghop.export.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A worksheet part rewritten tag by tag: the marks land where SpreadsheetML wants them whatever the writer of the
 * part did (a prefix for the main namespace, cells and rows without {@code r}, self-closing rows, an empty sheetData,
 * a {@code >} inside an attribute, comments), and everything else stays byte for byte.
 */
class SheetMarkerTest {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /** Her style index s becomes 100 + s for a red fill, 200 + s for a yellow one. */
    private static String mark(String xml, SheetComments comments, Marks.Row... rows) throws IOException {
        SheetMarker marker = new SheetMarker(xml.getBytes(StandardCharsets.UTF_8), List.of(rows).iterator(),
                (style, argb) -> (argb.equals("R") ? 100 : 200) + style, comments, "rIdX");
        return new String(marker.run(), StandardCharsets.UTF_8);
    }

    private static Marks.Row row(int row, Marks.Cell... cells) {
        return new Marks.Row(row, List.of(cells));
    }

    @Test
    void run_whenCellsOfHersAreMarked_thenOnlyTheirStylesChangeAndTheDrawingFollowsHerPageSetup() throws IOException {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"" + MAIN + "\" xmlns:r=\"" + REL + "\">"
                + "<dimension ref=\"A1:C2\"/><sheetViews><sheetView tabSelected=\"1\" workbookViewId=\"0\"/></sheetViews>"
                + "<sheetData><row r=\"1\" spans=\"1:3\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" s=\"4\"><v>12</v></c></row>"
                + "<row r=\"2\"><c r=\"C2\"><f>SUM(B1:B1)</f><v>12</v></c></row></sheetData>"
                + "<pageMargins left=\"0.7\"/><pageSetup paperSize=\"9\"/><tableParts count=\"0\"/></worksheet>";
        SheetComments comments = new SheetComments();

        String result = mark(xml, comments, row(0, new Marks.Cell(1, "R", "Lỗi: không phải số.")), row(1, new Marks.Cell(0, "Y", null)));

        assertThat(result).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"" + MAIN
                + "\" xmlns:r=\"" + REL + "\"><sheetViews><sheetView workbookViewId=\"0\"/></sheetViews>"
                + "<sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" s=\"104\"><v>12</v></c></row>"
                + "<row r=\"2\"><c r=\"A2\" s=\"200\"/><c r=\"C2\"><f>SUM(B1:B1)</f><v>12</v></c></row></sheetData>"
                + "<pageMargins left=\"0.7\"/><pageSetup paperSize=\"9\"/><legacyDrawing r:id=\"rIdX\"/><tableParts count=\"0\"/></worksheet>");
        assertThat(comments.size()).isEqualTo(1);
    }

    @Test
    void run_whenHerPartUsesAPrefixAndLeavesOutReferences_thenNewCellsAndRowsFollowHerWay() throws IOException {
        String xml = "<x:worksheet xmlns:x=\"" + MAIN + "\"><!-- <c r=\"Z9\"/> --><x:sheetData>"
                + "<x:row><x:c><x:v>1</x:v></x:c><x:c s=\"2\" note=\"a>b\"><x:v>2</x:v></x:c></x:row>"
                + "<x:row r=\"3\" ht=\"20\" customHeight=\"1\"/></x:sheetData></x:worksheet>";
        SheetComments comments = new SheetComments();

        String result = mark(xml, comments, row(0, new Marks.Cell(1, "R", "a"), new Marks.Cell(3, "R", "b")),
                row(1, new Marks.Cell(0, "Y", "c")), row(2, new Marks.Cell(4, "R", null)), row(6, new Marks.Cell(0, "Y", null)));

        assertThat(result).isEqualTo("<x:worksheet xmlns:x=\"" + MAIN + "\" xmlns:r=\"" + REL + "\"><!-- <c r=\"Z9\"/> --><x:sheetData>"
                + "<x:row><x:c><x:v>1</x:v></x:c><x:c s=\"102\" note=\"a>b\"><x:v>2</x:v></x:c><x:c r=\"D1\" s=\"100\"/></x:row>"
                + "<x:row r=\"2\"><x:c r=\"A2\" s=\"200\"/></x:row>"
                + "<x:row r=\"3\" ht=\"20\" customHeight=\"1\"><x:c r=\"E3\" s=\"100\"/></x:row>"
                + "<x:row r=\"7\"><x:c r=\"A7\" s=\"200\"/></x:row></x:sheetData>"
                + "<x:legacyDrawing r:id=\"rIdX\"/></x:worksheet>");
        assertThat(comments.size()).isEqualTo(3);
    }

    @Test
    void run_whenHerSheetDataIsEmpty_thenTheMarkedRowsAreItsRows() throws IOException {
        String xml = "<worksheet xmlns=\"" + MAIN + "\" xmlns:r=\"" + REL + "\"><sheetData/></worksheet>";

        String result = mark(xml, new SheetComments(), row(4, new Marks.Cell(2, "R", null)));

        assertThat(result).isEqualTo("<worksheet xmlns=\"" + MAIN + "\" xmlns:r=\"" + REL + "\"><sheetData><row r=\"5\"><c r=\"C5\" s=\"100\"/></row>"
                + "</sheetData></worksheet>");
    }

    @Test
    void run_whenNothingIsMarked_thenThePartIsHersWithoutItsSelection() throws IOException {
        String xml = "<worksheet xmlns=\"" + MAIN + "\" xmlns:r=\"" + REL + "\"><dimension ref=\"A1\"/><sheetViews><sheetView tabSelected='true'"
                + " workbookViewId=\"0\"><selection activeCell=\"A1\"/></sheetView></sheetViews><sheetData><row r=\"1\"><c r=\"A1\"/></row>"
                + "</sheetData></worksheet>";

        assertThat(mark(xml, new SheetComments())).isEqualTo(xml.replace(" tabSelected='true'", ""));
    }
}
