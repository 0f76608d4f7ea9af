package vn.tonghop.ingest;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Where files come from and go to: {@code inbox/<office-code>/file}, then
 * {@code archive/<yyyy-mm-dd>/<office-code>/file} or {@code rejected/<yyyy-mm-dd>/<office-code>/file}
 * beside the inbox, with the results next to the moved file.
 */
public record InboxLayout(Path inbox) {

    public InboxLayout {
        inbox = inbox.toAbsolutePath().normalize();
    }

    public Path root() {
        Path parent = inbox.getParent();
        return parent == null ? inbox : parent;
    }

    public Path archive(LocalDate day) {
        return root().resolve("archive").resolve(day.toString());
    }

    public Path rejected(LocalDate day) {
        return root().resolve("rejected").resolve(day.toString());
    }

    /** The inbox file of a registered submission; never outside the inbox. */
    public Path file(String relativePath) {
        Path resolved = inbox.resolve(relativePath).normalize();
        if (!resolved.startsWith(inbox)) {
            throw new IllegalArgumentException("Path escapes the inbox: " + relativePath);
        }
        return resolved;
    }

    /** Temporary and lock files of office suites, partial downloads, and our own results. */
    public static boolean isIgnored(String fileName) {
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        return fileName.startsWith("~$") || fileName.startsWith(".~lock") || fileName.startsWith(".")
                || lower.endsWith(".tmp") || lower.endsWith(".part") || lower.endsWith(".crdownload")
                || lower.contains(".ketqua.");
    }
}
