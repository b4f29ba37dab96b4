package io.trawl.worker.maintenance;

import io.temporal.worker.Worker;
import io.trawl.activities.maintenance.RetentionActivitiesImpl;
import io.trawl.activities.maintenance.RetentionRepository;
import io.trawl.worker.config.RetentionConfig;
import io.trawl.workflows.maintenance.RetentionWorkflowImpl;
import java.time.Clock;
import javax.sql.DataSource;

/** Registers the retention workflow and its activity on a worker of the maintenance queue. */
public final class MaintenanceRegistration {
  private MaintenanceRegistration() {}

  /** {@code retention} comes from the worker's own trawl.yaml, like budgets. */
  public static void register(
      Worker worker, DataSource dataSource, RetentionConfig retention, Clock clock) {
    worker.registerWorkflowImplementationTypes(RetentionWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new RetentionActivitiesImpl(new RetentionRepository(dataSource), retention.days(), clock));
  }
}
