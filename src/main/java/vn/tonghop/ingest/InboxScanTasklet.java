package vn.tonghop.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tonghop.form.FormCatalogSync;
import vn.tonghop.load.SubmissionRepository;
import vn.tonghop.validate.Messages;

/**
 * Scan step: lists the inbox, hashes every file (SHA-256, streamed) and registers it as a submission;
 * a file whose content was already received is registered as a duplicate and never read again.
 * Files are taken in the order they arrived (modification time, then path), so a later correction
 * supersedes the earlier file.
 */
final class InboxScanTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(InboxScanTasklet.class);

    private final InboxLayout layout;
    private final SubmissionRepository submissions;
    private final JdbcTemplate jdbc;
    private final FormCatalogSync catalog;
    private final Messages messages;

    InboxScanTasklet(InboxLayout layout, SubmissionRepository submissions, JdbcTemplate jdbc, FormCatalogSync catalog, Messages messages) {
        this.layout = layout;
        this.submissions = submissions;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.messages = messages;
    }

    private record Found(Path path, String relative, String office, Instant modified, long size) {
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        catalog.sync();
        long runId = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstance().getInstanceId();
        Path inbox = layout.inbox();
        if (!Files.isDirectory(inbox)) {
            Files.createDirectories(inbox);
            log.info("Inbox {} did not exist; created it empty", inbox);
        }
        List<Found> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(inbox)) {
            files.forEach(path -> {
                if (Files.isSymbolicLink(path)) {
                    log.warn("{} is a symbolic link; not taken (only files really in the inbox are read)", path);
                    return;
                }
                if (!InboxLayout.isWaiting(path)) {
                    return;
                }
                Path relative = inbox.relativize(path);
                String office = relative.getNameCount() > 1 ? relative.getName(0).toString() : null;
                try {
                    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                    found.add(new Found(path, portable(relative), office,
                            attributes.lastModifiedTime().toInstant(), attributes.size()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        found.sort(Comparator.comparing(Found::modified).thenComparing(Found::relative));
        int registered = 0;
        for (Found file : found) {
            Integer known = jdbc.queryForObject("SELECT count(*) FROM submission WHERE run_id = ? AND inbox_path = ?",
                    Integer.class, runId, file.relative());
            if (known != null && known > 0) {
                continue; // registered before a restart of this run
            }
            String sha = sha256(file.path());
            long id = submissions.register(runId, file.office(), file.path().getFileName().toString(), file.relative(), sha,
                    file.size(), file.modified());
            submissions.firstWithChecksum(sha, id).ifPresent(original -> {
                submissions.markDuplicate(id, original.id(), messages.get("file.duplicate", original.inboxPath(),
                        original.receivedAt().atZoneSameInstant(ZoneId.systemDefault()).format(DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy"))));
                log.info("{}: same content as submission {} ({}); counted once", file.relative(), original.id(), original.inboxPath());
            });
            registered++;
            contribution.incrementWriteCount(1);
        }
        log.info("Scan of {}: {} new file(s)", inbox, registered);
        return RepeatStatus.FINISHED;
    }

    /**
     * The relative path with {@code /} between its names, on every system. A backslash inside a name (legal on
     * Linux: a folder called {@code ..\..}) stays part of that name and is never read as a separator.
     */
    static String portable(Path relative) {
        StringBuilder text = new StringBuilder();
        for (Path name : relative) {
            if (!text.isEmpty()) {
                text.append('/');
            }
            text.append(name);
        }
        return text.toString();
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
