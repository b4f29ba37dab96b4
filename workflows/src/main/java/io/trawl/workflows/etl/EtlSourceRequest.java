package io.trawl.workflows.etl;

import io.temporal.common.SearchAttributes;
import io.trawl.workflows.common.RunAttributes;

/**
 * One run of one source.
 *
 * <p>Started from the Web UI or {@code temporal workflow start}, the flags may be left out (false)
 * and so may the source's {@code sha256}, {@code maxBytes} and {@code headers}; see {@link
 * #EXAMPLE}.
 *
 * @param source the source definition
 * @param forceRefresh download even when the freshness gate would skip
 * @param dryRun stop after the probe and the gate, reporting what would be downloaded
 */
public record EtlSourceRequest(EtlSource source, boolean forceRefresh, boolean dryRun) {
  /** The smallest input that starts a run, as the README shows it. */
  public static final String EXAMPLE =
      "{\"source\":{\"id\":\"cbs-population\",\"url\":\"sandbox://files/cbs-population.csv.gz\","
          + "\"format\":\"gzip\",\"target\":\"cbs/population.csv.gz\"}}";

  public EtlSourceRequest {
    if (source == null) {
      throw new IllegalArgumentException("source is missing, e.g. " + EXAMPLE);
    }
  }

  /** trawl's search attributes of a run of this source, whoever starts it. */
  public SearchAttributes searchAttributes() {
    return RunAttributes.atStart("etl", null, null, source.id());
  }

  /** The line the Web UI shows for the run. */
  public String summary() {
    return "etl source: " + source.id();
  }
}
