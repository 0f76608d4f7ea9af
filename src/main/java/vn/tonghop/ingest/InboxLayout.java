package vn.tonghop.ingest;

import java.nio.file.Files;
import java.nio.file.LinkOption;
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

    /**
     * The folder a processed file goes to: {@code archive/<day>/<office>/} or {@code rejected/<day>/<office>/},
     * or the day's folder itself for a file from the inbox root. The office folder's name is the inbox folder's,
     * made safe ({@link #safeName}), and the result never lies outside {@code archive/} or {@code rejected/}.
     */
    public Path destination(boolean rejectedFile, LocalDate day, String officeFolder) {
        Path base = rejectedFile ? rejected(day) : archive(day);
        Path folder = officeFolder == null ? base : base.resolve(safeName(officeFolder));
        return inside(base, folder);
    }

    /** A file's place in a destination folder, under a safe name, never outside the folder. */
    public static Path fileIn(Path folder, String fileName) {
        return inside(folder, folder.resolve(safeName(fileName)));
    }

    private static Path inside(Path base, Path path) {
        Path root = base.normalize();
        Path normalized = path.normalize();
        if (!normalized.startsWith(root)) {
            throw new IllegalArgumentException("Path escapes " + root + ": " + path);
        }
        return normalized;
    }

    /**
     * A folder or file name as it may be used under archive/ and rejected/: letters (Vietnamese ones too), digits,
     * spaces and {@code . - _ ( ) ,} are kept, anything else (separators, control characters, {@code :*?"<>|%$;'})
     * becomes {@code _}, and a leading dot too, so that {@code ..} or {@code .hidden} cannot mean anything.
     */
    public static String safeName(String name) {
        StringBuilder safe = new StringBuilder();
        name.strip().codePoints().forEach(c -> safe.appendCodePoint(
                Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK || " .-_(),".indexOf(c) >= 0 ? c : '_'));
        for (int i = 0; i < safe.length() && safe.charAt(i) == '.'; i++) {
            safe.setCharAt(i, '_');
        }
        return safe.isEmpty() ? "_" : safe.toString();
    }

    /** A file the scan should take: a regular file (not a link to somewhere else) that is not ignored. */
    public static boolean isWaiting(Path file) {
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && !isIgnored(file.getFileName().toString());
    }

    /** Temporary and lock files of office suites, partial downloads, and our own results. */
    public static boolean isIgnored(String fileName) {
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        return fileName.startsWith("~$") || fileName.startsWith(".~lock") || fileName.startsWith(".")
                || lower.endsWith(".tmp") || lower.endsWith(".part") || lower.endsWith(".crdownload")
                || lower.contains(".ketqua.");
    }
}
