package io.trawl.activities.providers.brightdata;

import java.time.Duration;

/** What a snapshot download came to: records streamed, not ready yet, or nothing to deliver. */
public sealed interface DownloadOutcome
    permits DownloadOutcome.Delivered, DownloadOutcome.NotReady, DownloadOutcome.Empty {

  /**
   * The body was streamed to the sink in full.
   *
   * @param records records handed to the sink (content and error records)
   * @param bytes body bytes read
   */
  record Delivered(int records, long bytes) implements DownloadOutcome {}

  /**
   * 202: the snapshot is still being built, even if progress already said ready.
   *
   * @param message the provider's message
   * @param retryAfter the delay the provider suggested ("try again in 30s"), or null
   */
  record NotReady(String message, Duration retryAfter) implements DownloadOutcome {}

  /** 400 "Snapshot is empty": a valid result with zero records. */
  record Empty() implements DownloadOutcome {}

  static DownloadOutcome delivered(int records, long bytes) {
    return new Delivered(records, bytes);
  }

  static DownloadOutcome notReady(String message, Duration retryAfter) {
    return new NotReady(message, retryAfter);
  }

  static DownloadOutcome empty() {
    return new Empty();
  }

  /** Records handed to the sink; 0 unless delivered. */
  default int records() {
    return this instanceof Delivered delivered ? delivered.records() : 0;
  }
}
