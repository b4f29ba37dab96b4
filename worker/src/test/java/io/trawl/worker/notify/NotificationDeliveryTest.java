package io.trawl.worker.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.trawl.activities.jobs.store.ScrapeRunRepository;
import io.trawl.activities.jobs.store.ScrapeRunRow;
import io.trawl.worker.history.RecordedHistories;
import io.trawl.worker.metrics.TrawlMetrics;
import io.trawl.workflows.common.Failures;
import io.trawl.workflows.etl.EtlFormat;
import io.trawl.workflows.etl.EtlOutcome;
import io.trawl.workflows.etl.EtlSource;
import io.trawl.workflows.etl.EtlSourceResult;
import io.trawl.workflows.jobs.ScrapeRequest;
import io.trawl.workflows.notify.NotificationResult;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failure alerts end to end: a real worker (WorkerHost from trawl.yaml and the environment) on the
 * Temporal test server, the sandboxes, PostgreSQL, and webhook receivers on loopback HTTP.
 */
class NotificationDeliveryTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ScrapeRequest SEARCH = ScrapeRequest.of("Data Engineer", "Netherlands");
  private static final String SUSPENDED =
      "{\"pollsBeforeReady\": 0, \"progressFailure\": \"Account is suspended\"}";
  private static final String SECRET_PATH = "/hooks/T000/SECRET-TOKEN-123";
  private static final String GZ = "cbs-population.csv.gz";

  @RegisterExtension
  final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  @TempDir Path directory;

  private final WebhookReceiver receiver = new WebhookReceiver();
  private NotificationStack stack;

  @AfterEach
  void stop() {
    if (stack != null) {
      stack.close();
    }
    receiver.close();
  }

  private NotificationStack stack(boolean timeSkipping, String yaml, Map<String, String> env)
      throws IOException {
    stack = new NotificationStack(db.getTestDatabase(), directory, timeSkipping, yaml, env);
    return stack;
  }

  /** Runs the scrape to its failure and returns that failure. */
  private static WorkflowFailedException failureOf(WorkflowStub run) {
    Throwable thrown = catchThrowable(() -> run.getResult(Object.class));
    assertThat(thrown).isInstanceOf(WorkflowFailedException.class);
    return (WorkflowFailedException) thrown;
  }

  private static void assertIsTheCollectionFailure(WorkflowFailedException failure) {
    assertThat(failure.getCause())
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            cause -> {
              assertThat(cause.getType()).isEqualTo(Failures.COLLECTION_FAILED);
              assertThat(cause.getOriginalMessage()).contains("Account is suspended");
            });
  }

  private ScrapeRunRow onlyRunRow() {
    return new ScrapeRunRepository(db.getTestDatabase()).recent(1).get(0);
  }

  @Test
  void aFailedScrapeRunSendsRunFailedJsonAndStillFailsAsBefore() throws Exception {
    stack(
        true,
        """
        notifications:
          - name: ops-json
            url: ${env:OPS_HOOK}
            events: [run_failed]
        """,
        Map.of("OPS_HOOK", receiver.url(SECRET_PATH)));
    stack.brightDataFaults(SUSPENDED);

    WorkflowStub run = stack.startScrape(SEARCH);
    WorkflowFailedException failure = failureOf(run);

    assertIsTheCollectionFailure(failure);
    assertThat(onlyRunRow().status()).isEqualTo("failed");
    assertThat(onlyRunRow().error()).contains("Account is suspended");
    NotificationResult result =
        stack.resultOf(stack.notificationOf("run_failed", run.getExecution()));
    assertThat(result.delivered()).containsExactly("ops-json");
    assertThat(result.failed()).isEmpty();
    assertThat(receiver.bodies(SECRET_PATH)).hasSize(1);
    JsonNode body = JSON.readTree(receiver.bodies(SECRET_PATH).get(0));
    assertThat(body.get("event").asText()).isEqualTo("run_failed");
    assertThat(body.get("pipeline").asText()).isEqualTo("jobs");
    assertThat(body.get("workflow_id").asText()).isEqualTo(SEARCH.workflowId());
    assertThat(body.get("run_id").asText()).isEqualTo(run.getExecution().getRunId());
    assertThat(body.get("title").asText()).isEqualTo("Data Engineer in Netherlands");
    assertThat(body.get("message").asText()).contains("Account is suspended");
    assertThat(body.get("details").get("query").asText()).isEqualTo("Data Engineer");
    assertThat(body.get("details").get("location").asText()).isEqualTo("Netherlands");
    assertThat(body.get("details").get("run_id").asText())
        .isEqualTo(Long.toString(onlyRunRow().id()));
  }

  @Test
  void theWebhookUrlNeverAppearsInHistoriesOrFailures() throws Exception {
    stack(
        true,
        """
        notifications:
          - name: ops-json
            url: ${env:OPS_HOOK}
          - name: ops-literal
            url: %s
            format: slack
          - name: rejecting
            url: %s
        """
            .formatted(receiver.url(SECRET_PATH + "/literal"), receiver.url(SECRET_PATH + "/403")),
        Map.of("OPS_HOOK", receiver.url(SECRET_PATH)));
    receiver.script(SECRET_PATH + "/403", 403);
    stack.brightDataFaults(SUSPENDED);

    WorkflowStub run = stack.startScrape(SEARCH);
    WorkflowFailedException failure = failureOf(run);
    WorkflowStub notification = stack.notificationOf("run_failed", run.getExecution());
    NotificationResult result = stack.resultOf(notification);

    assertThat(result.delivered()).containsExactly("ops-json", "ops-literal");
    assertThat(result.failed()).containsExactly("rejecting");
    String runHistory = stack.historyJson(run.getExecution());
    String notificationHistory = stack.historyJson(notification.getExecution());
    RecordedHistories.save(stack.client(), notification.getExecution(), "notification-delivered");
    assertThat(notificationHistory)
        .as("the refusal is recorded, by target name and status")
        .contains("webhook rejecting answered 403");
    for (String text :
        new String[] {runHistory, notificationHistory, describeChain(failure), result.toString()}) {
      assertThat(text).doesNotContain("SECRET-TOKEN-123").doesNotContain(receiver.url(""));
    }
  }

  @Test
  void aQuarantinedEtlFileIsAnnouncedToASlackTargetAndNotToOneThatDoesNotWantIt() throws Exception {
    stack(
        true,
        """
        notifications:
          - name: ops-slack
            url: ${env:SLACK_HOOK}
            format: slack
            events: [file_quarantined]
          - name: failures-only
            url: ${env:FAILURES_HOOK}
            events: [run_failed]
        """,
        Map.of("SLACK_HOOK", receiver.url("/slack"), "FAILURES_HOOK", receiver.url("/failures")));
    EtlSource source =
        new EtlSource(
            "demo",
            "sandbox://files/" + GZ,
            EtlFormat.GZIP,
            "0".repeat(64),
            1 << 30,
            "demo/" + GZ,
            Map.of());

    WorkflowStub etl = stack.startEtl(source);
    EtlSourceResult outcome = etl.getResult(EtlSourceResult.class);

    assertThat(outcome.outcome()).isEqualTo(EtlOutcome.QUARANTINED);
    NotificationResult result =
        stack.resultOf(stack.notificationOf("file_quarantined", etl.getExecution()));
    assertThat(result.delivered()).containsExactly("ops-slack");
    assertThat(receiver.bodies("/slack")).hasSize(1);
    JsonNode body = JSON.readTree(receiver.bodies("/slack").get(0));
    assertThat(body.size()).isEqualTo(1);
    String text = body.get("text").asText();
    assertThat(text)
        .startsWith(":warning: trawl etl file quarantined — source demo: checksum: ")
        .contains("source_id: demo")
        .contains("quarantine_path: " + outcome.path());
    assertThat(receiver.bodies("/failures")).isEmpty();
  }

  @Test
  void aTargetAnswering500TwiceGetsItOnTheThirdTryWhileAHealthyTargetGetsItOnce() throws Exception {
    stack(
        true,
        """
        notifications:
          - name: flaky
            url: ${env:FLAKY_HOOK}
          - name: healthy
            url: ${env:HEALTHY_HOOK}
        """,
        Map.of("FLAKY_HOOK", receiver.url("/flaky"), "HEALTHY_HOOK", receiver.url("/healthy")));
    receiver.script("/flaky", 500, 500);
    stack.brightDataFaults(SUSPENDED);
    double deliveredBefore = notifications("delivered");
    double failedBefore = notifications("attempt_failed");

    WorkflowStub run = stack.startScrape(SEARCH);
    failureOf(run);
    NotificationResult result =
        stack.resultOf(stack.notificationOf("run_failed", run.getExecution()));

    assertThat(result.delivered()).containsExactlyInAnyOrder("flaky", "healthy");
    assertThat(result.failed()).isEmpty();
    assertThat(receiver.bodies("/flaky")).hasSize(3).containsOnly(receiver.bodies("/flaky").get(2));
    assertThat(receiver.bodies("/healthy")).hasSize(1);
    // The worker's /metrics counts each attempt: two answered 500, two deliveries.
    assertThat(notifications("attempt_failed") - failedBefore).isEqualTo(2);
    assertThat(notifications("delivered") - deliveredBefore).isEqualTo(2);
  }

  private static double notifications(String outcome) {
    String series = "trawl_notifications_total{event=\"run_failed\",outcome=\"" + outcome + "\"} ";
    return TrawlMetrics.registry()
        .scrape()
        .lines()
        .filter(line -> line.startsWith(series))
        .mapToDouble(line -> Double.parseDouble(line.substring(series.length())))
        .sum();
  }

  @Test
  void aReceiverThatIsDownNeitherDelaysNorChangesTheRunsFailure() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    // Real time: a webhook retry that held the run would show as a slow run here.
    stack(
        false,
        """
        notifications:
          - name: down
            url: ${env:DOWN_HOOK}
        """,
        Map.of("DOWN_HOOK", "http://127.0.0.1:" + closedPort + SECRET_PATH));
    stack.brightDataFaults(SUSPENDED);

    long started = System.nanoTime();
    WorkflowStub run = stack.startScrape(SEARCH);
    WorkflowFailedException failure = failureOf(run);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertIsTheCollectionFailure(failure);
    assertThat(onlyRunRow().status()).isEqualTo("failed");
    assertThat(took).isLessThan(Duration.ofSeconds(20));
    WorkflowStub notification = stack.notificationOf("run_failed", run.getExecution());
    assertThat(
            stack
                .client()
                .fetchHistory(notification.getExecution().getWorkflowId())
                .getLastEvent()
                .getEventType()
                .name())
        .as("the notification keeps retrying on its own")
        .doesNotContain("COMPLETED")
        .doesNotContain("FAILED");
    assertThat(
            stack
                .client()
                .getWorkflowServiceStubs()
                .blockingStub()
                .describeWorkflowExecution(
                    io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest.newBuilder()
                        .setNamespace(stack.client().getOptions().getNamespace())
                        .setExecution(
                            WorkflowExecution.newBuilder()
                                .setWorkflowId(notification.getExecution().getWorkflowId()))
                        .build())
                .getWorkflowExecutionInfo()
                .getStatus())
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
  }

  private static String describeChain(Throwable failure) {
    StringBuilder text = new StringBuilder();
    for (Throwable cursor = failure; cursor != null; cursor = cursor.getCause()) {
      text.append(cursor).append('\n');
    }
    return text.toString();
  }
}
