package io.trawl.workflows.etl;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.temporal.common.SearchAttributes;
import io.trawl.workflows.common.RunAttributes;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A run over several sources, each as its own child workflow.
 *
 * <p>Started from the Web UI or {@code temporal workflow start}, only {@code sources} is needed:
 * the flags read as false and {@code concurrency} as {@link #DEFAULT_CONCURRENCY}.
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

  /** The smallest input that starts a run, as the README shows it. */
  public static final String EXAMPLE =
      "{\"sources\":[{\"id\":\"cbs-population\",\"url\":\"sandbox://files/cbs-population.csv.gz\","
          + "\"format\":\"gzip\",\"target\":\"cbs/population.csv.gz\"}]}";

  public EtlBatchRequest {
    if (sources == null) {
      throw new IllegalArgumentException("sources is missing, e.g. " + EXAMPLE);
    }
    if (sources.isEmpty()) {
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

  /**
   * From JSON: a missing {@code concurrency} is the default rather than the 0 a missing {@code int}
   * would read as.
   */
  @JsonCreator
  static EtlBatchRequest fromJson(
      @JsonProperty("sources") List<EtlSource> sources,
      @JsonProperty("forceRefresh") boolean forceRefresh,
      @JsonProperty("dryRun") boolean dryRun,
      @JsonProperty("concurrency") Integer concurrency) {
    return new EtlBatchRequest(
        sources, forceRefresh, dryRun, concurrency == null ? DEFAULT_CONCURRENCY : concurrency);
  }

  /** trawl's search attributes of a batch, whoever starts it. */
  public static SearchAttributes searchAttributes() {
    return RunAttributes.atStart("etl", null, null, "batch");
  }

  /** The line the Web UI shows for the batch. */
  public String summary() {
    return "etl batch: " + sources.size() + " source(s)";
  }
}
