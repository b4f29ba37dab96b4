package io.trawl.worker.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * What {@code trawl schedule describe} shows: the schedule's settings, its next action times, its
 * recent actions and its counters (the original scheduler's statistics).
 *
 * @param name the schedule id
 * @param trawls true when trawl created it
 * @param workflow the workflow kind, or the workflow type for a schedule trawl did not create
 * @param spec when it fires
 * @param zone the zone its times are shown in
 * @param paused whether it is paused
 * @param note the pause note or creation note
 * @param workflowId the runs' workflow id before Temporal appends the action time
 * @param taskQueue the task queue its runs go to
 * @param overlap the overlap policy, e.g. SKIP
 * @param catchupWindow how late a missed action may still run
 * @param nextRuns the next action times
 * @param recentActions the latest actions, oldest first
 * @param running workflow ids of runs still going
 * @param actions actions taken so far
 * @param skippedOverlap actions skipped because a run was still going
 * @param missedCatchup actions dropped because they were later than the catch-up window
 * @param createdAt when the schedule was created
 * @param updatedAt when it was last changed; null if never
 */
public record ScheduleDetails(
    String name,
    boolean trawls,
    String workflow,
    String spec,
    ZoneId zone,
    boolean paused,
    String note,
    String workflowId,
    String taskQueue,
    String overlap,
    Duration catchupWindow,
    List<Instant> nextRuns,
    List<RecentAction> recentActions,
    List<String> running,
    long actions,
    long skippedOverlap,
    long missedCatchup,
    Instant createdAt,
    Instant updatedAt) {}
