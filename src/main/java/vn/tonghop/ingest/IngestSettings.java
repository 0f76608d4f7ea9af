package vn.tonghop.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Ingest configuration ({@code tonghop.ingest.*}).
 *
 * @param allowRootFiles accept files dropped at the inbox root (no office scope) instead of rejecting them
 * @param threads        files read in parallel
 * @param chunkSize      rows per transaction while reading a file
 * @param maxFileBytes   a larger file is rejected unread: a clerk's report is kilobytes, a district's year a few
 *                       megabytes; a gigabyte is a mistake (a video, a disk image, a whole database export)
 * @param settleSeconds  a file modified this recently may still be being written (a copy over the network, a
 *                       scanner); the scan waits that long once and takes it only if it did not change meanwhile
 */
@ConfigurationProperties("tonghop.ingest")
public record IngestSettings(boolean allowRootFiles, Integer threads, Integer chunkSize, Long maxFileBytes,
                             Integer settleSeconds) {

    public static final long DEFAULT_MAX_FILE_BYTES = 100L * 1024 * 1024;
    public static final int DEFAULT_SETTLE_SECONDS = 2;

    public IngestSettings {
        threads = threads == null || threads < 1 ? 2 : threads;
        chunkSize = chunkSize == null || chunkSize < 1 ? 500 : chunkSize;
        maxFileBytes = maxFileBytes == null || maxFileBytes < 1 ? DEFAULT_MAX_FILE_BYTES : maxFileBytes;
        settleSeconds = settleSeconds == null || settleSeconds < 0 ? DEFAULT_SETTLE_SECONDS : settleSeconds;
    }
}
