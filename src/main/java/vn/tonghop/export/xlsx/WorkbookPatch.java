package vn.tonghop.export.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.tonghop.read.PartNames;

/**
 * The clerk's own .xlsx, handed back as a result without being rebuilt: every part of hers is copied byte for byte
 * except the few the result changes. A summary sheet goes in first (and is the one that opens); each marked sheet is
 * streamed through once, the marked cells given a copy of their own style with the red or yellow fill (cells she
 * left empty are created), a comment beside each; the styles part gains those copies and the summary's formats; the
 * workbook part, its relationships and the content types name the new parts. Her formatting, formulas, merged cells,
 * pictures and hidden sheets are as she made them.
 *
 * <p>What it does not take on, it refuses with {@link Unsupported} before writing anything (a macro-enabled or strict
 * OOXML workbook, a sheet that already has comments or a VML drawing): the caller then copies the workbook another way.
 */
public final class WorkbookPatch implements AutoCloseable {

    /** A workbook this patch does not handle; nothing was written. */
    public static final class Unsupported extends IOException {
        private static final long serialVersionUID = 1L;

        Unsupported(String reason) {
            super(reason);
        }
    }

    private static final String REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types";
    private static final String PR_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
    /** Shape ids of our comment drawings are numbered from here, apart from any drawing of hers. */
    private static final int DRAWING_IDS = 1000;

    /** A sheet of hers: its name, its part, whether it is a worksheet, and the relationships part beside it. */
    private record SheetPart(String name, String part, boolean worksheet) {
        String relsPart() {
            int slash = part.lastIndexOf('/');
            return part.substring(0, slash + 1) + "_rels/" + part.substring(slash + 1) + ".rels";
        }
    }

    private final ZipFile source;
    private final PackageWriter zip;
    private final Document contentTypes;
    private final String workbookPart;
    private final Document workbook;
    private final String workbookRelsPart;
    private final Document workbookRels;
    private final String stylesPart;
    private final StyleSheet styles;
    private final List<SheetPart> sheets = new ArrayList<>();
    private final Set<String> parts = new HashSet<>();
    private final Set<String> replaced = new HashSet<>();
    private final Set<String> transformed = new HashSet<>();
    private int drawings;
    private boolean summaryAdded;

    private WorkbookPatch(ZipFile source, Path target) throws IOException {
        this.source = source;
        for (Enumeration<ZipArchiveEntry> e = source.getEntries(); e.hasMoreElements(); ) {
            parts.add(e.nextElement().getName());
        }
        this.contentTypes = dom("[Content_Types].xml");
        Document packageRels = dom("_rels/.rels");
        String officeDocument = null;
        for (Element rel : Dom.children(packageRels.getDocumentElement(), "Relationship")) {
            if (PackageWriter.REL_OFFICE_DOCUMENT.equals(rel.getAttribute("Type"))) {
                officeDocument = PartNames.resolve("", rel.getAttribute("Target"));
            }
        }
        if (officeDocument == null || !parts.contains(officeDocument)) {
            throw new Unsupported("no workbook part named by _rels/.rels");
        }
        this.workbookPart = officeDocument;
        for (Element override : Dom.children(contentTypes.getDocumentElement(), "Override")) {
            if (override.getAttribute("PartName").equals("/" + workbookPart) && !PackageWriter.WORKBOOK.equals(override.getAttribute("ContentType"))) {
                throw new Unsupported("workbook of content type " + override.getAttribute("ContentType"));
            }
        }
        this.workbook = dom(workbookPart);
        Element root = workbook.getDocumentElement();
        if (!StyleSheet.MAIN.equals(root.getNamespaceURI())) {
            throw new Unsupported("workbook in namespace " + root.getNamespaceURI());
        }
        this.workbookRelsPart = relsOf(workbookPart);
        this.workbookRels = dom(workbookRelsPart);
        String folder = folderOf(workbookPart);
        Map<String, Element> relsById = new LinkedHashMap<>();
        String styles = null;
        for (Element rel : Dom.children(workbookRels.getDocumentElement(), "Relationship")) {
            relsById.put(rel.getAttribute("Id"), rel);
            if (PackageWriter.REL_STYLES.equals(rel.getAttribute("Type"))) {
                styles = PartNames.resolve(folder, rel.getAttribute("Target"));
            }
        }
        Element sheetList = Dom.child(root, "sheets");
        if (sheetList == null) {
            throw new Unsupported("workbook without sheets");
        }
        for (Element sheet : Dom.children(sheetList, "sheet")) {
            Element rel = relsById.get(sheet.getAttributeNS(REL_NS, "id"));
            if (rel == null) {
                throw new Unsupported("sheet " + sheet.getAttribute("name") + " without its part");
            }
            String part = PartNames.resolve(folder, rel.getAttribute("Target"));
            boolean worksheet = PackageWriter.REL_WORKSHEET.equals(rel.getAttribute("Type"));
            SheetPart sheetPart = new SheetPart(sheet.getAttribute("name"), part, worksheet);
            if (worksheet && parts.contains(sheetPart.relsPart())) {
                for (Element sheetRel : Dom.children(dom(sheetPart.relsPart()).getDocumentElement(), "Relationship")) {
                    String type = sheetRel.getAttribute("Type");
                    if (PackageWriter.REL_COMMENTS.equals(type) || PackageWriter.REL_VML.equals(type)) {
                        throw new Unsupported("sheet " + sheetPart.name() + " has comments or a VML drawing of its own");
                    }
                }
            }
            sheets.add(sheetPart);
        }
        if (styles != null && parts.contains(styles)) {
            try (InputStream in = source.getInputStream(source.getEntry(styles))) {
                this.styles = StyleSheet.of(in);
            }
            this.stylesPart = styles;
        } else {
            this.styles = StyleSheet.fresh();
            this.stylesPart = null;
        }
        this.zip = new PackageWriter(target);
    }

    /** Opens the clerk's workbook to patch it into {@code target}; refuses what it does not handle, writing nothing. */
    public static WorkbookPatch open(Path workbook, Path target) throws IOException {
        // Local headers are read when an entry is, not all of them up front (a seek and a read a part, most parts copied raw).
        ZipFile zip = ZipFile.builder().setPath(workbook).setIgnoreLocalFileHeader(true).get();
        try {
            return new WorkbookPatch(zip, target);
        } catch (Unsupported | RuntimeException e) {
            zip.close();
            throw e;
        } catch (IOException e) {
            zip.close();
            throw new Unsupported(e.getMessage());
        }
    }

    public StyleSheet styles() {
        return styles;
    }

    /** Her sheets' names, in the workbook's order. */
    public List<String> sheetNames() {
        return sheets.stream().map(SheetPart::name).toList();
    }

    /**
     * The summary sheet, written now and placed first, selected and active; close its writer before marking.
     *
     * @return the writer of its rows, to be finished by the caller ({@link WorksheetWriter#finish}) and the part closed
     */
    public NewSheet summary(String name, WorksheetWriter.Setup setup) throws IOException {
        if (summaryAdded) {
            throw new IllegalStateException("the summary is already in");
        }
        summaryAdded = true;
        String part = free("xl/worksheets/sheet", ".xml");
        Writer writer = zip.textPart(part, PackageWriter.WORKSHEET);
        addSheetFirst(name, part);
        return new NewSheet(writer, new WorksheetWriter(writer, setup));
    }

    /** A sheet written by the caller: its rows, then {@link #close()}. */
    public static final class NewSheet implements AutoCloseable {
        private final Writer writer;
        private final WorksheetWriter rows;

        private NewSheet(Writer writer, WorksheetWriter rows) {
            this.writer = writer;
            this.rows = rows;
        }

        public WorksheetWriter rows() {
            return rows;
        }

        @Override
        public void close() throws IOException {
            rows.finish(null);
            writer.close();
        }
    }

    /**
     * Streams one of her worksheets through, filling and commenting the cells of {@code marks} (rows in ascending
     * order), and unselecting it. A sheet is marked once.
     */
    public void mark(String sheetName, Iterator<Marks.Row> marks) throws IOException {
        SheetPart sheet = sheets.stream().filter(s -> s.name().equals(sheetName) && s.worksheet()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no worksheet " + sheetName));
        if (!transformed.add(sheet.part())) {
            throw new IllegalStateException("sheet " + sheetName + " already marked");
        }
        SheetComments comments = new SheetComments();
        String drawingId = "rIdTonghop" + (DRAWING_IDS + drawings + 1);
        byte[] part;
        try (InputStream in = source.getInputStream(source.getEntry(sheet.part()))) {
            part = in.readAllBytes();
        }
        zip.part(sheet.part(), new SheetMarker(part, marks, styles::filled, comments, drawingId).run(), null);
        if (!comments.isEmpty()) {
            int drawing = DRAWING_IDS + ++drawings;
            String commentsPart = free("xl/comments", ".xml");
            String vmlPart = free("xl/drawings/vmlDrawing", ".vml");
            zip.part(commentsPart, comments.commentsPart(Marks.AUTHOR), PackageWriter.COMMENTS);
            zip.part(vmlPart, comments.vmlPart(drawing), null);
            Document rels = parts.contains(sheet.relsPart()) ? dom(sheet.relsPart()) : emptyRelationships();
            String folder = folderOf(sheet.part());
            addRelationship(rels, drawingId, PackageWriter.REL_VML, relative(folder, vmlPart));
            addRelationship(rels, null, PackageWriter.REL_COMMENTS, relative(folder, commentsPart));
            zip.part(sheet.relsPart(), Dom.bytes(rels), null);
            replaced.add(sheet.relsPart());
            ensureDefault("vml", PackageWriter.VML);
        }
    }

    /** Ends the result: her other sheets (unselected where they were selected), her untouched parts, the changed ones. */
    @Override
    public void close() throws IOException {
        try {
            for (SheetPart sheet : sheets) {
                if (!transformed.contains(sheet.part())) {
                    unselect(sheet);
                }
            }
            replaced.addAll(transformed);
            replaced.addAll(List.of("[Content_Types].xml", workbookPart, workbookRelsPart));
            if (stylesPart != null) {
                replaced.add(stylesPart);
            }
            for (Enumeration<ZipArchiveEntry> e = source.getEntriesInPhysicalOrder(); e.hasMoreElements(); ) {
                ZipArchiveEntry entry = e.nextElement();
                if (!replaced.contains(entry.getName()) && !zip.overrides().containsKey("/" + entry.getName())) {
                    zip.copy(source, entry);
                }
            }
            String styles = stylesPart;
            if (styles == null) {
                styles = free(folderOf(workbookPart) + "styles", ".xml");
                addRelationship(workbookRels, null, PackageWriter.REL_STYLES, relative(folderOf(workbookPart), styles));
                zip.overrides().put("/" + styles, PackageWriter.STYLES);
            }
            zip.part(styles, this.styles.bytes(), null);
            zip.part(workbookPart, Dom.bytes(workbook), null);
            zip.part(workbookRelsPart, Dom.bytes(workbookRels), null);
            Element types = contentTypes.getDocumentElement();
            zip.overrides().forEach((part, type) -> {
                if (!PackageWriter.VML.equals(type)) {
                    Element override = contentTypes.createElementNS(CT_NS, "Override");
                    override.setAttribute("PartName", part);
                    override.setAttribute("ContentType", type);
                    types.appendChild(override);
                }
            });
            zip.part("[Content_Types].xml", Dom.bytes(contentTypes), null);
        } finally {
            try {
                zip.close();
            } finally {
                source.close();
            }
        }
    }

    /** Gives up: closes both files, the result half written (the caller deletes it). */
    public void abandon() {
        try {
            zip.close();
        } catch (IOException | RuntimeException e) {
            // the half-written result is deleted by the caller
        }
        try {
            source.close();
        } catch (IOException e) {
            // read only
        }
    }

    /** The summary first in the workbook's order, active and first visible; names scoped to a sheet follow their sheet. */
    private void addSheetFirst(String name, String part) throws IOException {
        Element root = workbook.getDocumentElement();
        String relId = addRelationship(workbookRels, null, PackageWriter.REL_WORKSHEET, relative(folderOf(workbookPart), part));
        Element sheetList = Dom.child(root, "sheets");
        int maxId = 0;
        for (Element sheet : Dom.children(sheetList, "sheet")) {
            try {
                maxId = Math.max(maxId, Integer.parseInt(sheet.getAttribute("sheetId")));
            } catch (NumberFormatException e) {
                throw new Unsupported("sheetId " + sheet.getAttribute("sheetId"));
            }
        }
        Element sheet = Dom.create(sheetList, "sheet");
        sheet.setAttribute("name", name);
        sheet.setAttribute("sheetId", Integer.toString(maxId + 1));
        String prefix = root.lookupPrefix(REL_NS);
        sheet.setAttributeNS(REL_NS, (prefix == null ? "r" : prefix) + ":id", relId);
        sheetList.insertBefore(sheet, sheetList.getFirstChild());
        Element views = Dom.child(root, "bookViews");
        if (views == null) {
            views = Dom.create(root, "bookViews");
            root.insertBefore(views, sheetList);
        }
        Element view = Dom.child(views, "workbookView");
        if (view == null) {
            view = Dom.create(root, "workbookView");
            views.appendChild(view);
        }
        view.setAttribute("activeTab", "0");
        view.removeAttribute("firstSheet");
        Element names = Dom.child(root, "definedNames");
        if (names != null) {
            for (Element definedName : Dom.children(names, "definedName")) {
                if (definedName.hasAttribute("localSheetId")) {
                    try {
                        definedName.setAttribute("localSheetId", Integer.toString(Integer.parseInt(definedName.getAttribute("localSheetId")) + 1));
                    } catch (NumberFormatException e) {
                        throw new Unsupported("localSheetId " + definedName.getAttribute("localSheetId"));
                    }
                }
            }
        }
    }

    /**
     * A sheet of hers left unmarked but selected (shown with, or grouped with, the one that opens) must not be once the
     * summary is: its {@code tabSelected} is taken out of the sheet views at its head, the rest of the part copied as it
     * is. A head that does not end its sheet views early goes through the XML stream instead.
     */
    private void unselect(SheetPart sheet) throws IOException {
        // The views are at the sheet's head, mostly within its first few hundred bytes: the head is inflated a piece at
        // a time until their end (or the data) is in it, not 64 KB of cells at once.
        java.io.ByteArrayOutputStream read = new java.io.ByteArrayOutputStream(FIRST_HEAD_BYTES);
        byte[] head;
        String text;
        int data;
        int end;
        try (InputStream in = source.getInputStream(source.getEntry(sheet.part()))) {
            for (int wanted = FIRST_HEAD_BYTES; ; wanted = Math.min(HEAD_BYTES, wanted * 4)) {
                read.write(in.readNBytes(wanted - read.size()));
                boolean whole = read.size() < wanted;
                head = read.toByteArray();
                text = new String(head, StandardCharsets.ISO_8859_1); // byte for character: indexes stay byte offsets
                data = text.indexOf("sheetData");
                // the views come before the sheet's data: the search for their end stops there (the rest of the head is cells)
                java.util.regex.Matcher closing = END_OF_VIEWS.matcher(text).region(0, data >= 0 ? data : text.length());
                end = closing.find() ? closing.start() : -1;
                if (end >= 0 || data >= 0 || whole || wanted == HEAD_BYTES) {
                    break;
                }
            }
        }
        if (end < 0 && (data >= 0 || head.length < HEAD_BYTES)) {
            return; // no sheet views: nothing is selected
        }
        java.util.regex.Matcher views = SHEET_VIEW.matcher(text).region(0, end >= 0 ? end : text.length());
        boolean selected = false;
        while (views.find()) {
            selected |= SELECTED.matcher(views.group()).find();
        }
        if (!selected) {
            return;
        }
        transformed.add(sheet.part());
        if (end < 0) {
            byte[] part;
            try (InputStream in = source.getInputStream(source.getEntry(sheet.part()))) {
                part = in.readAllBytes();
            }
            zip.part(sheet.part(), new SheetMarker(part, java.util.Collections.emptyIterator(), styles::filled, new SheetComments(), null).run(),
                    null);
            return;
        }
        // the views end at a tag boundary within the head: everything up to there is ASCII-safe to edit as bytes
        StringBuilder edited = new StringBuilder(end + 16);
        java.util.regex.Matcher tags = SHEET_VIEW.matcher(text.substring(0, end));
        int copied = 0;
        while (tags.find()) {
            edited.append(text, copied, tags.start()).append(TAB_SELECTED.matcher(tags.group()).replaceAll(""));
            copied = tags.end();
        }
        edited.append(text, copied, end);
        try (InputStream in = source.getInputStream(source.getEntry(sheet.part()))) {
            in.skipNBytes(end);
            zip.rawPart(sheet.part(), edited.toString().getBytes(StandardCharsets.ISO_8859_1), in);
        }
    }

    private static final int HEAD_BYTES = 64 * 1024;
    private static final int FIRST_HEAD_BYTES = 1024;
    private static final java.util.regex.Pattern SELECTED = java.util.regex.Pattern.compile("\\stabSelected\\s*=\\s*(?:\"(?:1|true)\"|'(?:1|true)')");
    private static final java.util.regex.Pattern END_OF_VIEWS = java.util.regex.Pattern.compile("</(?:[A-Za-z_][\\w.-]*:)?sheetViews\\s*>");
    private static final java.util.regex.Pattern SHEET_VIEW = java.util.regex.Pattern.compile("<(?:[A-Za-z_][\\w.-]*:)?sheetView\\b[^>]*>");
    private static final java.util.regex.Pattern TAB_SELECTED = java.util.regex.Pattern.compile("\\s+tabSelected\\s*=\\s*(?:\"[^\"]*\"|'[^']*')");

    private Document dom(String part) throws IOException {
        ZipArchiveEntry entry = source.getEntry(part);
        if (entry == null) {
            throw new Unsupported("no part " + part);
        }
        try (InputStream in = source.getInputStream(entry)) {
            return Dom.parse(in);
        }
    }

    private Document emptyRelationships() throws IOException {
        return Dom.parse(new java.io.ByteArrayInputStream(
                ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"" + PR_NS + "\"/>")
                        .getBytes(StandardCharsets.UTF_8)));
    }

    /** Adds a relationship (under {@code id}, or a new id) and returns its id. */
    private static String addRelationship(Document rels, String id, String type, String target) {
        Element root = rels.getDocumentElement();
        Set<String> taken = new HashSet<>();
        for (Element rel : Dom.children(root, "Relationship")) {
            taken.add(rel.getAttribute("Id"));
        }
        String chosen = id;
        for (int n = taken.size() + 1; chosen == null || taken.contains(chosen); n++) {
            chosen = "rId" + n;
        }
        Element rel = rels.createElementNS(PR_NS, "Relationship");
        rel.setAttribute("Id", chosen);
        rel.setAttribute("Type", type);
        rel.setAttribute("Target", target);
        root.appendChild(rel);
        return chosen;
    }

    private void ensureDefault(String extension, String type) {
        Element types = contentTypes.getDocumentElement();
        for (Element d : Dom.children(types, "Default")) {
            if (d.getAttribute("Extension").equalsIgnoreCase(extension)) {
                return;
            }
        }
        Element d = contentTypes.createElementNS(CT_NS, "Default");
        d.setAttribute("Extension", extension);
        d.setAttribute("ContentType", type);
        types.insertBefore(d, types.getFirstChild());
    }

    /** A part name not in her package nor written yet: {@code prefix + n + suffix}. */
    private String free(String prefix, String suffix) {
        for (int n = 1; ; n++) {
            String name = prefix + n + suffix;
            if (!parts.contains(name) && !zip.overrides().containsKey("/" + name) && !replaced.contains(name)) {
                parts.add(name);
                return name;
            }
        }
    }

    private static String relsOf(String part) {
        int slash = part.lastIndexOf('/');
        return part.substring(0, slash + 1) + "_rels/" + part.substring(slash + 1) + ".rels";
    }

    private static String folderOf(String part) {
        return part.substring(0, part.lastIndexOf('/') + 1);
    }

    /** The target of {@code part} relative to {@code folder} (both inside the package). */
    static String relative(String folder, String part) {
        String[] from = folder.isEmpty() ? new String[0] : folder.split("/");
        String[] to = part.split("/");
        int common = 0;
        while (common < from.length && common < to.length - 1 && from[common].equals(to[common])) {
            common++;
        }
        StringBuilder path = new StringBuilder();
        for (int i = common; i < from.length; i++) {
            path.append("../");
        }
        for (int i = common; i < to.length; i++) {
            path.append(to[i]).append(i < to.length - 1 ? "/" : "");
        }
        return path.toString();
    }
}
