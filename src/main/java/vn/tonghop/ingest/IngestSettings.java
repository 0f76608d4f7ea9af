package vn.tonghop.ingest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Ingest configuration ({@code tonghop.ingest.*}).
 *
 * @param allowRootFiles accept files dropped at the inbox root (no office scope) instead of rejecting them
 * @param threads        files read in parallel
 * @param chunkSize      rows per transaction while reading a file
 * @param settleSeconds  a file whose size or modification time changed within this many seconds is still
 *                       being written and is left for a later run (0: take every file at once)
 */
@ConfigurationProperties("tonghop.ingest")
public record IngestSettings(boolean allowRootFiles, Integer threads, Integer chunkSize, Integer settleSeconds) {

    public IngestSettings {
        threads = threads == null || threads < 1 ? 2 : threads;
        chunkSize = chunkSize == null || chunkSize < 1 ? 500 : chunkSize;
        settleSeconds = settleSeconds == null || settleSeconds < 0 ? 5 : settleSeconds;
    }

    public Duration settle() {
        return Duration.ofSeconds(settleSeconds);
    }
}
