package vn.tonghop.export.narrative;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;

/** A .docx opened with POI as a reader would see it: its paragraphs, and its tables as rows of cell texts. */
record WordFile(List<String> paragraphs, List<List<List<String>>> tables) {

    static WordFile open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); XWPFDocument document = new XWPFDocument(in)) {
            List<String> paragraphs = document.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            List<List<List<String>>> tables = document.getTables().stream()
                    .map(t -> t.getRows().stream().map(r -> r.getTableCells().stream().map(WordFile::text).toList()).toList())
                    .toList();
            return new WordFile(paragraphs, tables);
        }
    }

    /** A cell's paragraphs, one a line. */
    private static String text(XWPFTableCell cell) {
        return cell.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
    }

    /** Table {@code number} in document order: 0 is the heading block (office and national motto), then Bảng 1, 2, 3. */
    List<List<String>> table(int number) {
        return tables.get(number);
    }
}
