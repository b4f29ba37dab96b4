package io.trawl.worker.schedule;

import io.temporal.common.SearchAttributes;
import io.trawl.worker.config.TrawlConfig;
import java.util.Set;

/** {@code test-nap}: a kind the tests add to the registry, as a pipeline would. */
final class NapKind implements ScheduledWorkflowKind {
  @Override
  public String name() {
    return "test-nap";
  }

  @Override
  public String description() {
    return "sleeps; args [seconds=0]";
  }

  @Override
  public Class<?> workflowInterface() {
    return NapWorkflow.class;
  }

  @Override
  public String taskQueue() {
    return NapWorkflow.TASK_QUEUE;
  }

  @Override
  public Object input(ScheduleArgs args, TrawlConfig config) {
    args.allow(name(), Set.of("seconds"));
    return new NapWorkflow.NapRequest(args.integer("seconds", 0, 0));
  }

  @Override
  public String workflowId(Object input) {
    // One id per nap length, like one id per search: two schedules of it never collide.
    return "test-nap/" + ((NapWorkflow.NapRequest) input).seconds();
  }

  @Override
  public SearchAttributes searchAttributes(Object input) {
    return SearchAttributes.EMPTY;
  }

  @Override
  public String summary(Object input) {
    return "test nap of " + ((NapWorkflow.NapRequest) input).seconds() + " s";
  }
}
