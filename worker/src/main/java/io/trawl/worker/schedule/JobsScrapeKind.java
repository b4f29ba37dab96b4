package io.trawl.worker.schedule;

import io.temporal.common.SearchAttributes;
import io.trawl.worker.config.TrawlConfig;
import io.trawl.worker.config.TrawlConfigLoader;
import io.trawl.workflows.jobs.ScrapeRequest;
import io.trawl.workflows.jobs.ScrapeRunWorkflow;
import java.time.Duration;
import java.util.Set;

/**
 * {@code jobs-scrape}: one search's scrape run, held back by the interval guard when its last
 * completed run is younger than {@code min_interval_hours} (default: trawl.yaml's {@code
 * jobs.min_interval_hours}).
 */
final class JobsScrapeKind implements ScheduledWorkflowKind {
  static final String NAME = "jobs-scrape";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "one jobs scrape run; args query=…, location=…, [min_interval_hours=N],"
        + " [poll_deadline=2h]";
  }

  @Override
  public Class<?> workflowInterface() {
    return ScrapeRunWorkflow.class;
  }

  @Override
  public String taskQueue() {
    return ScrapeRunWorkflow.TASK_QUEUE;
  }

  @Override
  public Object input(ScheduleArgs args, TrawlConfig config) {
    args.allow(NAME, Set.of("query", "location", "min_interval_hours", "poll_deadline"));
    String deadlineText = args.optional("poll_deadline");
    Duration deadline =
        deadlineText == null
            ? config.jobs().pollDeadline()
            : TrawlConfigLoader.duration("argument", "poll_deadline", deadlineText);
    return ScrapeRequest.forSchedule(
        args.required(NAME, "query"),
        args.required(NAME, "location"),
        deadline,
        args.integer("min_interval_hours", 0, config.jobs().minIntervalHours()));
  }

  @Override
  public String workflowId(Object input) {
    return ((ScrapeRequest) input).workflowId();
  }

  @Override
  public SearchAttributes searchAttributes(Object input) {
    return ((ScrapeRequest) input).searchAttributes();
  }

  @Override
  public String summary(Object input) {
    return ((ScrapeRequest) input).summary();
  }
}
