package io.trawl.workflows.market;

/**
 * One collection of every tracked symbol.
 *
 * @param parallelism quotes in flight at once; null for {@link #DEFAULT_PARALLELISM}
 */
public record MarketCollectionRequest(Integer parallelism) {
  /** Eight at once: the sources are rate-sensitive (Yahoo answers bursts with 429). */
  public static final int DEFAULT_PARALLELISM = 8;

  public static final int MAX_PARALLELISM = 64;

  /**
   * Workflow id of a forced collection ({@code ./trawl market collect}); the schedule appends each
   * action's time to it, so a forced run and a scheduled one never collide.
   */
  public static final String WORKFLOW_ID = "market-collect";

  public MarketCollectionRequest {
    if (parallelism == null) {
      parallelism = DEFAULT_PARALLELISM;
    } else if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
      throw new IllegalArgumentException(
          "parallelism must be 1.." + MAX_PARALLELISM + ", got " + parallelism);
    }
  }

  public static MarketCollectionRequest defaults() {
    return new MarketCollectionRequest(null);
  }

  /** The line the Web UI shows for the run. */
  public String summary() {
    return "market collection of every tracked symbol, " + parallelism + " at once";
  }
}
