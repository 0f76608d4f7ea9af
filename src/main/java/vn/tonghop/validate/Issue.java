package vn.tonghop.validate;

/**
 * One problem found in a file, with where it is.
 *
 * @param code         message key, e.g. {@code cell.atMost}
 * @param rowNumber    1-based row as the clerk sees it, or null for the whole file
 * @param column       the column's header as written, or null
 * @param cellValue    the cell as typed, or null
 * @param communeCode  the commune the row was matched to, or null
 */
public record Issue(Severity severity, String code, String sheet, Integer rowNumber, String column, String cellValue,
                    String communeCode, String message) {

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
