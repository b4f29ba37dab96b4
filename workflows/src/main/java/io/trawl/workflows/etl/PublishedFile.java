package io.trawl.workflows.etl;

import java.time.Instant;

/**
 * A validated file at its target with its manifest record written.
 *
 * @param path absolute path of the target
 * @param bytes size
 * @param sha256 hex digest
 * @param downloadedAt when the download finished
 * @param validatedAt when it passed validation
 */
public record PublishedFile(
    String path, long bytes, String sha256, Instant downloadedAt, Instant validatedAt) {}
