package vn.tonghop.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.tonghop.validate.Messages;

/**
 * The {@code --inbox} of {@code ingest}, {@code run} and {@code serve} must be a folder that exists: a mistyped path
 * would otherwise be created empty and the run end "no new files" with exit 0 while the clerks' files wait elsewhere,
 * and a file given instead of its folder failed the scan, which every later run then resumed and failed again.
 */
final class InboxFolder {

    private InboxFolder() {
    }

    /** True when {@code inbox} is a folder; otherwise says why on {@code err} (one line) and returns false. */
    static boolean usable(Path inbox, Messages messages, PrintWriter err) {
        Path shown = inbox.toAbsolutePath().normalize();
        if (Files.isDirectory(inbox)) {
            return true;
        }
        err.println(messages.get(Files.exists(inbox) ? "inbox.notFolder" : "inbox.missing", shown));
        err.flush();
        return false;
    }
}
