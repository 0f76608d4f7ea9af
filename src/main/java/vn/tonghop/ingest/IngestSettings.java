package vn.tonghop.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Ingest configuration ({@code tonghop.ingest.*}).
 *
 * @param allowRootFiles accept files dropped at the inbox root (no office scope) instead of rejecting them
 * @param threads        files read in parallel
 * @param chunkSize      rows per transaction while reading a file
 */
@ConfigurationProperties("tonghop.ingest")
public record IngestSettings(boolean allowRootFiles, Integer threads, Integer chunkSize) {

    public IngestSettings {
        threads = threads == null || threads < 1 ? 2 : threads;
        chunkSize = chunkSize == null || chunkSize < 1 ? 500 : chunkSize;
    }
}
