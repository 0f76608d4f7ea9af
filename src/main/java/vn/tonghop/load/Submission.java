package vn.tonghop.load;

import java.time.OffsetDateTime;

/** A file that reached the inbox, as registered by the scan step. */
public record Submission(long id, Long runId, String officeCode, String fileName, String inboxPath, String sha256,
                         long sizeBytes, OffsetDateTime receivedAt, String status, Long duplicateOf, String format,
                         String encoding, String sheet, String periodCode, int rowsRead, int rowsAccepted,
                         int rowsRejected, int errors, int warnings, int reportsSuperseded, String rejectReason,
                         String movedTo) {
}
