package io.trawl.activities.providers.brightdata;

/**
 * Receives a snapshot's records one at a time, as the raw JSON text the provider sent.
 *
 * <p>A runtime exception thrown here stops the download and reaches the caller unchanged; it is
 * never mistaken for a provider fault.
 */
@FunctionalInterface
public interface RecordSink {
  void accept(String rawRecordJson);
}
