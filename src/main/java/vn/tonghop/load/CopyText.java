package vn.tonghop.load;

/** Fields of {@code COPY ... FROM STDIN WITH (FORMAT csv)} as tonghop writes them. */
final class CopyText {

    private CopyText() {
    }

    /** A text field, always quoted, so an empty text stays empty rather than NULL; null stays NULL (nothing written). */
    static StringBuilder quote(StringBuilder out, String text) {
        if (text == null) {
            return out;
        }
        out.append('"');
        if (text.indexOf('"') < 0) {
            out.append(text);
        } else {
            out.append(text.replace("\"", "\"\""));
        }
        return out.append('"');
    }
}
