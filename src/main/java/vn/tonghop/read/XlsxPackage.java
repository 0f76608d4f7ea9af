package vn.tonghop.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.ParserConfigurationException;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * An .xlsx as the reader needs it: the zip opened once, its parts checked ({@link ZipIntegrity}), its content types
 * and the relationships from the package to the workbook and from the workbook to its parts read with
 * {@link SecureXml}. Part names are matched as OPC matches them, without regard to case. POI's {@code OPCPackage}
 * did the same at several times the cost (a second zip reader, the content types and the document properties parsed
 * into DOM trees, every relationship part loaded), a third of opening a district's workbook.
 *
 * <p>Safe for the sheet parsers' threads to read parts of at once; closed by {@link XlsxTableFile#close}.
 */
final class XlsxPackage implements AutoCloseable {

    static final String OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
    static final String WORKSHEET = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
    static final String SHARED_STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";
    static final String STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
    private static final String CONTENT_TYPES = "[Content_Types].xml";
    private static final String PACKAGE_NS = "http://schemas.openxmlformats.org/package/2006/content-types";
    private static final String RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

    /** A relationship of a part: its type and the part it targets (a part name, without the leading slash). */
    record Relationship(String type, String target, boolean external) {
    }

    private final ZipFile zip;
    /** The zip's entries by their lower-case names. */
    private final Map<String, ZipEntry> entries;
    private final Map<String, String> defaults;
    private final Map<String, String> overrides;
    /** The small parts as {@link ZipIntegrity} inflated them, by their lower-case names. */
    private final Map<String, byte[]> kept;
    private final String workbookPart;

    private XlsxPackage(ZipFile zip, Map<String, ZipEntry> entries, Map<String, byte[]> kept, Map<String, String> defaults,
                        Map<String, String> overrides, String workbookPart) {
        this.zip = zip;
        this.entries = entries;
        this.kept = kept;
        this.defaults = defaults;
        this.overrides = overrides;
        this.workbookPart = workbookPart;
    }

    /**
     * Opens the workbook's package, refusing with one reason a damaged zip or zip bomb (CORRUPT, ZIP_BOMB), a zip that
     * is no Office package or whose main part is no workbook (NOT_A_SPREADSHEET).
     */
    static XlsxPackage open(Path file) throws UnreadableFileException {
        String name = file.getFileName().toString();
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFileException(UnreadableReason.CORRUPT, "Workbook " + name + " is not a sound zip archive: " + e, e);
        }
        try {
            Map<String, byte[]> kept = ZipIntegrity.verify(zip, name);
            Map<String, ZipEntry> entries = new HashMap<>();
            zip.stream().filter(e -> !e.isDirectory()).forEach(e -> entries.putIfAbsent(e.getName().toLowerCase(Locale.ROOT), e));
            ZipEntry types = entries.get(CONTENT_TYPES.toLowerCase(Locale.ROOT));
            if (types == null) {
                throw new UnreadableFileException(UnreadableReason.NOT_A_SPREADSHEET,
                        "File " + name + " is a sound zip archive but not an Office workbook: it has no " + CONTENT_TYPES);
            }
            ContentTypesHandler contentTypes = new ContentTypesHandler();
            XlsxPackage pkg = new XlsxPackage(zip, entries, kept, contentTypes.defaults, contentTypes.overrides, null);
            pkg.parse(CONTENT_TYPES, contentTypes);
            String main = pkg.relationships("").stream()
                    .filter(r -> OFFICE_DOCUMENT.equals(r.type()) && !r.external())
                    .map(Relationship::target).findFirst().orElse(null);
            String mainType = main == null ? null : pkg.contentType(main);
            if (main == null || !pkg.exists(main) || mainType == null
                    || !mainType.contains("spreadsheetml") && !mainType.contains("ms-excel")) {
                throw new UnreadableFileException(UnreadableReason.NOT_A_SPREADSHEET, "File " + name
                        + " is an Office Open XML package but not a workbook" + (mainType == null ? "" : " (main part " + mainType + ")"));
            }
            return new XlsxPackage(zip, entries, kept, contentTypes.defaults, contentTypes.overrides, main);
        } catch (UnreadableFileException e) {
            closeQuietly(zip);
            throw e;
        } catch (Exception e) {
            closeQuietly(zip);
            throw XlsxTableFile.failure(name, e);
        }
    }

    /** The workbook part's name ({@code xl/workbook.xml}). */
    String workbookPart() {
        return workbookPart;
    }

    boolean exists(String part) {
        return entries.containsKey(part.toLowerCase(Locale.ROOT));
    }

    /** A part's bytes: as the check inflated them when the part is small, else inflated as read; the caller closes the stream. */
    InputStream open(String part) throws IOException {
        String lowerCase = part.toLowerCase(Locale.ROOT);
        byte[] bytes = kept.get(lowerCase);
        if (bytes != null) {
            return new ByteArrayInputStream(bytes);
        }
        ZipEntry entry = entries.get(lowerCase);
        if (entry == null) {
            throw new IOException("no part " + part);
        }
        return zip.getInputStream(entry);
    }

    /** A part's size as its zip entry declares it (held to it by {@link ZipIntegrity}); -1 when it is not known. */
    long size(String part) {
        ZipEntry entry = entries.get(part.toLowerCase(Locale.ROOT));
        return entry == null ? -1 : entry.getSize();
    }

    /** A part's content type: its override, else the default of its extension; null for none. */
    String contentType(String part) {
        String override = overrides.get(part.toLowerCase(Locale.ROOT));
        if (override != null) {
            return override;
        }
        int dot = part.lastIndexOf('.');
        return dot < 0 ? null : defaults.get(part.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The first part (by name) of a content type, as POI finds the shared strings and the styles. */
    Optional<String> partOfType(String contentType) {
        return entries.values().stream().map(ZipEntry::getName).filter(n -> contentType.equals(contentType(n))).sorted().findFirst();
    }

    /**
     * The relationships of a part ({@code ""}: of the package itself), by id in their order, their targets resolved to
     * part names; none when the part has no relationship part.
     */
    List<Relationship> relationships(String part) throws IOException, SAXException, ParserConfigurationException {
        return new ArrayList<>(relationshipsById(part).values());
    }

    /** The same by id. */
    Map<String, Relationship> relationshipsById(String part) throws IOException, SAXException, ParserConfigurationException {
        int slash = part.lastIndexOf('/');
        String folder = part.substring(0, slash + 1);
        String rels = folder + "_rels/" + part.substring(slash + 1) + ".rels";
        if (!exists(rels)) {
            return Map.of();
        }
        RelationshipsHandler handler = new RelationshipsHandler();
        parse(rels, handler);
        Map<String, Relationship> resolved = new LinkedHashMap<>();
        handler.found.forEach((id, r) -> resolved.put(id, r.external() ? r : new Relationship(r.type(), partName(folder, r.target()), false)));
        return resolved;
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }

    /**
     * A relationship's target as a part name: absolute ({@code /xl/...}) or relative to {@code folder}, with
     * {@code ..} and {@code .} segments resolved and %-escapes decoded where the name as written is no part.
     */
    private String partName(String folder, String target) {
        String name = PartNames.resolve(folder, target);
        if (!exists(name) && name.indexOf('%') >= 0) {
            try {
                String decoded = PartNames.resolve(folder, URLDecoder.decode(target.replace("+", "%2B"), StandardCharsets.UTF_8));
                if (exists(decoded)) {
                    return decoded;
                }
            } catch (IllegalArgumentException e) {
                // not an escape: the name as written
            }
        }
        return name;
    }

    private void parse(String part, DefaultHandler handler) throws IOException, SAXException, ParserConfigurationException {
        try (InputStream in = open(part)) {
            SecureXml.parse(in, handler);
        }
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException e) {
            // read only: nothing to lose
        }
    }

    private static final class ContentTypesHandler extends DefaultHandler {

        private final Map<String, String> defaults = new HashMap<>();
        private final Map<String, String> overrides = new HashMap<>();

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            if (!PACKAGE_NS.equals(uri)) {
                return;
            }
            String type = attributes.getValue("ContentType");
            if (type == null) {
                return;
            }
            if ("Default".equals(localName) && attributes.getValue("Extension") != null) {
                defaults.put(attributes.getValue("Extension").toLowerCase(Locale.ROOT), type.strip());
            } else if ("Override".equals(localName) && attributes.getValue("PartName") != null) {
                String part = attributes.getValue("PartName");
                overrides.put((part.startsWith("/") ? part.substring(1) : part).toLowerCase(Locale.ROOT), type.strip());
            }
        }
    }

    private static final class RelationshipsHandler extends DefaultHandler {

        private final Map<String, Relationship> found = new LinkedHashMap<>();

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            if (RELATIONSHIPS_NS.equals(uri) && "Relationship".equals(localName)) {
                String id = attributes.getValue("Id");
                String type = attributes.getValue("Type");
                String target = attributes.getValue("Target");
                if (id != null && type != null && target != null) {
                    found.putIfAbsent(id, new Relationship(type.strip(), target.strip(), "External".equals(attributes.getValue("TargetMode"))));
                }
            }
        }
    }
}
