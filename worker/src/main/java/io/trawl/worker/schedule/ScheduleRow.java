package io.trawl.worker.schedule;

import java.time.Instant;
import java.time.ZoneId;

/**
 * One line of {@code trawl schedule list}.
 *
 * @param name the schedule id
 * @param workflow the workflow kind it starts
 * @param spec when it fires, as declared, e.g. {@code cron "0 2 * * *" Europe/Amsterdam}
 * @param zone the zone its times are shown in
 * @param paused whether it is paused
 * @param note the pause note or the note trawl set at creation
 * @param nextRun the next action time; null when paused or finished
 * @param lastRun the most recent action; null before the first
 */
public record ScheduleRow(
    String name,
    String workflow,
    String spec,
    ZoneId zone,
    boolean paused,
    String note,
    Instant nextRun,
    RecentAction lastRun) {}
