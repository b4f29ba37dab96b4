package io.trawl.workflows.etl;

import java.time.Instant;

/**
 * The last good download of a source, as {@code etl_manifest} holds it.
 *
 * @param sourceId the source
 * @param url the configured URL it came from
 * @param etag the ETag it was served with, or null
 * @param lastModified the Last-Modified it was served with, or null
 * @param size bytes
 * @param sha256 hex digest of the file
 * @param path absolute path of the file on the worker
 * @param downloadedAt when the download finished
 * @param validatedAt when it passed validation
 */
public record ManifestRecord(
    String sourceId,
    String url,
    String etag,
    String lastModified,
    long size,
    String sha256,
    String path,
    Instant downloadedAt,
    Instant validatedAt) {}
