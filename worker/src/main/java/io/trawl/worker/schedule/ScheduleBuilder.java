package io.trawl.worker.schedule;

import io.temporal.api.enums.v1.ScheduleOverlapPolicy;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.schedules.Schedule;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.client.schedules.ScheduleIntervalSpec;
import io.temporal.client.schedules.ScheduleOptions;
import io.temporal.client.schedules.SchedulePolicy;
import io.temporal.client.schedules.ScheduleSpec;
import io.temporal.client.schedules.ScheduleState;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link ScheduleDefinition} into the Temporal {@link Schedule} and options that carry it,
 * and marks it as trawl's.
 *
 * <p>Two memos: the schedule's own ({@link #MANAGED}) is set once at creation and says trawl made
 * it, so {@code apply} never touches anyone else's; the start action's ({@link #DIGEST}, {@link
 * #SPEC}) changes with every update, so {@code apply} can tell an unchanged schedule from a changed
 * one without re-reading specs the server has normalized (it stores cron strings as calendars).
 */
final class ScheduleBuilder {
  static final String MANAGED = "trawl_managed";
  static final String KIND = "trawl_kind";
  static final String DIGEST = "trawl_digest";
  static final String SPEC = "trawl_spec";
  static final String SCHEDULE = "trawl_schedule";

  /** Overlap policy of every trawl schedule: a run still going means the next one is skipped. */
  static final ScheduleOverlapPolicy OVERLAP = ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP;

  private static final DataConverter CONVERTER = DefaultDataConverter.STANDARD_INSTANCE;

  private ScheduleBuilder() {}

  static Schedule schedule(ScheduleDefinition definition, ScheduleState state) {
    return Schedule.newBuilder()
        .setAction(action(definition))
        .setSpec(spec(definition))
        .setPolicy(
            SchedulePolicy.newBuilder()
                .setOverlap(OVERLAP)
                .setCatchupWindow(definition.catchupWindow())
                .build())
        .setState(state)
        .build();
  }

  static ScheduleOptions options(ScheduleDefinition definition) {
    return ScheduleOptions.newBuilder()
        .setMemo(Map.of(MANAGED, "true", KIND, definition.kind().name()))
        .build();
  }

  static ScheduleState initialState(String note) {
    return ScheduleState.newBuilder().setNote(note).build();
  }

  /**
   * A fingerprint of everything trawl sets on the schedule; equal fingerprints mean {@code apply}
   * has nothing to change.
   */
  static String digest(ScheduleDefinition definition) {
    String canonical =
        String.join(
            "\n",
            "v2",
            "kind=" + definition.kind().name(),
            "type=" + definition.kind().workflowInterface().getName(),
            "queue=" + definition.taskQueue(),
            "id=" + definition.workflowId(),
            "timing=" + definition.timing().describe(),
            "zone=" + definition.zone().getId(),
            "jitter=" + definition.jitter(),
            "catchup=" + definition.catchupWindow(),
            "overlap=" + OVERLAP.name(),
            "attributes="
                + definition.kind().searchAttributes(definition.input()).getUntypedValues(),
            "summary=" + definition.kind().summary(definition.input()),
            "input="
                + CONVERTER.toPayload(definition.input()).orElseThrow().getData().toStringUtf8());
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static ScheduleActionStartWorkflow action(ScheduleDefinition definition) {
    // Temporal appends each action's time to this id, so runs never collide and a run is
    // recognizable by the search it serves.
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(definition.workflowId())
            .setTaskQueue(definition.taskQueue())
            .setMemo(
                Map.of(
                    DIGEST, digest(definition),
                    SPEC, definition.specText(),
                    SCHEDULE, definition.name()))
            // The same attributes and summary a manual start sets: scheduled runs are filtered
            // and labelled like any other run in the Web UI and ./trawl runs.
            .setTypedSearchAttributes(definition.kind().searchAttributes(definition.input()))
            .setStaticSummary(definition.kind().summary(definition.input()))
            // Set with the summary: SDK 1.38 reads both back when describing a schedule and
            // fails on an empty details payload.
            .setStaticDetails("started by the trawl schedule " + definition.name())
            .build();
    return ScheduleActionStartWorkflow.newBuilder()
        .setWorkflowType(definition.kind().workflowInterface())
        .setOptions(options)
        .setArguments(definition.input())
        .build();
  }

  private static ScheduleSpec spec(ScheduleDefinition definition) {
    ScheduleSpec.Builder spec = ScheduleSpec.newBuilder();
    switch (definition.timing()) {
      case ScheduleTiming.Every every ->
          spec.setIntervals(List.of(new ScheduleIntervalSpec(every.interval())));
      case ScheduleTiming.Cron cron -> spec.setCronExpressions(List.of(cron.expression()));
    }
    // The zone decides what "02:00" means on both sides of a daylight saving change.
    spec.setTimeZoneName(definition.zone().getId());
    if (!definition.jitter().isZero()) {
      spec.setJitter(definition.jitter());
    }
    return spec.build();
  }
}
