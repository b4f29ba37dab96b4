package io.trawl.worker.schedule;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/**
 * One schedule as trawl wants it on the server, checked and with its workflow input built.
 *
 * @param name the Temporal schedule id
 * @param kind the workflow it starts
 * @param timing when it fires
 * @param zone the zone cron times are read in (daylight saving included)
 * @param jitter each action waits a random delay of up to this much; zero for none
 * @param catchupWindow how late an action missed while the server was down may still run
 * @param args the arguments as given, sorted by name
 * @param input the workflow's single input record, built from {@code args}
 * @param workflowId the runs' workflow id, before Temporal appends the action time
 * @param taskQueue the queue runs start on: the kind's own unless the entry named another
 */
public record ScheduleDefinition(
    String name,
    ScheduledWorkflowKind kind,
    ScheduleTiming timing,
    ZoneId zone,
    Duration jitter,
    Duration catchupWindow,
    Map<String, String> args,
    Object input,
    String workflowId,
    String taskQueue) {
  /** Missed actions older than this are dropped rather than run late (the default). */
  public static final Duration DEFAULT_CATCHUP_WINDOW = Duration.ofHours(1);

  public ScheduleDefinition {
    args = Map.copyOf(args);
  }

  /** The timing with its zone and jitter, as {@code list} shows it. */
  public String specText() {
    StringBuilder text = new StringBuilder(timing.describe());
    if (timing instanceof ScheduleTiming.Cron) {
      text.append(' ').append(zone.getId());
    }
    if (!jitter.isZero()) {
      text.append(" jitter ").append(DurationText.format(jitter));
    }
    return text.toString();
  }
}
