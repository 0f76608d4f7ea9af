package vn.tonghop.read;

/**
 * A worksheet of a table file: its name, its 0-based position among the file's worksheets and whether the
 * clerk has hidden it. A CSV file has one sheet, named after the file.
 */
public record SheetRef(String name, int index, boolean hidden) {
}
