package io.trawl.worker.schedule;

import java.time.Duration;

/** When a schedule fires: a fixed interval or a cron expression (read in the schedule's zone). */
public sealed interface ScheduleTiming {
  /** How {@code list} and {@code apply} show it: {@code every 6h}, {@code cron "0 2 * * *"}. */
  String describe();

  /** Every {@code interval}, counted from the Unix epoch as Temporal does. */
  record Every(Duration interval) implements ScheduleTiming {
    @Override
    public String describe() {
      return "every " + DurationText.format(interval);
    }
  }

  /** A validated five-field cron expression or shorthand. */
  record Cron(String expression) implements ScheduleTiming {
    @Override
    public String describe() {
      return "cron \"" + expression + "\"";
    }
  }
}
