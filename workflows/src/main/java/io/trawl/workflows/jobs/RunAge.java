package io.trawl.workflows.jobs;

import java.time.Duration;

/** Renders the age of a previous run for log lines and reasons ("3h 5m", "2d 4h"). */
final class RunAge {
  private RunAge() {}

  /** "last completed run 3h 5m ago"; a clock that runs behind reads as "0m". */
  static String describeLastCompleted(Duration age) {
    return "last completed run " + humanize(age) + " ago";
  }

  static String humanize(Duration age) {
    if (age.isNegative()) {
      return "0m";
    }
    if (age.toDays() >= 1) {
      return age.toDays() + "d " + age.toHoursPart() + "h";
    }
    if (age.toHours() >= 1) {
      return age.toHours() + "h " + age.toMinutesPart() + "m";
    }
    return age.toMinutes() + "m";
  }
}
