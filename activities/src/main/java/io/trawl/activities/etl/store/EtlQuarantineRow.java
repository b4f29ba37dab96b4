package io.trawl.activities.etl.store;

import java.time.Instant;

/**
 * One row of {@code etl_quarantine}: a download refused by validation.
 *
 * @param id the row id (0 before insert)
 * @param sourceId the source
 * @param url the configured URL
 * @param directory absolute path of {@code quarantine/<source>/<timestamp>}
 * @param fileName the quarantined file's name inside it
 * @param check the failed check
 * @param reason the failure message
 * @param size bytes
 * @param sha256 hex digest, or null
 * @param etag the ETag it was served with, or null
 * @param quarantinedAt when
 * @param workflowId the source run's workflow
 */
public record EtlQuarantineRow(
    long id,
    String sourceId,
    String url,
    String directory,
    String fileName,
    String check,
    String reason,
    long size,
    String sha256,
    String etag,
    Instant quarantinedAt,
    String workflowId) {}
