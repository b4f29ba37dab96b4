package io.trawl.workflows.jobs;

import java.time.Duration;

/**
 * What one jobs scrape run searches for.
 *
 * @param query the keyword sent to the provider, e.g. "Data Engineer"
 * @param location the location filter, e.g. "Netherlands"
 * @param lookbackDays manual override of the date strategy; null lets the strategy decide
 * @param pollDeadline how long to wait for the provider's snapshot before failing the run
 */
public record ScrapeRequest(
    String query, String location, Integer lookbackDays, Duration pollDeadline) {

  /** Default wait for a snapshot: Bright Data collections of a few hundred jobs take minutes. */
  public static final Duration DEFAULT_POLL_DEADLINE = Duration.ofHours(2);

  public ScrapeRequest {
    if (query == null || query.isBlank()) {
      throw new IllegalArgumentException("query is empty");
    }
    if (location == null || location.isBlank()) {
      throw new IllegalArgumentException("location is empty");
    }
    query = query.strip();
    location = location.strip();
    if (lookbackDays != null && lookbackDays < 1) {
      throw new IllegalArgumentException("lookback days must be 1 or more, got " + lookbackDays);
    }
    if (pollDeadline == null) {
      pollDeadline = DEFAULT_POLL_DEADLINE;
    } else if (pollDeadline.isNegative() || pollDeadline.isZero()) {
      throw new IllegalArgumentException("poll deadline must be positive, got " + pollDeadline);
    }
  }

  public static ScrapeRequest of(String query, String location) {
    return new ScrapeRequest(query, location, null, null);
  }

  /**
   * The deterministic workflow id for this search: a second concurrent run of the same search
   * would pay for the same records twice, so the id is derived from (query, location) only.
   */
  public String workflowId() {
    return "jobs-scrape/" + slug(query) + "/" + slug(location);
  }

  private static String slug(String text) {
    String slug = text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    return slug.replaceAll("^-+|-+$", "");
  }
}
