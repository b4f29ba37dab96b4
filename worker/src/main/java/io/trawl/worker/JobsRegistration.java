package io.trawl.worker;

import io.temporal.worker.Worker;
import io.trawl.activities.jobs.JobIngestActivitiesImpl;
import io.trawl.activities.jobs.JobLifecycleActivitiesImpl;
import io.trawl.activities.jobs.PaidCalls;
import io.trawl.activities.jobs.ScrapeRunActivitiesImpl;
import io.trawl.activities.jobs.SnapshotActivitiesImpl;
import io.trawl.activities.jobs.store.JobLifecycleRepository;
import io.trawl.activities.jobs.store.JobRepository;
import io.trawl.activities.jobs.store.JobStagingRepository;
import io.trawl.activities.jobs.store.ScrapeRunRepository;
import io.trawl.activities.providers.ProviderBreaker;
import io.trawl.activities.providers.brightdata.BrightDataClient;
import io.trawl.activities.spend.RunBudget;
import io.trawl.activities.spend.SpendLedger;
import io.trawl.worker.config.SpendConfig;
import io.trawl.worker.notify.WorkerNotifier;
import io.trawl.worker.spend.SpendReporter;
import io.trawl.workflows.common.RunInputs;
import io.trawl.workflows.jobs.ProviderRef;
import io.trawl.workflows.jobs.ScrapeRunWorkflowImpl;
import io.trawl.workflows.jobs.lifecycle.JobLifecycleWorkflowImpl;
import java.time.Clock;
import javax.sql.DataSource;

/** Registers the jobs pipeline's workflow and activity implementations on a worker. */
public final class JobsRegistration {
  private JobsRegistration() {}

  /** With the default budget and breaker, telling nobody. */
  public static void register(Worker worker, DataSource dataSource, BrightDataClient brightData) {
    register(worker, dataSource, brightData, SpendConfig.DEFAULTS, null);
  }

  /**
   * @param spend the Bright Data budget and breaker settings (trawl.yaml budgets: and breakers:)
   * @param notifier told when the budget reaches 80 % or the breaker opens; null for nobody
   */
  public static void register(
      Worker worker,
      DataSource dataSource,
      BrightDataClient brightData,
      SpendConfig spend,
      WorkerNotifier notifier) {
    ScrapeRunRepository runs = new ScrapeRunRepository(dataSource);
    ProviderRef provider =
        new ProviderRef(
            "brightdata", brightData.isSandbox() ? ProviderRef.SANDBOX : ProviderRef.REAL);
    SpendReporter reporter = new SpendReporter(notifier, Clock.systemUTC());
    ProviderBreaker breaker =
        new ProviderBreaker("brightdata", "Bright Data", spend.brightDataBreaker());
    reporter.watch(breaker, "jobs");
    RunBudget budget =
        new RunBudget(
            new SpendLedger(dataSource),
            spend.brightData(),
            brightData.isSandbox(),
            Clock.systemUTC(),
            reporter);
    worker.registerWorkflowImplementationTypes(RunInputs.STARTABLE, ScrapeRunWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new ScrapeRunActivitiesImpl(
            runs, provider, Clock.systemUTC(), budget, new JobStagingRepository(dataSource)),
        new SnapshotActivitiesImpl(
            dataSource, brightData, runs, new PaidCalls(breaker, budget, reporter)),
        new JobIngestActivitiesImpl(new JobRepository(dataSource), runs));
    // The daily lifecycle run shares the task queue: it works on the same tables.
    worker.registerWorkflowImplementationTypes(RunInputs.STARTABLE, JobLifecycleWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new JobLifecycleActivitiesImpl(new JobLifecycleRepository(dataSource)));
  }
}
