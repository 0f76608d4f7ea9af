package vn.tonghop.validate;

import java.util.Locale;

/** Errors reject a row (or a whole unreadable file); warnings accept it and are listed. */
public enum Severity {
    ERROR, WARNING;

    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
