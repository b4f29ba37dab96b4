package io.trawl.worker.schedule;

import io.trawl.worker.TaskQueues;
import io.trawl.worker.config.ConfigException;
import io.trawl.worker.config.ScheduleEntry;
import io.trawl.worker.config.SchedulesConfig;
import io.trawl.worker.config.TrawlConfig;
import io.trawl.worker.config.TrawlConfigLoader;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns declared schedules (a trawl.yaml entry, or the options of {@code trawl schedule create})
 * into checked {@link ScheduleDefinition}s. Every problem is a {@link ConfigException} whose one
 * line names where it is and the value seen, so the CLI exits 2 with it.
 */
public final class ScheduleDefinitions {
  /** {@link ScheduleEntry#key()} of an entry built from command-line options. */
  public static final String COMMAND_LINE = "--";

  // Schedule ids appear in workflow ids, URLs and shell commands: keep them plain.
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
  private static final Duration MIN_CATCHUP_WINDOW = Duration.ofSeconds(10);
  // A region id, not ZoneOffset.UTC: the server reads the id, and "Z" is not one it knows.
  private static final ZoneId UTC = ZoneId.of("UTC");

  private ScheduleDefinitions() {}

  /** Every schedule the configuration declares, in file order. */
  public static List<ScheduleDefinition> fromConfig(
      TrawlConfig config, ScheduledWorkflowKinds kinds) {
    SchedulesConfig schedules = config.section("schedules", SchedulesConfig::parse);
    return schedules.entries().stream()
        .map(entry -> define(config.source(), entry, kinds, config))
        .toList();
  }

  /**
   * Checks one entry and builds its workflow input.
   *
   * @param source where the entry comes from, e.g. {@code trawl.yaml} or {@code schedule create}
   * @param config defaults for the workflow arguments (e.g. {@code jobs.min_interval_hours})
   */
  public static ScheduleDefinition define(
      String source, ScheduleEntry entry, ScheduledWorkflowKinds kinds, TrawlConfig config) {
    Labels labels = new Labels(source, entry.key());
    if (!NAME.matcher(entry.name()).matches()) {
      throw labels.fail(
          "name",
          "\""
              + entry.name()
              + "\" is not a valid schedule name (letters, digits, '.', '_', '-'; up to 200)");
    }
    ScheduledWorkflowKind kind;
    try {
      kind = kinds.find(entry.workflow());
    } catch (IllegalArgumentException e) {
      throw labels.fail("workflow", e.getMessage());
    }
    ScheduleTiming timing = timing(labels, entry);
    String refused = kind.checkTiming(timing);
    if (refused != null) {
      throw labels.fail(timing instanceof ScheduleTiming.Every ? "every" : "cron", refused);
    }
    ZoneId zone = zone(labels, entry.timeZone());
    Duration jitter =
        entry.jitter() == null ? Duration.ZERO : duration(labels, "jitter", entry.jitter());
    if (timing instanceof ScheduleTiming.Every every && jitter.compareTo(every.interval()) >= 0) {
      throw labels.fail(
          "jitter",
          DurationText.format(jitter)
              + " must be shorter than the interval "
              + DurationText.format(every.interval()));
    }
    Duration catchup = ScheduleDefinition.DEFAULT_CATCHUP_WINDOW;
    if (entry.catchupWindow() != null) {
      catchup = duration(labels, "catchup_window", entry.catchupWindow());
      if (catchup.compareTo(MIN_CATCHUP_WINDOW) < 0) {
        throw labels.fail("catchup_window", "must be 10s or more (Temporal's minimum)");
      }
    }
    ScheduleArgs args = new ScheduleArgs(entry.args());
    Object input;
    try {
      input = kind.input(args, config);
    } catch (IllegalArgumentException | ConfigException e) {
      throw labels.fail("args", e.getMessage());
    }
    String taskQueue = kind.taskQueue();
    if (entry.taskQueue() != null) {
      try {
        taskQueue = TaskQueues.check(entry.taskQueue());
      } catch (IllegalArgumentException e) {
        throw labels.fail("task_queue", e.getMessage());
      }
    }
    return new ScheduleDefinition(
        entry.name(),
        kind,
        timing,
        zone,
        jitter,
        catchup,
        args.asMap(),
        input,
        kind.workflowId(input),
        taskQueue);
  }

  private static ScheduleTiming timing(Labels labels, ScheduleEntry entry) {
    if ((entry.every() == null) == (entry.cron() == null)) {
      throw labels.fail(
          "every", "give exactly one of every (e.g. 6h) or cron (e.g. \"0 2 * * *\")");
    }
    if (entry.every() != null) {
      return new ScheduleTiming.Every(duration(labels, "every", entry.every()));
    }
    try {
      return new ScheduleTiming.Cron(CronExpression.validate(entry.cron()));
    } catch (IllegalArgumentException e) {
      throw labels.fail("cron", e.getMessage());
    }
  }

  private static ZoneId zone(Labels labels, String text) {
    if (text == null) {
      return UTC;
    }
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      throw labels.fail(
          "tz", "unknown time zone \"" + text + "\" (use a region id such as Europe/Amsterdam)");
    }
  }

  private static Duration duration(Labels labels, String field, String text) {
    return TrawlConfigLoader.duration(labels.source, labels.label(field), text);
  }

  /** Names fields the way the user wrote them: {@code schedules[1].cron} or {@code --cron}. */
  private record Labels(String source, String key) {
    String label(String field) {
      if (COMMAND_LINE.equals(key)) {
        return switch (field) {
          case "name" -> "NAME";
          case "args" -> "workflow args";
          default -> "--" + field.replace('_', '-');
        };
      }
      return key.isEmpty() ? field : key + "." + field;
    }

    ConfigException fail(String field, String message) {
      return new ConfigException(source + ": " + label(field) + ": " + message);
    }
  }
}
