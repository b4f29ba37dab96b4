package io.trawl.workflows.etl;

import io.temporal.activity.ActivityInterface;

/** The local side of a source run: its files, {@code etl_manifest}, quarantine and run records. */
@ActivityInterface(namePrefix = "Etl")
public interface EtlManifestActivities {
  /**
   * Step 2: reads the source's manifest record and looks at its target file; hashes the file only
   * when {@code hash} is set and its size matches the manifest. Read-only. Throws non-retryable
   * {@code InvalidInput} when the target escapes the data directory.
   */
  LocalState inspectLocal(EtlSource source, boolean hash);

  /**
   * Step 7: renames the validated staged file onto the target (atomic, directory fsynced) and
   * upserts the manifest record. Idempotent: when the staged file is gone and the target already
   * has the download's size and digest, the rename is not repeated and the record is rewritten to
   * the same values.
   */
  PublishedFile publish(EtlSource source, DownloadRef download, ValidationReport report);

  /**
   * Moves the staged file to {@code quarantine/<source>/<timestamp>/} with a {@code reason.json}
   * beside it and records an {@code etl_quarantine} row; the target and the manifest stay as they
   * were. Idempotent: keyed by the workflow run, a retry finds the moved file and the row.
   *
   * @param quarantinedAtMillis workflow time of the failure; names the directory, so a retry picks
   *     the same one
   */
  QuarantineRef quarantine(
      EtlSource source,
      DownloadRef download,
      String check,
      String reason,
      long quarantinedAtMillis);

  /** Upserts the {@code etl_runs} row of this workflow run with its outcome. Idempotent. */
  void recordOutcome(EtlSourceResult result);
}
