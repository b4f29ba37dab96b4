package io.trawl.worker;

import io.temporal.worker.Worker;
import io.trawl.activities.jobs.JobIngestActivitiesImpl;
import io.trawl.activities.jobs.JobLifecycleActivitiesImpl;
import io.trawl.activities.jobs.ScrapeRunActivitiesImpl;
import io.trawl.activities.jobs.SnapshotActivitiesImpl;
import io.trawl.activities.providers.brightdata.BrightDataClient;
import io.trawl.activities.store.JobLifecycleRepository;
import io.trawl.activities.store.JobRepository;
import io.trawl.activities.store.ScrapeRunRepository;
import io.trawl.workflows.jobs.ProviderRef;
import io.trawl.workflows.jobs.ScrapeRunWorkflowImpl;
import io.trawl.workflows.jobs.lifecycle.JobLifecycleWorkflowImpl;
import java.time.Clock;
import javax.sql.DataSource;

/** Registers the jobs pipeline's workflow and activity implementations on a worker. */
public final class JobsRegistration {
  private JobsRegistration() {}

  public static void register(Worker worker, DataSource dataSource, BrightDataClient brightData) {
    ScrapeRunRepository runs = new ScrapeRunRepository(dataSource);
    ProviderRef provider =
        new ProviderRef("brightdata", brightData.isSandbox() ? ProviderRef.SANDBOX : ProviderRef.REAL);
    worker.registerWorkflowImplementationTypes(ScrapeRunWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new ScrapeRunActivitiesImpl(runs, provider, Clock.systemUTC()),
        new SnapshotActivitiesImpl(dataSource, brightData, runs),
        new JobIngestActivitiesImpl(new JobRepository(dataSource), runs));
    // The daily lifecycle run shares the task queue: it works on the same tables.
    worker.registerWorkflowImplementationTypes(JobLifecycleWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new JobLifecycleActivitiesImpl(new JobLifecycleRepository(dataSource)));
  }
}
