package io.trawl.worker.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.schedules.ScheduleActionExecutionStartWorkflow;
import io.temporal.client.schedules.ScheduleActionResult;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.client.schedules.ScheduleDescription;
import io.temporal.client.schedules.ScheduleInfo;
import io.temporal.client.schedules.ScheduleSpec;
import io.temporal.common.converter.EncodedValues;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Reads a server's {@link ScheduleDescription} into trawl's list and describe views. */
final class ScheduleViews {
  private final WorkflowClient client;

  ScheduleViews(WorkflowClient client) {
    this.client = client;
  }

  static boolean isTrawls(ScheduleDescription description) {
    return "true".equals(description.getMemo(ScheduleBuilder.MANAGED, String.class));
  }

  /** The digest trawl recorded on the schedule's action; null for a schedule trawl did not make. */
  static String digest(ScheduleDescription description) {
    return actionMemo(description, ScheduleBuilder.DIGEST);
  }

  ScheduleRow row(ScheduleDescription description) {
    ScheduleInfo info = description.getInfo();
    List<ScheduleActionResult> actions = info.getRecentActions();
    // Only the last run's result: each one costs a round trip to the server.
    List<RecentAction> recent =
        recentActions(
            actions.isEmpty() ? actions : actions.subList(actions.size() - 1, actions.size()));
    return new ScheduleRow(
        description.getId(),
        workflow(description),
        spec(description),
        zone(description),
        description.getSchedule().getState().isPaused(),
        description.getSchedule().getState().getNote(),
        info.getNextActionTimes().isEmpty() ? null : info.getNextActionTimes().get(0),
        recent.isEmpty() ? null : recent.get(recent.size() - 1));
  }

  ScheduleDetails details(ScheduleDescription description) {
    ScheduleInfo info = description.getInfo();
    Optional<WorkflowOptions> options = startOptions(description);
    List<String> running = new ArrayList<>();
    info.getRunningActions()
        .forEach(
            action -> {
              if (action instanceof ScheduleActionExecutionStartWorkflow started) {
                running.add(started.getWorkflowId());
              }
            });
    var policy = description.getSchedule().getPolicy();
    return new ScheduleDetails(
        description.getId(),
        isTrawls(description),
        workflow(description),
        spec(description),
        zone(description),
        description.getSchedule().getState().isPaused(),
        description.getSchedule().getState().getNote(),
        options.map(WorkflowOptions::getWorkflowId).orElse(null),
        options.map(WorkflowOptions::getTaskQueue).orElse(null),
        policy == null || policy.getOverlap() == null
            ? null
            : policy.getOverlap().name().replace("SCHEDULE_OVERLAP_POLICY_", ""),
        policy == null ? null : policy.getCatchupWindow(),
        List.copyOf(info.getNextActionTimes()),
        recentActions(info.getRecentActions()),
        running,
        info.getNumActions(),
        info.getNumActionsSkippedOverlap(),
        info.getNumActionsMissedCatchupWindow(),
        info.getCreatedAt(),
        info.getLastUpdatedAt());
  }

  static ZoneId zone(ScheduleDescription description) {
    String name = description.getSchedule().getSpec().getTimeZoneName();
    return name == null || name.isBlank() ? ZoneId.of("UTC") : ZoneId.of(name);
  }

  private List<RecentAction> recentActions(List<ScheduleActionResult> results) {
    List<RecentAction> actions = new ArrayList<>();
    for (ScheduleActionResult result : results) {
      if (result.getAction() instanceof ScheduleActionExecutionStartWorkflow started) {
        actions.add(
            new RecentAction(
                result.getScheduledAt(),
                result.getStartedAt(),
                started.getWorkflowId(),
                started.getFirstExecutionRunId(),
                result(started.getWorkflowId(), started.getFirstExecutionRunId())));
      }
    }
    return actions;
  }

  /**
   * The run's status in lower case; a completed run whose result record has a status of its own
   * other than "completed" (a skipped scrape) shows it too.
   */
  private String result(String workflowId, String runId) {
    try {
      WorkflowStub stub =
          client.newUntypedWorkflowStub(workflowId, Optional.of(runId), Optional.empty());
      WorkflowExecutionStatus status = stub.describe().getStatus();
      String text =
          status.name().replace("WORKFLOW_EXECUTION_STATUS_", "").toLowerCase(Locale.ROOT);
      if (status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED) {
        JsonNode result = stub.getResult(5, TimeUnit.SECONDS, JsonNode.class);
        String own = result == null ? null : result.path("status").asText(null);
        if (own != null && !own.equals("completed")) {
          return text + ": " + own;
        }
      }
      return text;
    } catch (RuntimeException | java.util.concurrent.TimeoutException e) {
      // The run may be past the namespace's retention; the schedule still is worth showing.
      return "unknown";
    }
  }

  private static String workflow(ScheduleDescription description) {
    Object kind = description.getMemo(ScheduleBuilder.KIND, String.class);
    if (kind != null) {
      return kind.toString();
    }
    return description.getSchedule().getAction() instanceof ScheduleActionStartWorkflow start
        ? start.getWorkflowType()
        : "?";
  }

  /** The spec as trawl declared it, or a plain rendering of one trawl did not make. */
  static String spec(ScheduleDescription description) {
    String declared = actionMemo(description, ScheduleBuilder.SPEC);
    if (declared != null) {
      return declared;
    }
    ScheduleSpec spec = description.getSchedule().getSpec();
    List<String> parts = new ArrayList<>();
    spec.getIntervals()
        .forEach(interval -> parts.add("every " + DurationText.format(interval.getEvery())));
    spec.getCronExpressions().forEach(cron -> parts.add("cron \"" + cron + "\""));
    if (!spec.getCalendars().isEmpty()) {
      parts.add(spec.getCalendars().size() + " calendar spec(s)");
    }
    return parts.isEmpty() ? "(no spec)" : String.join(", ", parts);
  }

  private static Optional<WorkflowOptions> startOptions(ScheduleDescription description) {
    return description.getSchedule().getAction() instanceof ScheduleActionStartWorkflow start
        ? Optional.ofNullable(start.getOptions())
        : Optional.empty();
  }

  private static String actionMemo(ScheduleDescription description, String key) {
    Object value =
        startOptions(description)
            .map(WorkflowOptions::getMemo)
            .map(memo -> memo.get(key))
            .orElse(null);
    if (value instanceof EncodedValues encoded) {
      return encoded.get(0, String.class);
    }
    return value == null ? null : value.toString();
  }
}
