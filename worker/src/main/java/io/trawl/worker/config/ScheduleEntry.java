package io.trawl.worker.config;

import java.util.Map;

/**
 * One entry of the {@code schedules:} list of trawl.yaml, as written: the values are checked for
 * shape here and for meaning (workflow kind, cron, arguments) where schedules are built.
 *
 * @param key where the entry is, e.g. {@code schedules[2]}, for error messages
 * @param name the schedule's name (its Temporal schedule id)
 * @param workflow the workflow kind, e.g. {@code jobs-lifecycle}
 * @param every an interval such as {@code 6h}; null when {@code cron} is given
 * @param cron a cron expression such as {@code "0 2 * * *"}; null when {@code every} is given
 * @param timeZone the zone cron times are read in, e.g. {@code Europe/Amsterdam}; null for UTC
 * @param jitter a random delay of up to this much per action; null for none
 * @param catchupWindow how late a missed action may still run; null for the default (1 h)
 * @param args the workflow's arguments, by name
 * @param taskQueue the queue its runs start on; null for the workflow kind's own
 */
public record ScheduleEntry(
    String key,
    String name,
    String workflow,
    String every,
    String cron,
    String timeZone,
    String jitter,
    String catchupWindow,
    Map<String, String> args,
    String taskQueue) {
  public ScheduleEntry {
    args = Map.copyOf(args);
  }

  /** An entry whose runs start on the workflow kind's own task queue. */
  public ScheduleEntry(
      String key,
      String name,
      String workflow,
      String every,
      String cron,
      String timeZone,
      String jitter,
      String catchupWindow,
      Map<String, String> args) {
    this(key, name, workflow, every, cron, timeZone, jitter, catchupWindow, args, null);
  }
}
