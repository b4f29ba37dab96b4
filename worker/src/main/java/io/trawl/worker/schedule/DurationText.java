package io.trawl.worker.schedule;

import java.time.Duration;

/** Writes durations the way trawl.yaml takes them: {@code 6h}, {@code 90m}, {@code 2s}. */
final class DurationText {
  private DurationText() {}

  static String format(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds != 0 && seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    if (seconds != 0 && seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    if (seconds != 0 && seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }
}
