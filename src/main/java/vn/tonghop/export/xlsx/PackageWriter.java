package vn.tonghop.export.xlsx;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * The zip of a result workbook, part after part: parts written here, parts of the clerk's own file copied as they are
 * (their compressed bytes, never inflated), and the content types of the new parts, written last.
 */
final class PackageWriter implements AutoCloseable {

    static final String WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
    static final String COMMENTS = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml";
    static final String VML = "application/vnd.openxmlformats-officedocument.vmlDrawing";
    static final String STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
    static final String WORKBOOK = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    static final String RELATIONSHIPS = "application/vnd.openxmlformats-package.relationships+xml";

    static final String REL_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
    static final String REL_WORKSHEET = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
    static final String REL_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
    static final String REL_COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
    static final String REL_VML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing";

    private final ZipArchiveOutputStream zip;
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private boolean entryOpen;

    PackageWriter(Path target) throws IOException {
        this(target, TargetChannel.DEFAULT_LIMIT);
    }

    /** Kept in memory up to {@code memoryLimit} bytes and written to {@code target} in one piece when closed ({@link TargetChannel}). */
    PackageWriter(Path target, int memoryLimit) throws IOException {
        this.zip = new ZipArchiveOutputStream(new TargetChannel(target, memoryLimit));
        this.zip.setLevel(Deflater.BEST_SPEED);
    }

    /** Writes a whole part; {@code contentType} is recorded for the content types (null: covered by a default). */
    void part(String name, byte[] content, String contentType) throws IOException {
        zip.putArchiveEntry(new ZipArchiveEntry(name));
        zip.write(content);
        zip.closeArchiveEntry();
        if (contentType != null) {
            overrides.put("/" + name, contentType);
        }
    }

    /** A part whose first bytes are given and whose rest is copied from {@code rest}. */
    void rawPart(String name, byte[] head, java.io.InputStream rest) throws IOException {
        zip.putArchiveEntry(new ZipArchiveEntry(name));
        zip.write(head);
        rest.transferTo(zip);
        zip.closeArchiveEntry();
    }

    /** A part written as text by the caller, who must close the writer before the next part. */
    Writer textPart(String name, String contentType) throws IOException {
        if (entryOpen) {
            throw new IllegalStateException("a part is still being written");
        }
        zip.putArchiveEntry(new ZipArchiveEntry(name));
        entryOpen = true;
        if (contentType != null) {
            overrides.put("/" + name, contentType);
        }
        return new Utf8PartWriter();
    }

    /**
     * The text of a part, encoded to UTF-8 a whole string at a time ({@link String#getBytes}, the JDK's fast path)
     * rather than through a {@code CharsetEncoder}'s buffers: the writers hand over their XML in large pieces, and a
     * Vietnamese piece took the encoder's slow loop, char by char (a tenth of the report step's samples).
     */
    private final class Utf8PartWriter extends Writer {
        /** A high surrogate that ended the last piece, waiting for its low half. */
        private char pending;
        private boolean closed;

        @Override
        public void write(String text) throws IOException {
            if (pending != 0 || (!text.isEmpty() && Character.isHighSurrogate(text.charAt(text.length() - 1)))) {
                write(text.toCharArray(), 0, text.length());
                return;
            }
            zip.write(text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            if (length == 0) {
                return;
            }
            StringBuilder piece = new StringBuilder(length + 1);
            if (pending != 0) {
                piece.append(pending);
                pending = 0;
            }
            piece.append(chars, offset, length);
            if (Character.isHighSurrogate(piece.charAt(piece.length() - 1))) {
                pending = piece.charAt(piece.length() - 1);
                piece.setLength(piece.length() - 1);
            }
            zip.write(piece.toString().getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void flush() {
            // the zip stream is flushed when the part ends
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            if (pending != 0) {
                zip.write(String.valueOf(pending).getBytes(StandardCharsets.UTF_8)); // a lone surrogate: '?' as the JDK writes it
                pending = 0;
            }
            zip.closeArchiveEntry();
            entryOpen = false;
        }
    }

    /** A part of the clerk's file, copied byte for byte as it is compressed. */
    void copy(ZipFile source, ZipArchiveEntry entry) throws IOException {
        zip.addRawArchiveEntry(entry, source.getRawInputStream(entry));
    }

    /** The content types that the parts written here added, part name → type. */
    Map<String, String> overrides() {
        return overrides;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** {@code [Content_Types].xml} of a new workbook: the defaults, and an override for every part written here. */
    byte[] freshContentTypes() {
        StringBuilder xml = new StringBuilder(1024);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
                .append("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
                .append("<Default Extension=\"rels\" ContentType=\"").append(RELATIONSHIPS).append("\"/>")
                .append("<Default Extension=\"xml\" ContentType=\"application/xml\"/>")
                .append("<Default Extension=\"vml\" ContentType=\"").append(VML).append("\"/>");
        overrides.forEach((part, type) -> {
            if (!VML.equals(type)) {
                xml.append("<Override PartName=\"");
                XmlText.append(xml, part).append("\" ContentType=\"").append(type).append("\"/>");
            }
        });
        return xml.append("</Types>").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A relationships part: id → (type, target). */
    static byte[] relationships(Map<String, String[]> relationships) {
        StringBuilder xml = new StringBuilder(512);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
                .append("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        relationships.forEach((id, typeAndTarget) -> {
            xml.append("<Relationship Id=\"").append(id).append("\" Type=\"").append(typeAndTarget[0]).append("\" Target=\"");
            XmlText.append(xml, typeAndTarget[1]).append("\"/>");
        });
        return xml.append("</Relationships>").toString().getBytes(StandardCharsets.UTF_8);
    }
}
