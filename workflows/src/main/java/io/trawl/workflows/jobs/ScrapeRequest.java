package io.trawl.workflows.jobs;

import io.temporal.common.SearchAttributes;
import io.trawl.workflows.common.RunAttributes;
import java.time.Duration;

/**
 * What one jobs scrape run searches for.
 *
 * <p>Started from the Web UI or {@code temporal workflow start}, the input can be as small as
 * {@code {"query":"Data Engineer","location":"Germany"}}: every other field may be left out and
 * reads as its default.
 *
 * @param query the keyword sent to the provider, e.g. "Data Engineer"
 * @param location the location filter, e.g. "Netherlands"
 * @param lookbackDays manual override of the date strategy; null lets the strategy decide
 * @param pollDeadline how long to wait for the provider's snapshot before failing the run
 * @param scheduled true when a Temporal Schedule started the run: only those are skipped by the
 *     interval guard, a person asking for a run gets one
 * @param minIntervalHours the interval guard: a scheduled run whose search completed a run more
 *     recently than this is skipped; 0 turns the guard off; null means {@link
 *     #DEFAULT_MIN_INTERVAL_HOURS} (also what inputs recorded before the field existed read as)
 */
public record ScrapeRequest(
    String query,
    String location,
    Integer lookbackDays,
    Duration pollDeadline,
    boolean scheduled,
    Integer minIntervalHours) {

  /** Default wait for a snapshot: Bright Data collections of a few hundred jobs take minutes. */
  public static final Duration DEFAULT_POLL_DEADLINE = Duration.ofHours(2);

  /** The original's {@code should_trigger_scrape(min_interval_hours=6)}. */
  public static final int DEFAULT_MIN_INTERVAL_HOURS = 6;

  /** The smallest input that starts a run, as the README shows it. */
  public static final String EXAMPLE = "{\"query\":\"Data Engineer\",\"location\":\"Germany\"}";

  public ScrapeRequest {
    if (query == null) {
      throw new IllegalArgumentException("query is missing, e.g. " + EXAMPLE);
    }
    if (location == null) {
      throw new IllegalArgumentException("location is missing, e.g. " + EXAMPLE);
    }
    if (query.isBlank()) {
      throw new IllegalArgumentException("query is empty");
    }
    if (location.isBlank()) {
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
    if (minIntervalHours == null) {
      minIntervalHours = DEFAULT_MIN_INTERVAL_HOURS;
    } else if (minIntervalHours < 0) {
      throw new IllegalArgumentException(
          "min interval hours must be 0 or more, got " + minIntervalHours);
    }
  }

  /** A manual run: never held back by the interval guard. */
  public ScrapeRequest(String query, String location, Integer lookbackDays, Duration pollDeadline) {
    this(query, location, lookbackDays, pollDeadline, false, null);
  }

  public static ScrapeRequest of(String query, String location) {
    return new ScrapeRequest(query, location, null, null);
  }

  /** The input a Temporal Schedule starts the run with: held back by the interval guard. */
  public static ScrapeRequest forSchedule(
      String query, String location, Duration pollDeadline, int minIntervalHours) {
    return new ScrapeRequest(query, location, null, pollDeadline, true, minIntervalHours);
  }

  /**
   * The deterministic workflow id for this search: a second concurrent run of the same search would
   * pay for the same records twice, so the id is derived from (query, location) only.
   */
  public String workflowId() {
    return "jobs-scrape/" + slug(query) + "/" + slug(location);
  }

  /** trawl's search attributes of a run of this search, whoever starts it. */
  public SearchAttributes searchAttributes() {
    return RunAttributes.atStart("jobs", query, location, "brightdata");
  }

  /** The line the Web UI shows for the run, whoever started it. */
  public String summary() {
    return "jobs scrape: " + query + " in " + location;
  }

  private static String slug(String text) {
    String slug = text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    return slug.replaceAll("^-+|-+$", "");
  }
}
