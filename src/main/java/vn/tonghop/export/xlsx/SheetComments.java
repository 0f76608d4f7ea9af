package vn.tonghop.export.xlsx;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The comments of one sheet (the reason beside each marked cell): the comments part, and the legacy VML drawing in
 * which Excel shows them, each box to the right of its cell and hidden until the cell is pointed at. Held until the
 * sheet is written; the result caps how many a file gets.
 */
public final class SheetComments {

    private record Note(int row, int column, String text) {
    }

    private final List<Note> notes = new ArrayList<>();

    public void add(int row, int column, String text) {
        notes.add(new Note(row, column, text));
    }

    public boolean isEmpty() {
        return notes.isEmpty();
    }

    public int size() {
        return notes.size();
    }

    /** The comments part, every comment by {@code author}. */
    public byte[] commentsPart(String author) {
        StringBuilder xml = new StringBuilder(256 + notes.size() * 300);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<comments xmlns=\"").append(StyleSheet.MAIN)
                .append("\"><authors><author>");
        XmlText.append(xml, author).append("</author></authors><commentList>");
        for (Note note : notes) {
            xml.append("<comment ref=\"").append(XmlText.cell(note.row(), note.column())).append("\" authorId=\"0\"><text><t xml:space=\"preserve\">");
            XmlText.appendText(xml, note.text()).append("</t></text></comment>");
        }
        xml.append("</commentList></comments>");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The VML drawing of the comments; {@code drawingId} numbers its shapes apart from every other drawing of the
     * workbook (shape ids are {@code 1024 × drawingId + n}).
     */
    public byte[] vmlPart(int drawingId) {
        StringBuilder xml = new StringBuilder(1024 + notes.size() * 700);
        xml.append("<xml xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\"")
                .append(" xmlns:x=\"urn:schemas-microsoft-com:office:excel\">")
                .append("<o:shapelayout v:ext=\"edit\"><o:idmap v:ext=\"edit\" data=\"").append(drawingId).append("\"/></o:shapelayout>")
                .append("<v:shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" o:spt=\"202\" path=\"m,l,21600r21600,l21600,xe\">")
                .append("<v:stroke joinstyle=\"miter\"/><v:path gradientshapeok=\"t\" o:connecttype=\"rect\"/></v:shapetype>");
        int n = 1;
        for (Note note : notes) {
            int tall = Math.min(12, 3 + note.text().length() / 60);
            xml.append("<v:shape id=\"_x0000_s").append(1024L * drawingId + n++).append("\" type=\"#_x0000_t202\"")
                    .append(" style=\"position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:240pt;height:").append(15 * tall)
                    .append("pt;z-index:").append(n).append(";visibility:hidden\" fillcolor=\"#ffffe1\" o:insetmode=\"auto\">")
                    .append("<v:fill color2=\"#ffffe1\"/><v:shadow on=\"t\" color=\"black\" obscured=\"t\"/><v:path o:connecttype=\"none\"/>")
                    .append("<v:textbox style=\"mso-direction-alt:auto\"><div style=\"text-align:left\"></div></v:textbox>")
                    .append("<x:ClientData ObjectType=\"Note\"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>")
                    .append(note.column() + 1).append(", 15, ").append(note.row()).append(", 2, ").append(note.column() + 6).append(", 15, ")
                    .append(note.row() + tall).append(", 16</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>").append(note.row())
                    .append("</x:Row><x:Column>").append(note.column()).append("</x:Column></x:ClientData></v:shape>");
        }
        xml.append("</xml>");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }
}
