package io.trawl.workflows.etl;

import io.temporal.activity.ActivityInterface;

/** Step 5 of a source run: the resumable download. */
@ActivityInterface(namePrefix = "Etl")
public interface EtlDownloadActivities {
  /**
   * Streams the source into a partial file beside its target while computing SHA-256 in the same
   * pass, heartbeating a {@link DownloadCheckpoint}. A retry (after a crash, on any worker) reads
   * the last checkpoint and resumes with {@code Range} + {@code If-Range}; it starts over when the
   * server ignores the Range or the entity changed. At the end the file is fsynced and atomically
   * renamed to its staged name, still beside the target, and the result points at it.
   *
   * <p>With {@code ifNoneMatch} the GET is conditional; a 304 returns {@link
   * DownloadRef#notModified}. Throws non-retryable {@code SizeLimitExceeded} (partial file deleted)
   * when the body passes {@code max_bytes}, {@code InvalidInput} for a refused URL or target,
   * {@code ProviderRejected} for 4xx; retryable {@code ProviderRateLimited} and {@code
   * ProviderUnavailable} for 429, 5xx and broken connections.
   *
   * @param ifNoneMatch the manifest's ETag, sent as If-None-Match, or null
   */
  DownloadRef download(EtlSource source, ProbeResult probe, String ifNoneMatch);
}
