package vn.tonghop.export.narrative;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;

/**
 * Sets a {@link Draft} as a Word file the way administrative reports are typed (Decree 30/2020/NĐ-CP):
 * A4, Times New Roman 14, the issuing office and the national motto side by side, a centred title,
 * justified paragraphs, numbered parts and sections, tables with a repeated header row, page numbers.
 * Written to a temporary file and renamed, so nobody opens half a report.
 */
final class DocxReportWriter {

    private static final String FONT = "Times New Roman";
    private static final int BODY_SIZE = 14;
    private static final int TABLE_SIZE = 11;
    /** A4 with margins of 2 cm top and bottom, 3 cm left, 2 cm right, in twentieths of a point. */
    private static final int PAGE_WIDTH = 11906;
    private static final int PAGE_HEIGHT = 16838;
    private static final int MARGIN_LEFT = 1701;
    private static final int MARGIN_RIGHT = 1134;
    private static final int MARGIN_TOP_BOTTOM = 1134;
    private static final int TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
    private static final String[] ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};

    void write(Draft draft, Path target) throws IOException {
        Path temporary = Files.createTempFile(target.toAbsolutePath().getParent(), ".bao-cao-", ".tmp");
        try (XWPFDocument document = new XWPFDocument(); OutputStream out = Files.newOutputStream(temporary)) {
            page(document);
            heading(document, draft.heading());
            draft.introduction().forEach(text -> body(document, text));
            for (int p = 0; p < draft.parts().size(); p++) {
                Draft.Part part = draft.parts().get(p);
                title(document, (p < ROMAN.length ? ROMAN[p] : Integer.toString(p + 1)) + ". " + part.title());
                for (int s = 0; s < part.sections().size(); s++) {
                    Draft.Section section = part.sections().get(s);
                    title(document, (s + 1) + ". " + section.title());
                    section.paragraphs().forEach(text -> body(document, text));
                }
                part.paragraphs().forEach(text -> body(document, text));
                part.tables().forEach(table -> table(document, table));
            }
            document.write(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void page(XWPFDocument document) {
        CTSectPr section = document.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        CTPageMar margins = section.addNewPgMar();
        margins.setLeft(BigInteger.valueOf(MARGIN_LEFT));
        margins.setRight(BigInteger.valueOf(MARGIN_RIGHT));
        margins.setTop(BigInteger.valueOf(MARGIN_TOP_BOTTOM));
        margins.setBottom(BigInteger.valueOf(MARGIN_TOP_BOTTOM));
        XWPFFooter footer = document.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph number = footer.createParagraph();
        number.setAlignment(ParagraphAlignment.CENTER);
        number.getCTP().addNewFldSimple().setInstr("PAGE");
    }

    /** The issuing office beside the national motto, then the draft mark, the title and the period. */
    private static void heading(XWPFDocument document, Draft.Heading heading) {
        XWPFTable block = document.createTable(1, 2);
        block.removeBorders();
        widths(block, new int[] {TEXT_WIDTH * 2 / 5, TEXT_WIDTH - TEXT_WIDTH * 2 / 5});
        XWPFParagraph issuer = block.getRow(0).getCell(0).getParagraphs().get(0);
        issuer.setAlignment(ParagraphAlignment.CENTER);
        run(issuer, heading.issuer(), 12, true, false);
        XWPFTableCell right = block.getRow(0).getCell(1);
        XWPFParagraph nation = right.getParagraphs().get(0);
        nation.setAlignment(ParagraphAlignment.CENTER);
        run(nation, heading.nation(), 12, true, false);
        XWPFParagraph motto = right.addParagraph();
        motto.setAlignment(ParagraphAlignment.CENTER);
        run(motto, heading.motto(), BODY_SIZE, true, false);

        XWPFParagraph mark = document.createParagraph();
        mark.setAlignment(ParagraphAlignment.RIGHT);
        mark.setSpacingBefore(240);
        run(mark, heading.draftMark(), 12, true, true);
        for (String line : List.of(heading.title(), heading.subtitle())) {
            XWPFParagraph title = document.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            title.setSpacingAfter(0);
            run(title, line, BODY_SIZE, true, false);
        }
        XWPFParagraph period = document.createParagraph();
        period.setAlignment(ParagraphAlignment.CENTER);
        period.setSpacingAfter(240);
        run(period, heading.period(), BODY_SIZE, false, true);
    }

    private static void title(XWPFDocument document, String text) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setAlignment(ParagraphAlignment.BOTH);
        paragraph.setIndentationFirstLine(567);
        paragraph.setSpacingBefore(120);
        paragraph.setSpacingAfter(60);
        paragraph.setKeepNext(true);
        run(paragraph, text, BODY_SIZE, true, false);
    }

    private static void body(XWPFDocument document, String text) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setAlignment(ParagraphAlignment.BOTH);
        paragraph.setIndentationFirstLine(567);
        paragraph.setSpacingAfter(120);
        run(paragraph, text, BODY_SIZE, false, false);
    }

    private static void table(XWPFDocument document, Draft.Table table) {
        XWPFParagraph caption = document.createParagraph();
        caption.setAlignment(ParagraphAlignment.CENTER);
        caption.setSpacingBefore(240);
        caption.setSpacingAfter(60);
        caption.setKeepNext(true);
        run(caption, table.title(), 13, true, false);

        int columns = table.columns().size();
        XWPFTable grid = document.createTable(table.rows().size() + 1, columns);
        widths(grid, columnWidths(columns));
        XWPFTableRow header = grid.getRow(0);
        header.setRepeatHeader(true);
        for (int c = 0; c < columns; c++) {
            XWPFTableCell cell = header.getCell(c);
            cell.setColor("E7E6E6");
            cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
            XWPFParagraph p = cell.getParagraphs().get(0);
            p.setAlignment(ParagraphAlignment.CENTER);
            run(p, table.columns().get(c), TABLE_SIZE, true, false);
        }
        for (int r = 0; r < table.rows().size(); r++) {
            Draft.Row row = table.rows().get(r);
            XWPFTableRow line = grid.getRow(r + 1);
            line.setCantSplitRow(true);
            for (int c = 0; c < columns; c++) {
                XWPFParagraph p = line.getCell(c).getParagraphs().get(0);
                p.setAlignment(c == 0 ? ParagraphAlignment.LEFT : ParagraphAlignment.RIGHT);
                run(p, c < row.cells().size() ? row.cells().get(c) : "", TABLE_SIZE, row.emphasis(), false);
            }
        }
    }

    /** The first column names the row and gets the room it needs; the figures share the rest. */
    private static int[] columnWidths(int columns) {
        int[] widths = new int[columns];
        int first = columns <= 5 ? TEXT_WIDTH * 9 / 25 : TEXT_WIDTH / 4;
        widths[0] = first;
        for (int c = 1; c < columns; c++) {
            widths[c] = (TEXT_WIDTH - first) / (columns - 1);
        }
        return widths;
    }

    private static void widths(XWPFTable table, int[] widths) {
        CTTblPr properties = table.getCTTbl().getTblPr();
        CTTblLayoutType layout = properties.isSetTblLayout() ? properties.getTblLayout() : properties.addNewTblLayout();
        layout.setType(STTblLayoutType.FIXED);
        table.setWidth(Integer.toString(TEXT_WIDTH));
        CTTblGrid grid = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid() : table.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int width : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(width));
        }
        for (XWPFTableRow row : table.getRows()) {
            for (int c = 0; c < widths.length; c++) {
                row.getCell(c).setWidth(Integer.toString(widths[c]));
            }
        }
    }

    private static void run(XWPFParagraph paragraph, String text, int size, boolean bold, boolean italic) {
        XWPFRun run = paragraph.createRun();
        run.setFontFamily(FONT);
        run.setFontSize(size);
        run.setBold(bold);
        run.setItalic(italic);
        run.setText(text);
    }
}
