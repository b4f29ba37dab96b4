package io.trawl.worker;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which pipelines a worker runs, so they can be split across worker pools: {@code ./trawl worker
 * --pipelines etl} on machines with disk and bandwidth, {@code jobs} elsewhere.
 */
public final class Pipelines {
  public static final String JOBS = "jobs";
  public static final String ETL = "etl";
  public static final String PHARMACY = "pharmacy";
  public static final String MARKET = "market";
  public static final List<String> ALL = List.of(JOBS, ETL, PHARMACY, MARKET);

  private Pipelines() {}

  /** Parses a comma-separated list; null or blank means every pipeline. */
  public static Set<String> parse(String text) {
    if (text == null || text.isBlank()) {
      return new LinkedHashSet<>(ALL);
    }
    Set<String> chosen = new LinkedHashSet<>();
    for (String name : Arrays.stream(text.split(",")).map(String::strip).toList()) {
      if (!ALL.contains(name)) {
        throw new IllegalArgumentException(
            "unknown pipeline \"" + name + "\"; choose from " + String.join(", ", ALL));
      }
      chosen.add(name);
    }
    return chosen;
  }
}
