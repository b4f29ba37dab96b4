package io.trawl.starter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.converter.DefaultDataConverter;
import io.trawl.sandbox.files.FakeFileServer;
import io.trawl.sandbox.files.FileContent;
import io.trawl.sandbox.files.FileFaults;
import io.trawl.sandbox.files.FileStats;
import io.trawl.worker.runtime.DevServerExtension;
import io.trawl.workflows.etl.DownloadCheckpoint;
import io.trawl.workflows.etl.EtlFormat;
import io.trawl.workflows.etl.EtlOutcome;
import io.trawl.workflows.etl.EtlSource;
import io.trawl.workflows.etl.EtlSourceRequest;
import io.trawl.workflows.etl.EtlSourceResult;
import io.trawl.workflows.etl.EtlSourceWorkflow;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on the real Temporal dev server process: a {@code trawl worker} JVM is SIGKILLed in
 * the middle of a download; the server keeps the workflow, and a second worker JVM on the same
 * machine resumes the download with a Range request from the bytes in the partial file, which the
 * heartbeated offset may lag behind.
 */
class EtlWorkerCrashEndToEndTest {
  private static final int SIZE = 48 << 20;
  private static final long STALL_AT = 24 << 20;
  private static final String NAME = "kadaster.parquet";
  private static final byte[] PAR1 = "PAR1".getBytes(StandardCharsets.US_ASCII);

  @RegisterExtension static final DevServerExtension temporal = new DevServerExtension();

  @RegisterExtension
  static final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  @TempDir Path home;

  private final FakeFileServer files = new FakeFileServer().start();

  @AfterEach
  void stop() {
    files.close();
  }

  @Test
  void killedWorkerJvmIsResumedByAnotherFromThePartFileByteExact() throws Exception {
    FileContent content = FileContent.synthetic(SIZE, 48, PAR1, PAR1);
    files.put(NAME, content);
    files.faults(NAME, FileFaults.builder().stallAfterBytes(STALL_AT).build());
    EtlSource source =
        new EtlSource(
            "kadaster",
            files.url(NAME),
            EtlFormat.PARQUET,
            content.sha256(),
            1L << 30,
            "kadaster/" + NAME,
            Map.of());
    WorkflowClient client = temporal.workflowClient();
    EtlSourceWorkflow run =
        client.newWorkflowStub(
            EtlSourceWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(source.workflowId())
                .setTaskQueue(EtlSourceWorkflow.TASK_QUEUE)
                .build());

    long heartbeated;
    try (WorkerJvm first = WorkerJvm.start(workerEnv()).awaitPolling(Duration.ofSeconds(60))) {
      WorkflowClient.start(run::run, new EtlSourceRequest(source, false, false));
      await().atMost(Duration.ofSeconds(30)).until(() -> files.stalledBodies() == 1);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  checkpoint(client, source).map(DownloadCheckpoint::offset).orElse(0L)
                      >= STALL_AT - (1 << 20));
      heartbeated = checkpoint(client, source).orElseThrow().offset();
      first.kill();
    }
    files.releaseStalls();

    EtlSourceResult result;
    try (WorkerJvm second = WorkerJvm.start(workerEnv()).awaitPolling(Duration.ofSeconds(60))) {
      result = WorkflowStub.fromTyped(run).getResult(120, TimeUnit.SECONDS, EtlSourceResult.class);
    }

    assertThat(result.outcome()).isEqualTo(EtlOutcome.DOWNLOADED);
    assertThat(result.sha256()).isEqualTo(content.sha256());
    assertThat(home.resolve("data/kadaster").resolve(NAME)).hasBinaryContent(content.toByteArray());
    FileStats stats = files.stats(NAME);
    assertThat(stats.partialResponses()).as("resumed with a Range request").isEqualTo(1);
    assertThat(stats.bodyBytes())
        .as("bytes sent in total; the last heartbeat said %d", heartbeated)
        .isEqualTo(SIZE);
  }

  private Map<String, String> workerEnv() {
    return ProductionEnv.of(temporal, db, home);
  }

  /** The download checkpoint the server holds, as the next attempt will receive it. */
  private static Optional<DownloadCheckpoint> checkpoint(WorkflowClient client, EtlSource source) {
    var described =
        client
            .getWorkflowServiceStubs()
            .blockingStub()
            .describeWorkflowExecution(
                DescribeWorkflowExecutionRequest.newBuilder()
                    .setNamespace(client.getOptions().getNamespace())
                    .setExecution(WorkflowExecution.newBuilder().setWorkflowId(source.workflowId()))
                    .build());
    for (PendingActivityInfo activity : described.getPendingActivitiesList()) {
      if (activity.getActivityType().getName().equals("EtlDownload")
          && activity.getHeartbeatDetails().getPayloadsCount() > 0) {
        return Optional.of(
            DefaultDataConverter.STANDARD_INSTANCE.fromPayloads(
                0,
                Optional.of(activity.getHeartbeatDetails()),
                DownloadCheckpoint.class,
                DownloadCheckpoint.class));
      }
    }
    return Optional.empty();
  }
}
