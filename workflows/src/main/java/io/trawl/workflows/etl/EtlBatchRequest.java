package io.trawl.workflows.etl;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A run over several sources, each as its own child workflow.
 *
 * @param sources the sources, in report order
 * @param forceRefresh passed to every source
 * @param dryRun passed to every source
 * @param concurrency how many sources run at once
 */
public record EtlBatchRequest(
    List<EtlSource> sources, boolean forceRefresh, boolean dryRun, int concurrency) {

  /** Four parallel downloads saturate a typical uplink without hammering one server. */
  public static final int DEFAULT_CONCURRENCY = 4;

  public EtlBatchRequest {
    if (sources == null || sources.isEmpty()) {
      throw new IllegalArgumentException("no sources to run");
    }
    sources = List.copyOf(sources);
    Set<String> ids = new HashSet<>();
    for (EtlSource source : sources) {
      if (!ids.add(source.id())) {
        throw new IllegalArgumentException("source " + source.id() + " is listed twice");
      }
    }
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be 1 or more, got " + concurrency);
    }
  }
}
