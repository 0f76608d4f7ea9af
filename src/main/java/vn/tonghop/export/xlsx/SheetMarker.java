package vn.tonghop.export.xlsx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Set;

/**
 * One worksheet part of hers rewritten with its marks, tag by tag over its bytes: everything is copied as it is but
 * the few tags the result changes. A marked cell's start tag gets the style the caller gives it (her style with the
 * fill); cells and rows she left empty but an issue names are created in their place; {@code tabSelected} leaves her
 * sheet views (the summary is the selected sheet); the dimension goes when cells are added (it is optional, and
 * spreadsheets compute it); the comments' drawing is referenced in its place among the sheet's last elements.
 *
 * <p>The part is read whole (a workbook copied whole has at most a few megabytes of sheet XML); tags are found the way
 * an XML parser would (attribute values may hold {@code >}; comments, CDATA and processing instructions are skipped),
 * and edited as ISO-8859-1 text, byte for character, so whatever else they hold is written back unchanged.
 */
final class SheetMarker {

    /** Children of a worksheet that come after {@code legacyDrawing} (ECMA-376 CT_Worksheet). */
    private static final Set<String> AFTER_LEGACY_DRAWING = Set.of("legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls",
            "webPublishItems", "tableParts", "extLst", "AlternateContent");
    private static final String REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private final byte[] xml;
    private final Iterator<Marks.Row> marks;
    private final Styler styles;
    private final SheetComments comments;
    private final String drawingId;
    private final ByteArrayOutputStream out;
    private Marks.Row pending;
    private String prefix = "";
    private String relPrefix = "r";

    /** The style of a marked cell: her style (0 for a cell she left empty) with the fill. */
    interface Styler {
        int filled(int style, String fillArgb);
    }

    /**
     * @param styles    the styles of marked cells ({@link StyleSheet#filled})
     * @param drawingId the relationship id the comments' drawing will have, should there be comments
     */
    SheetMarker(byte[] xml, Iterator<Marks.Row> marks, Styler styles, SheetComments comments, String drawingId) {
        this.xml = xml;
        this.marks = marks;
        this.styles = styles;
        this.comments = comments;
        this.drawingId = drawingId;
        this.out = new ByteArrayOutputStream(xml.length + 4096);
        this.pending = marks.hasNext() ? marks.next() : null;
    }

    /** @return the rewritten part; whether it references a comments drawing is told by {@link SheetComments#isEmpty()} */
    byte[] run() throws IOException {
        if (xml.length >= 2 && ((xml[0] == (byte) 0xFE && xml[1] == (byte) 0xFF) || (xml[0] == (byte) 0xFF && xml[1] == (byte) 0xFE)
                || xml[1] == 0)) {
            throw new WorkbookPatch.Unsupported("a UTF-16 worksheet part");
        }
        boolean marked = pending != null;
        int depth = 0;
        int copied = 0;
        int pos = 0;
        boolean inData = false;
        boolean afterData = false;
        boolean drawingWritten = false;
        int row = -1;
        int column = -1;
        Marks.Row rowMarks = null;
        int nextMark = 0;
        while (true) {
            int start = indexOf('<', pos);
            if (start < 0) {
                break;
            }
            int end = tagEnd(start);
            pos = end;
            byte second = start + 1 < xml.length ? xml[start + 1] : 0;
            if (second == '!' || second == '?') {
                continue; // comment, CDATA or processing instruction: copied as they are
            }
            boolean closing = second == '/';
            boolean selfClosing = !closing && xml[end - 2] == '/';
            String name = name(start + (closing ? 2 : 1));
            String local = name.substring(name.indexOf(':') + 1);
            if (closing) {
                if (inData && depth == 3 && local.equals("row")) {
                    if (rowMarks != null) {
                        copy(copied, start);
                        copied = start;
                        while (nextMark < rowMarks.cells().size()) {
                            newCell(row, rowMarks.cells().get(nextMark++));
                        }
                        rowMarks = null;
                    }
                } else if (depth == 2 && local.equals("sheetData")) {
                    copy(copied, start);
                    copied = start;
                    flushRows(Integer.MAX_VALUE);
                    inData = false;
                    afterData = true;
                } else if (depth == 1 && !drawingWritten) {
                    copy(copied, start);
                    copied = start;
                    drawingWritten = true;
                    drawing();
                }
                depth--;
                continue;
            }
            depth++;
            if (depth == 1) {
                prefix = name.contains(":") ? name.substring(0, name.indexOf(':') + 1) : "";
                String tag = text(start, end);
                String declared = prefixOf(tag, REL_NS);
                if (declared != null) {
                    relPrefix = declared;
                } else {
                    relPrefix = tag.contains("xmlns:r=") ? "tonghopr" : "r";
                    copy(copied, start);
                    copied = end;
                    int close = tag.length() - (selfClosing ? 2 : 1);
                    write(tag.substring(0, close) + " xmlns:" + relPrefix + "=\"" + REL_NS + "\"" + tag.substring(close));
                }
            } else if (depth == 2 && local.equals("dimension") && marked) {
                copy(copied, start);
                copied = selfClosing ? end : skipElement(end, name);
                pos = copied;
                depth--;
                continue;
            } else if (depth == 2 && afterData && !drawingWritten && AFTER_LEGACY_DRAWING.contains(local)) {
                copy(copied, start);
                copied = start;
                drawingWritten = true;
                drawing();
            } else if (local.equals("sheetView")) {
                String tag = text(start, end);
                String edited = tag.replaceAll("\\s+tabSelected\\s*=\\s*(?:\"[^\"]*\"|'[^']*')", "");
                if (!edited.equals(tag)) {
                    copy(copied, start);
                    copied = end;
                    write(edited);
                }
            } else if (depth == 2 && local.equals("sheetData")) {
                inData = true;
                if (selfClosing) {
                    copy(copied, start);
                    copied = end;
                    write("<" + prefix + "sheetData>");
                    flushRows(Integer.MAX_VALUE);
                    write("</" + prefix + "sheetData>");
                    inData = false;
                    afterData = true;
                }
            } else if (inData && depth == 3 && local.equals("row")) {
                String tag = text(start, end);
                int r = intAttribute(tag, "r", row + 2) - 1;
                copy(copied, start);
                copied = start;
                flushRows(r);
                row = r;
                column = -1;
                if (pending != null && pending.row() == r) {
                    rowMarks = pending;
                    nextMark = 0;
                    advance();
                    String edited = removeAttribute(tag, "spans");
                    copied = end;
                    if (selfClosing) {
                        write(edited.substring(0, edited.length() - 2).stripTrailing() + ">");
                        for (Marks.Cell cell : rowMarks.cells()) {
                            newCell(row, cell);
                        }
                        write("</" + prefix + "row>");
                        rowMarks = null;
                    } else {
                        write(edited);
                    }
                } else {
                    rowMarks = null;
                }
            } else if (inData && depth == 4 && local.equals("c") && rowMarks != null) {
                String tag = text(start, end);
                String ref = attribute(tag, "r");
                int c = ref != null ? Math.max(XmlText.columnOf(ref), column + 1) : column + 1;
                column = c;
                copy(copied, start);
                copied = start;
                while (nextMark < rowMarks.cells().size() && rowMarks.cells().get(nextMark).column() < c) {
                    newCell(row, rowMarks.cells().get(nextMark++));
                }
                if (nextMark < rowMarks.cells().size() && rowMarks.cells().get(nextMark).column() == c) {
                    Marks.Cell mark = rowMarks.cells().get(nextMark++);
                    int style = styled(intAttribute(tag, "s", 0), mark);
                    String edited = setAttribute(tag, "s", Integer.toString(style));
                    copied = end;
                    write(edited);
                    comment(row, mark);
                }
            } else if (inData && depth == 4 && local.equals("c")) {
                String ref = attribute(text(start, end), "r");
                column = ref != null ? Math.max(XmlText.columnOf(ref), column + 1) : column + 1;
            }
            if (selfClosing) {
                depth--;
            }
        }
        copy(copied, xml.length);
        return out.toByteArray();
    }

    private int styled(int herStyle, Marks.Cell mark) {
        return styles.filled(herStyle, mark.fillArgb());
    }

    private void advance() {
        pending = marks.hasNext() ? marks.next() : null;
    }

    /** Writes, as rows of their own, the marked rows that come before row {@code before} (0-based). */
    private void flushRows(int before) {
        while (pending != null && pending.row() < before) {
            write("<" + prefix + "row r=\"" + (pending.row() + 1) + "\">");
            for (Marks.Cell cell : pending.cells()) {
                newCell(pending.row(), cell);
            }
            write("</" + prefix + "row>");
            advance();
        }
    }

    private void newCell(int row, Marks.Cell mark) {
        write("<" + prefix + "c r=\"" + XmlText.cell(row, mark.column()) + "\" s=\"" + styled(0, mark) + "\"/>");
        comment(row, mark);
    }

    private void comment(int row, Marks.Cell mark) {
        if (mark.comment() != null) {
            comments.add(row, mark.column(), mark.comment());
        }
    }

    private void drawing() {
        if (!comments.isEmpty()) {
            write("<" + prefix + "legacyDrawing " + relPrefix + ":id=\"" + drawingId + "\"/>");
        }
    }

    /** Where the tag starting at {@code start} ends (just after its {@code >}), quoted attribute values passed over. */
    private int tagEnd(int start) throws IOException {
        if (startsWith(start, "<!--")) {
            return after(start + 4, "-->");
        }
        if (startsWith(start, "<![CDATA[")) {
            return after(start + 9, "]]>");
        }
        if (startsWith(start, "<?") || startsWith(start, "<!")) {
            return after(start + 2, ">");
        }
        byte quote = 0;
        for (int i = start + 1; i < xml.length; i++) {
            byte b = xml[i];
            if (quote != 0) {
                if (b == quote) {
                    quote = 0;
                }
            } else if (b == '"' || b == '\'') {
                quote = b;
            } else if (b == '>') {
                return i + 1;
            }
        }
        throw new IOException("a tag is not closed at byte " + start);
    }

    /** Past the element whose start tag ends at {@code from}. */
    private int skipElement(int from, String name) throws IOException {
        String closing = "</" + name;
        int depth = 1;
        int pos = from;
        while (depth > 0) {
            int start = indexOf('<', pos);
            if (start < 0) {
                throw new IOException("element " + name + " is not closed");
            }
            int end = tagEnd(start);
            if (startsWith(start, closing)) {
                depth--;
            } else if (xml[start + 1] != '/' && xml[start + 1] != '!' && xml[start + 1] != '?' && xml[end - 2] != '/'
                    && name(start + 1).equals(name)) {
                depth++;
            }
            pos = end;
        }
        return pos;
    }

    private int after(int from, String terminator) throws IOException {
        byte[] t = terminator.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = from; i <= xml.length - t.length; i++) {
            for (int j = 0; j < t.length; j++) {
                if (xml[i + j] != t[j]) {
                    continue outer;
                }
            }
            return i + t.length;
        }
        throw new IOException("'" + terminator + "' missing");
    }

    private boolean startsWith(int at, String text) {
        if (at + text.length() > xml.length) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (xml[at + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int indexOf(char c, int from) {
        for (int i = from; i < xml.length; i++) {
            if (xml[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** The qualified name that starts at {@code from}. */
    private String name(int from) {
        int i = from;
        while (i < xml.length) {
            byte b = xml[i];
            if (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '/' || b == '>') {
                break;
            }
            i++;
        }
        return new String(xml, from, i - from, StandardCharsets.ISO_8859_1);
    }

    private String text(int start, int end) {
        return new String(xml, start, end - start, StandardCharsets.ISO_8859_1);
    }

    private void copy(int from, int to) {
        if (to > from) {
            out.write(xml, from, to - from);
        }
    }

    private void write(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        out.write(bytes, 0, bytes.length);
    }

    /** The prefix a tag declares for {@code namespace} ("" for the default namespace), or null. */
    static String prefixOf(String tag, String namespace) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("xmlns(?::([\\w.-]+))?\\s*=\\s*([\"'])" + java.util.regex.Pattern.quote(namespace)
                + "\\2").matcher(tag);
        return m.find() ? (m.group(1) == null ? null : m.group(1)) : null;
    }

    /** An attribute's value in a tag (no namespace prefix), or null. */
    static String attribute(String tag, String name) {
        java.util.regex.Matcher m = attributePattern(name).matcher(tag);
        if (!m.find()) {
            return null;
        }
        String quoted = m.group(1);
        return quoted.substring(1, quoted.length() - 1);
    }

    static int intAttribute(String tag, String name, int missing) {
        String value = attribute(tag, name);
        if (value == null) {
            return missing;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return missing;
        }
    }

    static String removeAttribute(String tag, String name) {
        return attributePattern(name).matcher(tag).replaceAll("");
    }

    /** The tag with the attribute set (replaced where it was, added before the end otherwise). */
    static String setAttribute(String tag, String name, String value) {
        java.util.regex.Matcher m = attributePattern(name).matcher(tag);
        if (m.find()) {
            return tag.substring(0, m.start()) + " " + name + "=\"" + value + "\"" + tag.substring(m.end());
        }
        int close = tag.endsWith("/>") ? tag.length() - 2 : tag.length() - 1;
        return tag.substring(0, close) + " " + name + "=\"" + value + "\"" + tag.substring(close);
    }

    private static final java.util.Map<String, java.util.regex.Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

    private static java.util.regex.Pattern attributePattern(String name) {
        return PATTERNS.computeIfAbsent(name, n -> java.util.regex.Pattern.compile("\\s+" + n + "\\s*=\\s*(\"[^\"]*\"|'[^']*')"));
    }
}
