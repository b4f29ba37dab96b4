package io.trawl.workflows.etl;

import java.util.Locale;

/** How one source's run ended. */
public enum EtlOutcome {
  /** A new file passed validation and is at its target, with its manifest record. */
  DOWNLOADED,
  /** The gate (or a 304) found the local copy current; nothing was transferred. */
  FRESH,
  /** Dry run: the gate said download; nothing was transferred. */
  WOULD_DOWNLOAD,
  /** The download failed validation and was moved to quarantine; the old file stays. */
  QUARANTINED,
  /** The run failed (probe, download, size limit, storage). */
  FAILED;

  /** The CLI's word: downloaded, fresh, would-download, quarantined, failed. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Quarantined and failed sources make {@code trawl etl run} exit non-zero. */
  public boolean problem() {
    return this == QUARANTINED || this == FAILED;
  }
}
