package vn.tonghop.read;

import java.util.ArrayList;
import java.util.List;

/** The part names of an Office Open XML package, as its relationships name them. */
public final class PartNames {

    private PartNames() {
    }

    /**
     * A relationship's target as a part name (no leading slash): absolute ({@code /xl/styles.xml}) or relative to
     * {@code folder} ({@code xl/}), with its {@code ..} and {@code .} segments resolved.
     */
    public static String resolve(String folder, String target) {
        String path = target.startsWith("/") ? target.substring(1) : folder + target;
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                if (!segments.isEmpty()) {
                    segments.remove(segments.size() - 1);
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        return String.join("/", segments);
    }
}
