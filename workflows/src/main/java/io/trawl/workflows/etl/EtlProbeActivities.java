package io.trawl.workflows.etl;

import io.temporal.activity.ActivityInterface;

/** Step 1 of a source run: ask the server about the file without downloading it. */
@ActivityInterface(namePrefix = "Etl")
public interface EtlProbeActivities {
  /**
   * Sends HEAD (or, when HEAD is refused with 400, 403, 405 or 501, a GET for {@code Range:
   * bytes=0-0}) and follows at most five redirects to http(s) URLs. Read-only, so retries are
   * harmless. Throws non-retryable {@code InvalidInput} for a URL that is not http(s) (or a sandbox
   * URL without a sandbox), non-retryable {@code ProviderRejected} for 4xx, retryable {@code
   * ProviderRateLimited} for 429 and {@code ProviderUnavailable} for 5xx or I/O errors.
   */
  ProbeResult probe(EtlSource source);
}
