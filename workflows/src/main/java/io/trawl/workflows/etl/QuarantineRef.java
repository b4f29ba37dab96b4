package io.trawl.workflows.etl;

/**
 * A file that failed validation, moved aside with its reason.
 *
 * @param id the {@code etl_quarantine} row
 * @param directory absolute path of {@code quarantine/<source>/<timestamp>}
 * @param check the failed check, e.g. "checksum", "html-page", "truncated"
 * @param reason the failure message
 */
public record QuarantineRef(long id, String directory, String check, String reason) {}
