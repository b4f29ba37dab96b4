package io.trawl.starter.chaos;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.trawl.sandbox.brightdata.FakeBrightData;
import io.trawl.starter.chaos.Measure.Kind;
import io.trawl.workflows.jobs.ScrapeRequest;
import io.trawl.workflows.jobs.ScrapeRunWorkflow;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The jobs pipeline under crashes: one scrape against the Bright Data sandbox, slowed so kills land
 * while it polls (one "running" answer), downloads (a pause between records) and ingests.
 */
final class JobsCrash implements CrashPipeline {
  static final String NAME = "jobs";
  private static final ScrapeRequest REQUEST = ScrapeRequest.of("Data Engineer", "Netherlands");

  private final FakeBrightData brightData =
      new FakeBrightData(
              Clock.systemUTC(),
              FakeBrightData.Faults.builder().pollsBeforeReady(1).slowBodyMillis(15).build())
          .start();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, String> providerEnvironment() {
    return Map.of(
        "BRIGHTDATA_API_TOKEN", ChaosProviders.TOKEN, "BRIGHTDATA_BASE_URL", brightData.baseUrl());
  }

  @Override
  public String start(WorkflowClient client, String workflowId) {
    ScrapeRunWorkflow run =
        client.newWorkflowStub(
            ScrapeRunWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(ScrapeRunWorkflow.TASK_QUEUE)
                .build());
    WorkflowClient.start(run::run, REQUEST);
    return workflowId;
  }

  @Override
  public String awaitResult(WorkflowClient client, String workflowId) {
    Map<?, ?> result = ChaosProviders.result(client, workflowId, timeout());
    if (!"completed".equals(String.valueOf(result.get("status")))) {
      throw new IllegalStateException("the scrape ended " + result.get("status"));
    }
    return "completed: "
        + result.get("jobsFound")
        + " jobs found, "
        + result.get("jobsNew")
        + " new";
  }

  @Override
  public List<Measure> measures(DataSource database, Path sideDirectory) {
    List<Measure> measures = new ArrayList<>();
    measures.add(Figures.rows(database, "scrape_runs"));
    measures.add(Figures.rows(database, "jobs"));
    measures.add(Figures.rows(database, "companies"));
    measures.add(Figures.rows(database, "locations"));
    measures.add(Figures.rows(database, "job_rejects"));
    measures.add(Figures.duplicates(database, "scrape_runs", "workflow_id"));
    measures.add(Figures.duplicates(database, "jobs", "job_posting_id"));
    measures.add(
        Measure.exactly(
            "Bright Data triggers accepted", Kind.PAID, brightData.triggersAccepted(), 1));
    // Bright Data bills a snapshot's records once. Downloaded once, the records the sandbox
    // delivered are that bill; a resumed download delivers some twice, and then the uninterrupted
    // run's ledger is the yardstick.
    Long billed = brightData.downloads() == 1 ? brightData.recordsDelivered() : null;
    measures.addAll(Figures.ledger(database, provider -> billed));
    measures.add(
        Measure.same(
            "rows job_staging",
            Kind.LEFTOVER,
            Figures.count(database, "SELECT count(*) FROM job_staging")));
    measures.add(Figures.leftoverFiles(sideDirectory));
    return measures;
  }

  @Override
  public void close() {
    brightData.close();
  }
}
