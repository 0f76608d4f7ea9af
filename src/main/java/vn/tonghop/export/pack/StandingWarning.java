package vn.tonghop.export.pack;

/**
 * A warning on a report still in force (not superseded by a correction), with where it was found.
 *
 * @param communeCode null for a warning on the whole file (a total row that does not add up)
 * @param file        the file as it arrived, {@code <office>/<name>}
 */
public record StandingWarning(String communeCode, String communeName, String districtCode, String file, String sheet, Integer row,
                              String column, String value, String message) {
}
