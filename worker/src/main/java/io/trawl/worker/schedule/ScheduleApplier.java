package io.trawl.worker.schedule;

import io.temporal.client.schedules.ScheduleDescription;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code trawl schedule apply}: makes the server's trawl schedules equal to the declared ones.
 * Creates what is missing, updates what differs (by the digest trawl records on each schedule),
 * deletes trawl schedules no longer declared, and never touches a schedule trawl did not create.
 *
 * <p>The whole plan is made before anything changes, so a declared name that belongs to someone
 * else's schedule stops the run with nothing half done.
 */
public final class ScheduleApplier {
  /** What apply does to one schedule. */
  public enum Change {
    CREATE,
    UPDATE,
    DELETE,
    UNCHANGED;

    /** "created", "would create", … for the report. */
    public String describe(boolean dryRun) {
      String verb = name().toLowerCase(Locale.ROOT);
      if (this == UNCHANGED) {
        return "unchanged";
      }
      return dryRun ? "would " + verb : verb.replaceAll("e$", "") + "ed";
    }
  }

  /**
   * One line of the plan.
   *
   * @param change what happens
   * @param name the schedule
   * @param spec its declared timing, or for a deletion what it was
   */
  public record Step(Change change, String name, String spec) {}

  /** The steps, in declared order, deletions last. */
  public record Plan(List<Step> steps) {
    public Plan {
      steps = List.copyOf(steps);
    }

    public long count(Change change) {
      return steps.stream().filter(step -> step.change() == change).count();
    }

    /** True when the server already matches. */
    public boolean unchanged() {
      return count(Change.UNCHANGED) == steps.size();
    }
  }

  private final TrawlSchedules schedules;

  public ScheduleApplier(TrawlSchedules schedules) {
    this.schedules = schedules;
  }

  /** Works out the changes without making them. */
  public Plan plan(List<ScheduleDefinition> declared) {
    List<Step> steps = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (ScheduleDefinition definition : declared) {
      names.add(definition.name());
      // Describe, not the list: visibility lags, and a schedule created a moment ago must count.
      Optional<ScheduleDescription> existing = schedules.find(definition.name());
      if (existing.isEmpty()) {
        steps.add(new Step(Change.CREATE, definition.name(), definition.specText()));
      } else if (!ScheduleViews.isTrawls(existing.get())) {
        throw new ScheduleProblem(
            "schedule \""
                + definition.name()
                + "\" exists on the server but was not created by trawl; rename it in the"
                + " configuration or remove it from the server yourself");
      } else if (ScheduleBuilder.digest(definition).equals(ScheduleViews.digest(existing.get()))) {
        steps.add(new Step(Change.UNCHANGED, definition.name(), definition.specText()));
      } else {
        steps.add(new Step(Change.UPDATE, definition.name(), definition.specText()));
      }
    }
    for (String name : schedules.trawlScheduleNames()) {
      if (!names.contains(name)) {
        schedules
            .find(name)
            .ifPresent(gone -> steps.add(new Step(Change.DELETE, name, ScheduleViews.spec(gone))));
      }
    }
    return new Plan(steps);
  }

  /**
   * Plans and, unless {@code dryRun}, carries the plan out.
   *
   * @param note set on schedules it creates, e.g. "created by trawl schedule apply from trawl.yaml"
   */
  public Plan apply(List<ScheduleDefinition> declared, boolean dryRun, String note) {
    Plan plan = plan(declared);
    if (dryRun) {
      return plan;
    }
    for (Step step : plan.steps()) {
      switch (step.change()) {
        case CREATE -> schedules.create(byName(declared, step.name()), note);
        case UPDATE -> schedules.update(byName(declared, step.name()));
        case DELETE -> schedules.delete(step.name());
        case UNCHANGED -> {}
      }
    }
    return plan;
  }

  private static ScheduleDefinition byName(List<ScheduleDefinition> declared, String name) {
    return declared.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
  }
}
