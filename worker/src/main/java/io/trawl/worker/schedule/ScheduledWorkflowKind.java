package io.trawl.worker.schedule;

import io.temporal.common.SearchAttributes;
import io.trawl.worker.config.TrawlConfig;

/**
 * A workflow a Temporal Schedule may start, as the schedule commands and trawl.yaml name it ({@code
 * jobs-scrape}, {@code jobs-lifecycle}, …). A pipeline makes its workflow schedulable by
 * implementing this and adding it to {@link ScheduledWorkflowKinds#standard()}; the schedule
 * commands need no change.
 */
public interface ScheduledWorkflowKind {
  /** The name used in {@code --workflow} and in trawl.yaml's {@code workflow:}. */
  String name();

  /** One line for help texts: what a run does and which arguments it takes. */
  String description();

  /** The {@code @WorkflowInterface} a scheduled action starts. */
  Class<?> workflowInterface();

  /** The task queue the pipeline's workers poll. */
  String taskQueue();

  /**
   * Builds the workflow's single input record from the schedule's arguments, with defaults from
   * {@code config}. Throws {@link IllegalArgumentException} naming the argument that is wrong.
   */
  Object input(ScheduleArgs args, TrawlConfig config);

  /**
   * The workflow id of the runs, before Temporal appends each action's time to it; the same id a
   * manual run of the same work uses, so the Web UI groups them.
   */
  String workflowId(Object input);

  /**
   * trawl's search attributes for a run of {@code input} ({@code RunAttributes.atStart}), the same
   * ones a manual start sets, so scheduled runs show up under the same Web UI filters and in {@code
   * ./trawl runs}.
   */
  SearchAttributes searchAttributes(Object input);

  /** One line the Web UI shows for a run of {@code input}, as a manual start has. */
  String summary(Object input);

  /**
   * Refuses a timing this workflow should not run on, e.g. a collection every two hours when its
   * data goes stale after one; null when the timing is fine.
   *
   * @return one line naming the allowed timings and the one seen
   */
  default String checkTiming(ScheduleTiming timing) {
    return null;
  }
}
