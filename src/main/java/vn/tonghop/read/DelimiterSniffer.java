package vn.tonghop.read;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks a CSV's delimiter among tab, semicolon and comma from its first records: the one that splits the most
 * records into the same number (more than one) of fields, quotes respected. A comma that is a decimal
 * separator ({@code 2,5}) or inside a header's words splits records unevenly and so loses.
 */
final class DelimiterSniffer {

    /** In order of preference when two candidates split the records equally well. */
    private static final char[] CANDIDATES = {'\t', ';', ','};
    private static final int MAX_RECORDS = 50;

    private DelimiterSniffer() {
    }

    /**
     * @param text     the start of the file, decoded
     * @param complete whether the text is the whole file (else its last, possibly cut, record is ignored)
     */
    static char sniff(String text, boolean complete) {
        char best = ',';
        int bestConsistent = 0;
        int bestFields = 0;
        for (char candidate : CANDIDATES) {
            List<Integer> counts = fieldCounts(text, candidate, complete);
            Map<Integer, Integer> frequency = new HashMap<>();
            for (int count : counts) {
                if (count > 1) {
                    frequency.merge(count, 1, Integer::sum);
                }
            }
            int fields = 0;
            int consistent = 0;
            for (Map.Entry<Integer, Integer> entry : frequency.entrySet()) {
                if (entry.getValue() > consistent || (entry.getValue() == consistent && entry.getKey() > fields)) {
                    consistent = entry.getValue();
                    fields = entry.getKey();
                }
            }
            if (consistent > bestConsistent || (consistent == bestConsistent && fields > bestFields)) {
                best = candidate;
                bestConsistent = consistent;
                bestFields = fields;
            }
        }
        return best;
    }

    /** The number of fields of each non-blank record, splitting on the delimiter outside quotes. */
    private static List<Integer> fieldCounts(String text, char delimiter, boolean complete) {
        List<Integer> counts = new ArrayList<>();
        boolean inQuotes = false;
        boolean blank = true;
        int fields = 1;
        for (int i = 0; i < text.length() && counts.size() < MAX_RECORDS; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                inQuotes = !inQuotes;
                blank = false;
            } else if (inQuotes) {
                continue;
            } else if (c == delimiter) {
                fields++;
            } else if (c == '\n' || c == '\r') {
                if (!blank || fields > 1) {
                    counts.add(fields);
                }
                fields = 1;
                blank = true;
            } else if (!Character.isWhitespace(c)) {
                blank = false;
            }
        }
        if (complete && (!blank || fields > 1) && counts.size() < MAX_RECORDS) {
            counts.add(fields);
        }
        return counts;
    }
}
