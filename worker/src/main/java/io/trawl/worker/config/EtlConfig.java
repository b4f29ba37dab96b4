package io.trawl.worker.config;

import io.trawl.workflows.etl.EtlBatchRequest;
import io.trawl.workflows.etl.EtlSource;
import java.util.List;

/**
 * The {@code etl:} section of trawl.yaml; parsed by {@link EtlConfigParser}.
 *
 * @param sources the sources {@code trawl etl run} downloads, in file order
 * @param concurrency how many sources download at once
 */
public record EtlConfig(List<EtlSource> sources, int concurrency) {
  public static final EtlConfig DEFAULTS =
      new EtlConfig(List.of(), EtlBatchRequest.DEFAULT_CONCURRENCY);

  public EtlConfig {
    sources = List.copyOf(sources);
  }

  /** Reads the section from a loaded configuration. */
  public static EtlConfig of(TrawlConfig config) {
    return config.section("etl", EtlConfigParser::parse);
  }
}
