package io.trawl.workflows.etl;

/**
 * One run of one source.
 *
 * @param source the source definition
 * @param forceRefresh download even when the freshness gate would skip
 * @param dryRun stop after the probe and the gate, reporting what would be downloaded
 */
public record EtlSourceRequest(EtlSource source, boolean forceRefresh, boolean dryRun) {
  public EtlSourceRequest {
    if (source == null) {
      throw new IllegalArgumentException("source is null");
    }
  }
}
