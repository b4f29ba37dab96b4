package io.trawl.workflows.jobs;

/** The time ranges the Bright Data LinkedIn dataset accepts, with the provider's labels. */
public enum DateRange {
  PAST_24_HOURS("Past 24 hours", 1),
  PAST_WEEK("Past week", 7),
  PAST_MONTH("Past month", 30),
  ANY_TIME("Any time", 0);

  private final String providerLabel;
  private final int days;

  DateRange(String providerLabel, int days) {
    this.providerLabel = providerLabel;
    this.days = days;
  }

  /** The exact {@code time_range} string the provider expects. */
  public String providerLabel() {
    return providerLabel;
  }

  /** Days covered; 0 for {@link #ANY_TIME}. */
  public int days() {
    return days;
  }
}
