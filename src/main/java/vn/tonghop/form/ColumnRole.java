package vn.tonghop.form;

/** Columns of a submission that identify a row rather than carry an indicator. */
public enum ColumnRole {
    ROW_NUMBER("row_number"),
    UNIT_CODE("unit_code"),
    UNIT_NAME("unit_name"),
    DISTRICT("district"),
    PERIOD("period"),
    LONG_INDICATOR("long_indicator"),
    LONG_VALUE("long_value");

    private final String yamlKey;

    ColumnRole(String yamlKey) {
        this.yamlKey = yamlKey;
    }

    public String yamlKey() {
        return yamlKey;
    }
}
