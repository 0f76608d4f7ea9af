package vn.tonghop.validate;

import java.util.Locale;

/**
 * Errors reject a row (or a whole unreadable file); warnings accept it and are listed. Notes only tell the
 * clerk how the file was read (which sheet); they are written into the results, never stored as issues.
 */
public enum Severity {
    ERROR, WARNING, NOTE;

    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
