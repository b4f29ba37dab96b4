package io.trawl.starter.schedule;

import io.trawl.worker.schedule.ScheduledWorkflowKinds;
import java.util.Iterator;

/** The registered workflow kinds, for picocli's completion and {@code --help}. */
final class WorkflowKindNames implements Iterable<String> {
  @Override
  public Iterator<String> iterator() {
    return ScheduledWorkflowKinds.standard().names().iterator();
  }
}
