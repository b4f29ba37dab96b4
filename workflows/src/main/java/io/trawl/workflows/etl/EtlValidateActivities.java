package io.trawl.workflows.etl;

import io.temporal.activity.ActivityInterface;

/** Step 6 of a source run: decide whether a downloaded file may be used. */
@ActivityInterface(namePrefix = "Etl")
public interface EtlValidateActivities {
  /**
   * Checks the staged file: not empty; its length matches what the server announced (truncation);
   * no HTML error page where a binary or text data format was declared; the format's magic bytes;
   * the expected SHA-256 when configured; for gzip and zip, the whole stream decompresses with
   * correct CRCs. Read-only, so retries are harmless.
   *
   * <p>Throws non-retryable {@code ValidationFailed} whose first detail names the failed check
   * (empty, truncated, html-page, magic, checksum, gzip-stream, zip-archive); the workflow then
   * quarantines the file.
   */
  ValidationReport validate(EtlSource source, ProbeResult probe, DownloadRef download);
}
