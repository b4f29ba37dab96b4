package io.trawl.worker.config;

import java.time.Duration;
import java.util.List;

/**
 * The {@code jobs:} section of trawl.yaml.
 *
 * @param queries the searches {@code trawl jobs scrape --all} and the schedules run
 * @param pollDeadline how long a run waits for its snapshot
 * @param minIntervalHours scheduled scrapes younger than this are skipped
 */
public record JobsConfig(List<JobSearch> queries, Duration pollDeadline, int minIntervalHours) {
  public static final JobsConfig DEFAULTS = new JobsConfig(List.of(), Duration.ofHours(2), 6);
}
