package vn.tonghop.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * Checks a workbook's zip before POI reads it: every part must inflate to exactly its declared size and
 * checksum (CRC-32). Zip parts carry a checksum, but neither the JDK's nor POI's zip readers verify it, so a
 * damaged byte inside a part could otherwise change a figure without anyone noticing; here it rejects the file.
 *
 * <p>Zip bombs are refused by the parts' declared sizes before anything is inflated (POI's limits: a part may
 * not expand more than {@link ZipSecureFile#getMinInflateRatio() 1/ratio} times beyond its first 100 KB), and a
 * part that inflates beyond the size it declares is refused as damaged, so a lying header cannot get around
 * that. The check costs one inflation of the package, far less than parsing its XML.
 */
final class ZipIntegrity {

    /** Parts smaller than this are not held to the inflation ratio (POI's grace size). */
    private static final long GRACE_BYTES = 100 * 1024;

    private ZipIntegrity() {
    }

    /** Parts of at most this many bytes (inflated) are kept as the check inflates them: a district's sheet is some 10 KB. */
    static final int KEPT_PART_BYTES = 64 * 1024;
    /** What one workbook's kept parts may take in all; the parts beyond are inflated again when they are read. */
    static final int KEPT_TOTAL_BYTES = 1024 * 1024;

    /**
     * Checks the parts of a zip opened by the caller, who closes it, and returns the small parts as they were inflated
     * for the check, by their lower-case names (the first part of a name, as the reader finds parts): read again from
     * these bytes, a part is inflated once, not three or four times (the check, the workbook's first look for data, the
     * header search, the rows).
     */
    static Map<String, byte[]> verify(ZipFile zip, String name) throws UnreadableFileException {
        Map<String, byte[]> kept = new HashMap<>();
        Set<String> seen = new HashSet<>();
        long keptBytes = 0;
        try {
            byte[] buffer = new byte[16 * 1024];
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                refuseBomb(name, entry);
                String lowerCase = entry.getName().toLowerCase(Locale.ROOT);
                long size = entry.getSize();
                boolean keep = seen.add(lowerCase) && size >= 0 && size <= KEPT_PART_BYTES && keptBytes + size <= KEPT_TOTAL_BYTES;
                byte[] bytes = verifyEntry(zip, entry, name, buffer, keep);
                if (bytes != null) {
                    kept.put(lowerCase, bytes);
                    keptBytes += bytes.length;
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFileException(UnreadableReason.CORRUPT,
                    "Workbook " + name + " is not a sound zip archive: " + e, e);
        }
        return kept;
    }

    private static void refuseBomb(String name, ZipEntry entry) throws UnreadableFileException {
        long size = entry.getSize();
        long compressed = entry.getCompressedSize();
        if (size < 0 || compressed < 0) {
            return; // not declared: held to the count below
        }
        boolean tooLarge = size > ZipSecureFile.getMaxEntrySize();
        boolean tooDense = size > GRACE_BYTES && (double) compressed / size < ZipSecureFile.getMinInflateRatio();
        if (tooLarge || tooDense) {
            throw new UnreadableFileException(UnreadableReason.ZIP_BOMB, "Workbook " + name + " looks like a zip bomb: part "
                    + entry.getName() + " declares " + size + " bytes from " + compressed);
        }
    }

    /** Inflates a part whole, holding it to its declared size and checksum; returns its bytes when asked to keep them. */
    private static byte[] verifyEntry(ZipFile zip, ZipEntry entry, String name, byte[] buffer, boolean keep)
            throws IOException, UnreadableFileException {
        CRC32 crc = new CRC32();
        long declared = entry.getSize();
        long limit = declared >= 0 ? declared : ZipSecureFile.getMaxEntrySize();
        byte[] kept = keep ? new byte[(int) declared] : null;
        long total = 0;
        try (InputStream in = zip.getInputStream(entry)) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                total += read;
                if (total > limit) {
                    throw new UnreadableFileException(UnreadableReason.CORRUPT, "Workbook " + name + ": part "
                            + entry.getName() + " inflates beyond the " + limit + " bytes it declares");
                }
                crc.update(buffer, 0, read);
                if (kept != null) {
                    System.arraycopy(buffer, 0, kept, (int) (total - read), read);
                }
            }
        }
        if ((declared >= 0 && total != declared) || (entry.getCrc() >= 0 && crc.getValue() != entry.getCrc())) {
            throw new UnreadableFileException(UnreadableReason.CORRUPT, "Workbook " + name + ": part " + entry.getName()
                    + " is damaged (" + total + " bytes, CRC " + Long.toHexString(crc.getValue()) + ", declared " + declared
                    + " bytes, CRC " + Long.toHexString(entry.getCrc()) + ")");
        }
        return kept;
    }
}
