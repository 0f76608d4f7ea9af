package vn.tonghop.export.narrative;

import java.util.List;

/**
 * The drafted report, as text and tables, before it becomes a Word file: the heading block, the
 * introduction, then parts numbered I, II, III... each with numbered sections, paragraphs or tables.
 */
record Draft(Heading heading, List<String> introduction, List<Part> parts) {

    Draft {
        introduction = List.copyOf(introduction);
        parts = List.copyOf(parts);
    }

    record Heading(String issuer, String nation, String motto, String draftMark, String title, String subtitle, String period) {
    }

    record Part(String title, List<Section> sections, List<String> paragraphs, List<Table> tables) {

        Part {
            sections = List.copyOf(sections);
            paragraphs = List.copyOf(paragraphs);
            tables = List.copyOf(tables);
        }
    }

    record Section(String title, List<String> paragraphs) {

        Section {
            paragraphs = List.copyOf(paragraphs);
        }
    }

    /** A table: its title, column headers, rows; the first column names the row, the others hold figures. */
    record Table(String title, List<String> columns, List<Row> rows) {

        Table {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }
    }

    /** @param emphasis a total or a district's row, set in bold */
    record Row(List<String> cells, boolean emphasis) {

        Row {
            cells = List.copyOf(cells);
        }
    }
}
