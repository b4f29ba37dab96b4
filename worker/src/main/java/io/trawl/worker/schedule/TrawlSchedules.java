package io.trawl.worker.schedule;

import io.grpc.Status;
import io.temporal.api.enums.v1.ScheduleOverlapPolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.schedules.ScheduleActionExecutionStartWorkflow;
import io.temporal.client.schedules.ScheduleAlreadyRunningException;
import io.temporal.client.schedules.ScheduleBackfill;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleClientOptions;
import io.temporal.client.schedules.ScheduleDescription;
import io.temporal.client.schedules.ScheduleInfo;
import io.temporal.client.schedules.ScheduleListDescription;
import io.temporal.client.schedules.ScheduleUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * trawl's schedules on a Temporal server, through the real Schedule API ({@link ScheduleClient}):
 * every recurring job is a Temporal Schedule, visible and controllable in the Web UI.
 *
 * <p>Problems a user can act on (no such schedule, name taken, not trawl's, a server without the
 * Schedule API) come out as {@link ScheduleProblem} with one line to print.
 */
public final class TrawlSchedules {
  private static final Duration TRIGGER_POLL = Duration.ofMillis(200);

  private final ScheduleClient schedules;
  private final ScheduleViews views;

  public TrawlSchedules(WorkflowClient client) {
    this.schedules =
        ScheduleClient.newInstance(
            client.getWorkflowServiceStubs(),
            ScheduleClientOptions.newBuilder()
                .setNamespace(client.getOptions().getNamespace())
                .setDataConverter(client.getOptions().getDataConverter())
                .build());
    this.views = new ScheduleViews(client);
  }

  /**
   * Creates the schedule, marked as trawl's.
   *
   * @param note shown in the Web UI beside the schedule, e.g. who made it
   */
  public void create(ScheduleDefinition definition, String note) {
    call(
        definition.name(),
        () -> {
          try {
            return schedules.createSchedule(
                definition.name(),
                ScheduleBuilder.schedule(definition, ScheduleBuilder.initialState(note)),
                ScheduleBuilder.options(definition));
          } catch (ScheduleAlreadyRunningException e) {
            throw new ScheduleProblem(
                "schedule \""
                    + definition.name()
                    + "\" already exists; pick another name, or change it in trawl.yaml and run"
                    + " ./trawl schedule apply",
                e);
          }
        });
  }

  /**
   * Replaces what trawl sets on an existing schedule of its own; its paused state and note are
   * kept, so {@code apply} never unpauses what someone paused.
   */
  public void update(ScheduleDefinition definition) {
    call(
        definition.name(),
        () -> {
          schedules
              .getHandle(definition.name())
              .update(
                  input ->
                      new ScheduleUpdate(
                          ScheduleBuilder.schedule(
                              definition, input.getDescription().getSchedule().getState())));
          return null;
        });
  }

  /** The server's description of the schedule; empty when there is none. */
  public Optional<ScheduleDescription> find(String name) {
    try {
      return Optional.of(schedules.getHandle(name).describe());
    } catch (RuntimeException e) {
      if (ScheduleProblem.statusOf(e).orElse(null) == Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw ScheduleProblem.translate(name, e);
    }
  }

  /** Names of every schedule trawl created, found through visibility (eventually consistent). */
  public List<String> trawlScheduleNames() {
    return listAll().stream()
        .filter(entry -> "true".equals(entry.getMemo(ScheduleBuilder.MANAGED, String.class)))
        .map(ScheduleListDescription::getScheduleId)
        .sorted()
        .toList();
  }

  /** Names of the schedules on the server that trawl did not create. */
  public List<String> otherScheduleNames() {
    return listAll().stream()
        .filter(entry -> !"true".equals(entry.getMemo(ScheduleBuilder.MANAGED, String.class)))
        .map(ScheduleListDescription::getScheduleId)
        .sorted()
        .toList();
  }

  /** trawl's schedules with next run, last run and its result, by name. */
  public List<ScheduleRow> list() {
    List<ScheduleRow> rows = new ArrayList<>();
    for (String name : trawlScheduleNames()) {
      // A schedule deleted a moment ago may still be listed by visibility.
      find(name).ifPresent(description -> rows.add(views.row(description)));
    }
    rows.sort(Comparator.comparing(ScheduleRow::name));
    return rows;
  }

  public ScheduleDetails describe(String name) {
    return views.details(require(name));
  }

  /**
   * Starts a run now. The schedule's overlap policy still holds: with a run going, nothing starts
   * and the outcome names that run. Waits up to {@code wait} for the server to report the start.
   */
  public TriggerOutcome trigger(String name, Duration wait) {
    ScheduleDescription before = require(name);
    List<String> running = runningWorkflowIds(before.getInfo());
    if (!running.isEmpty()) {
      return new TriggerOutcome(
          false,
          running.get(0),
          "not started: "
              + running.get(0)
              + " is still going and the overlap policy skips a second run");
    }
    call(
        name,
        () -> {
          schedules.getHandle(name).trigger();
          return null;
        });
    long deadline = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < deadline) {
      ScheduleInfo info = require(name).getInfo();
      if (info.getNumActions() > before.getInfo().getNumActions()) {
        String started = latestWorkflowId(info);
        return new TriggerOutcome(true, started, "started " + started);
      }
      if (info.getNumActionsSkippedOverlap() > before.getInfo().getNumActionsSkippedOverlap()) {
        List<String> now = runningWorkflowIds(info);
        String other = now.isEmpty() ? null : now.get(0);
        return new TriggerOutcome(
            false, other, "not started: a run was still going and the overlap policy skipped it");
      }
      sleep(TRIGGER_POLL);
    }
    return new TriggerOutcome(
        false,
        null,
        "triggered; the server has not reported the run yet (see ./trawl schedule describe "
            + name
            + ")");
  }

  public void pause(String name, String note) {
    require(name);
    call(
        name,
        () -> {
          schedules
              .getHandle(name)
              .pause(note == null ? "paused with ./trawl schedule pause" : note);
          return null;
        });
  }

  public void unpause(String name, String note) {
    require(name);
    call(
        name,
        () -> {
          schedules
              .getHandle(name)
              .unpause(note == null ? "unpaused with ./trawl schedule unpause" : note);
          return null;
        });
  }

  /** Deletes one of trawl's schedules; refuses a schedule trawl did not create. */
  public void delete(String name) {
    requireTrawls(name);
    call(
        name,
        () -> {
          schedules.getHandle(name).delete();
          return null;
        });
  }

  /**
   * Runs the actions the spec would have taken between {@code from} and {@code to}, one after
   * another (buffered), so a backfill never runs two copies at once either.
   */
  public void backfill(String name, Instant from, Instant to) {
    if (!to.isAfter(from)) {
      throw new ScheduleProblem("backfill: --to " + to + " must be after --from " + from);
    }
    requireTrawls(name);
    call(
        name,
        () -> {
          schedules
              .getHandle(name)
              .backfill(
                  List.of(
                      new ScheduleBackfill(
                          from, to, ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_BUFFER_ALL)));
          return null;
        });
  }

  /** The zone the schedule reads its times in (UTC when it has none). */
  public java.time.ZoneId zone(String name) {
    return ScheduleViews.zone(require(name));
  }

  private ScheduleDescription require(String name) {
    return find(name).orElseThrow(() -> ScheduleProblem.notFound(name));
  }

  private ScheduleDescription requireTrawls(String name) {
    ScheduleDescription description = require(name);
    if (!ScheduleViews.isTrawls(description)) {
      throw new ScheduleProblem(
          "schedule \"" + name + "\" was not created by trawl; trawl leaves it alone");
    }
    return description;
  }

  private List<ScheduleListDescription> listAll() {
    return call(null, () -> schedules.listSchedules().collect(Collectors.toList()));
  }

  private static List<String> runningWorkflowIds(ScheduleInfo info) {
    return info.getRunningActions().stream()
        .filter(ScheduleActionExecutionStartWorkflow.class::isInstance)
        .map(action -> ((ScheduleActionExecutionStartWorkflow) action).getWorkflowId())
        .toList();
  }

  private static String latestWorkflowId(ScheduleInfo info) {
    var recent = info.getRecentActions();
    if (!recent.isEmpty()
        && recent.get(recent.size() - 1).getAction()
            instanceof ScheduleActionExecutionStartWorkflow started) {
      return started.getWorkflowId();
    }
    return runningWorkflowIds(info).stream().findFirst().orElse(null);
  }

  private static <T> T call(String name, Supplier<T> work) {
    try {
      return work.get();
    } catch (ScheduleProblem e) {
      throw e;
    } catch (RuntimeException e) {
      throw ScheduleProblem.translate(name, e);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ScheduleProblem("interrupted while waiting for the triggered run");
    }
  }
}
