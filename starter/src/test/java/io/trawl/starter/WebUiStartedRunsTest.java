package io.trawl.starter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.ApplicationFailure;
import io.trawl.worker.ProviderSetup;
import io.trawl.worker.WorkerHost;
import io.trawl.worker.runtime.DevServerExtension;
import io.trawl.workflows.common.RunAttributes;
import io.trawl.workflows.etl.EtlSourceWorkflow;
import io.trawl.workflows.jobs.ScrapeRequest;
import io.trawl.workflows.jobs.ScrapeRunWorkflow;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run a person starts outside trawl's CLI, by workflow type with plain JSON (the Web UI's "Start
 * Workflow" form, or the README's {@code temporal workflow start} lines run here through the real
 * Temporal CLI), is labelled like a CLI run and listed by {@code ./trawl runs}.
 */
class WebUiStartedRunsTest {
  @RegisterExtension
  static final DevServerExtension temporal =
      new DevServerExtension()
          .withKeywordSearchAttributes(RunAttributes.NAMES.toArray(String[]::new));

  @RegisterExtension
  static final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  @TempDir static Path home;

  private static ProviderSetup providers;
  private static WorkerHost worker;

  @BeforeAll
  static void startWorker() {
    providers = ProviderSetup.fromEnvironment(env());
    worker = WorkerHost.start(temporal.workflowClient(), db.getTestDatabase(), providers);
  }

  @AfterAll
  static void stopWorker() {
    if (worker != null) {
      worker.close();
    }
    if (providers != null) {
      providers.close();
    }
  }

  @Test
  void everyPipelineStartedByTypeWithPlainJsonIsListedByTrawlRuns() throws Exception {
    start(ScrapeRunWorkflow.TASK_QUEUE, "ScrapeRunWorkflow", "web/scrape", ScrapeRequest.EXAMPLE);
    start(ScrapeRunWorkflow.TASK_QUEUE, "JobLifecycleWorkflow", "web/lifecycle", "{}");
    start(
        EtlSourceWorkflow.TASK_QUEUE,
        "EtlBatchWorkflow",
        "web/etl-batch",
        "{\"sources\":[{\"id\":\"cbs-population\",\"url\":\"sandbox://files/cbs-population.csv.gz\","
            + "\"format\":\"gzip\",\"target\":\"cbs/population.csv.gz\"}]}");
    start(
        EtlSourceWorkflow.TASK_QUEUE,
        "EtlSourceWorkflow",
        "web/etl-source",
        "{\"source\":{\"id\":\"rivm-stations\",\"url\":\"sandbox://files/rivm-stations.json\","
            + "\"format\":\"json\",\"target\":\"rivm/stations.json\"}}");
    for (String id : List.of("web/scrape", "web/lifecycle", "web/etl-batch", "web/etl-source")) {
      // Completes: the input was read with its defaults.
      temporal
          .workflowClient()
          .newUntypedWorkflowStub(id)
          .getResult(40, TimeUnit.SECONDS, JsonNode.class);
    }

    // Visibility is updated asynchronously after a run closes.
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              assertThat(runs("jobs"))
                  .contains(
                      "web/scrape completed|Data Engineer|Germany|brightdata",
                      "web/lifecycle completed|||lifecycle");
              assertThat(runs("etl"))
                  .contains(
                      "web/etl-batch completed|||batch",
                      "etl-source/cbs-population downloaded|||cbs-population",
                      "web/etl-source downloaded|||rivm-stations");
            });
    CliRun table = CliRun.run(env(), "runs", "--pipeline", "jobs");
    assertThat(table.out()).contains("Data Engineer in Germany");
  }

  @Test
  void aRunLabelledAtStartRecordsNoSecondLabelAndAnUnlabelledOneRecordsOne() throws Exception {
    start(
        EtlSourceWorkflow.TASK_QUEUE,
        "EtlBatchWorkflow",
        "web/etl-batch-history",
        "{\"sources\":[{\"id\":\"kvk-companies\",\"url\":\"sandbox://files/kvk-companies.zip\","
            + "\"format\":\"zip\",\"target\":\"kvk/companies.zip\"}]}");
    WorkflowClient client = temporal.workflowClient();
    client
        .newUntypedWorkflowStub("web/etl-batch-history")
        .getResult(40, TimeUnit.SECONDS, JsonNode.class);

    // The batch was started bare: one upsert labels it, one more sets its final status.
    assertThat(upserts(client, "web/etl-batch-history")).isEqualTo(2);
    // Its child was started with the same label by the batch: only the final status is upserted.
    assertThat(upserts(client, "etl-source/kvk-companies")).isEqualTo(1);
  }

  @Test
  void aScrapeStartedWithoutAQueryFailsNamingTheMissingField() throws Exception {
    start(
        ScrapeRunWorkflow.TASK_QUEUE,
        "ScrapeRunWorkflow",
        "web/no-query",
        "{\"location\":\"Germany\"}");

    Throwable failure = null;
    try {
      temporal
          .workflowClient()
          .newUntypedWorkflowStub("web/no-query")
          .getResult(30, TimeUnit.SECONDS, JsonNode.class);
    } catch (WorkflowFailedException e) {
      failure = e.getCause();
    }

    assertThat(failure).isInstanceOf(ApplicationFailure.class);
    assertThat(((ApplicationFailure) failure).getOriginalMessage()).contains("query is missing");
  }

  /** {@code temporal workflow start}, as the README shows it, against the test's server. */
  private static void start(String taskQueue, String type, String workflowId, String input)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                DevServerExtension.temporalCli().toString(),
                "workflow",
                "start",
                "--address",
                temporal.target(),
                "--namespace",
                temporal.namespace(),
                "--task-queue",
                taskQueue,
                "--type",
                type,
                "--workflow-id",
                workflowId,
                "--input",
                input));
    Path output = Files.createTempFile(home, "temporal-start", ".txt");
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(Files.readString(output, StandardCharsets.UTF_8)).isZero();
  }

  /**
   * {@code ./trawl runs --pipeline <p> --json}, one "workflow-id status|query|location|source" per
   * run.
   */
  private static List<String> runs(String pipeline) throws IOException {
    CliRun run = CliRun.run(env(), "runs", "--pipeline", pipeline, "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode rows = new ObjectMapper().readTree(run.out());
    return StreamSupport.stream(rows.spliterator(), false)
        .map(
            row ->
                text(row, "workflowId")
                    + text(row, "workflow_id")
                    + " "
                    + String.join(
                        "|",
                        text(row, "status"),
                        text(row, "query"),
                        text(row, "location"),
                        text(row, "source")))
        .toList();
  }

  private static String text(JsonNode row, String field) {
    JsonNode value = row.get(field);
    return value == null || value.isNull() ? "" : value.asText();
  }

  private static long upserts(WorkflowClient client, String workflowId) {
    return client.fetchHistory(workflowId).getEvents().stream()
        .filter(
            event -> event.getEventType() == EventType.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES)
        .count();
  }

  private static Map<String, String> env() {
    return new HashMap<>(ProductionEnv.of(temporal, db, home));
  }
}
