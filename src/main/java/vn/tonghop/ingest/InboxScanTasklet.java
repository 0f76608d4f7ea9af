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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import vn.tonghop.ops.RunProgress;
import vn.tonghop.validate.Messages;

/**
 * Scan step: lists the inbox, hashes every file (SHA-256, streamed) and registers it as a submission;
 * a file whose content was already received is registered as a duplicate and never read again.
 * Files are taken in the order they arrived (modification time, then path), so a later correction
 * supersedes the earlier file. Files still being written are left for a later run ({@link FileSettling}).
 */
final class InboxScanTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(InboxScanTasklet.class);

    private final InboxLayout layout;
    private final SubmissionRepository submissions;
    private final JdbcTemplate jdbc;
    private final FormCatalogSync catalog;
    private final Messages messages;
    private final FileSettling settling;
    private final RunProgress progress;

    InboxScanTasklet(InboxLayout layout, SubmissionRepository submissions, JdbcTemplate jdbc, FormCatalogSync catalog, Messages messages,
                     FileSettling settling, RunProgress progress) {
        this.layout = layout;
        this.submissions = submissions;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.messages = messages;
        this.settling = settling;
        this.progress = progress;
    }

    private record Found(Path path, String relative, String office, Instant modified, long size) {
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException, InterruptedException {
        catalog.sync();
        long runId = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstance().getInstanceId();
        Path inbox = layout.inbox();
        if (!Files.isDirectory(inbox)) {
            Files.createDirectories(inbox);
            log.info("Inbox {} did not exist; created it empty", inbox);
        }
        List<Found> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(inbox)) {
            files.filter(Files::isRegularFile).forEach(path -> {
                String name = path.getFileName().toString();
                if (InboxLayout.isIgnored(name)) {
                    return;
                }
                Path relative = inbox.relativize(path);
                String office = relative.getNameCount() > 1 ? relative.getName(0).toString() : null;
                try {
                    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                    found.add(new Found(path, relative.toString().replace('\\', '/'), office,
                            attributes.lastModifiedTime().toInstant(), attributes.size()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        found.sort(Comparator.comparing(Found::modified).thenComparing(Found::relative));
        Map<Path, FileSettling.Stamp> stamps = new LinkedHashMap<>();
        found.forEach(file -> stamps.put(file.path(), new FileSettling.Stamp(file.size(), file.modified())));
        Set<Path> writing = settling.stillBeingWritten(stamps);
        progress.phase(RunProgress.Phase.SCAN, found.size(), found.stream().mapToLong(Found::size).sum());
        int registered = 0;
        for (Found file : found) {
            progress.fileDone(file.size(), 0);
            if (writing.contains(file.path())) {
                log.info("{}: still being written; left for a later run", file.relative());
                continue;
            }
            Integer known = jdbc.queryForObject("SELECT count(*) FROM submission WHERE run_id = ? AND inbox_path = ?",
                    Integer.class, runId, file.relative());
            if (known != null && known > 0) {
                continue; // registered before a restart of this run
            }
            String sha = sha256(file.path());
            if (!settling.unchanged(file.path(), stamps.get(file.path()))) {
                log.info("{}: changed while it was read; left for a later run", file.relative());
                continue;
            }
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

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
