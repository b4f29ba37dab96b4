package io.trawl.activities.providers.apify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * An actor run as Apify reports it (the {@code data} of a run answer).
 *
 * @param status READY, RUNNING, TIMING-OUT, ABORTING, SUCCEEDED, FAILED, TIMED-OUT or ABORTED; an
 *     unknown status is kept as it is and counts as not finished
 * @param usageTotalUsd the run's cost so far; null when Apify hides it. The first read after the
 *     finish may still be preliminary: read again before settling
 * @param placesCharged {@code chargedEventCounts.place-scraped}, null when absent
 */
public record ApifyRun(
    String id,
    String actId,
    String status,
    String statusMessage,
    String defaultDatasetId,
    Double usageTotalUsd,
    Long placesCharged) {
  public static final String SUCCEEDED = "SUCCEEDED";
  public static final String FAILED = "FAILED";
  public static final String TIMED_OUT = "TIMED-OUT";
  public static final String ABORTED = "ABORTED";

  private static final Set<String> TERMINAL = Set.of(SUCCEEDED, FAILED, TIMED_OUT, ABORTED);

  public ApifyRun {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("an Apify run needs an id");
    }
  }

  /** True once the run has ended, whichever way. */
  public boolean isFinished() {
    return TERMINAL.contains(status);
  }

  /** FAILED, TIMED-OUT and ABORTED runs keep what they scraped before they stopped. */
  public boolean endedEarly() {
    return isFinished() && !SUCCEEDED.equals(status);
  }

  /** Reads a run object; null-tolerant for every field but {@code id}. */
  static ApifyRun fromJson(JsonNode run) {
    JsonNode usage = run.path("usageTotalUsd");
    JsonNode places = run.path("chargedEventCounts").path("place-scraped");
    return new ApifyRun(
        run.path("id").asText(null),
        run.path("actId").asText(null),
        run.path("status").asText(""),
        run.path("statusMessage").asText(null),
        run.path("defaultDatasetId").asText(null),
        usage.isNumber() ? usage.asDouble() : null,
        places.isNumber() ? places.asLong() : null);
  }
}
