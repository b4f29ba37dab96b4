package io.trawl.worker.etl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.worker.WorkerFactory;
import io.trawl.sandbox.files.FileContent;
import io.trawl.sandbox.files.FileFaults;
import io.trawl.sandbox.files.FileStats;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker dies mid-download; a new worker picks the activity up after its heartbeat timeout and
 * resumes with a Range request instead of starting over. Here the partial file has lost the record
 * beside it (as one left by an older trawl would), so the heartbeated offset is the resume point;
 * with the record the resume starts at the file's end ({@code ResumableDownloadTest}, {@code
 * EtlWorkerCrashEndToEndTest}).
 */
class EtlCrashResumeTest {
  private static final int SIZE = 32 << 20;
  private static final long STALL_AT = 16 << 20;
  private static final String NAME = "rijksdata.parquet";
  private static final byte[] PAR1 = "PAR1".getBytes(StandardCharsets.US_ASCII);

  @RegisterExtension
  final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  @TempDir Path data;

  private EtlTestStack stack;

  @AfterEach
  void stop() {
    stack.close();
  }

  @Test
  void newWorkerResumesFromTheHeartbeatedOffsetWhenThePartFileHasNoRecord() throws Exception {
    stack = new EtlTestStack(db.getTestDatabase(), data, false);
    FileContent content = FileContent.synthetic(SIZE, 2026, PAR1, PAR1);
    stack.files.put(NAME, content);
    stack.files.faults(NAME, FileFaults.builder().stallAfterBytes(STALL_AT).build());
    EtlSource source =
        new EtlSource(
            "rijksdata",
            "sandbox://files/" + NAME,
            EtlFormat.PARQUET,
            content.sha256(),
            1L << 30,
            "rijk/" + NAME,
            Map.of());
    stack.startWorkflowWorker();
    WorkerFactory first = stack.startActivityWorker();
    EtlSourceWorkflow run = stack.newSourceRun(source);
    WorkflowClient.start(run::run, new EtlSourceRequest(source, false, false));

    // The body hangs after STALL_AT bytes; wait until the server holds a checkpoint near it.
    await().atMost(Duration.ofSeconds(30)).until(() -> stack.files.stalledBodies() == 1);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                stack.heartbeatedCheckpoint(source).map(DownloadCheckpoint::offset).orElse(0L)
                    >= STALL_AT - (1 << 20));
    long heartbeated = stack.heartbeatedCheckpoint(source).orElseThrow().offset();

    first.shutdownNow(); // the worker is gone...
    stack.files.releaseStalls(); // ...and so is its connection
    Files.delete(data.resolve("rijk").resolve("." + NAME + ".part.entity"));
    stack.startActivityWorker();
    EtlSourceResult result =
        WorkflowStub.fromTyped(run).getResult(60, TimeUnit.SECONDS, EtlSourceResult.class);

    assertThat(result.outcome()).isEqualTo(EtlOutcome.DOWNLOADED);
    assertThat(result.sha256()).isEqualTo(content.sha256());
    assertThat(data.resolve("rijk").resolve(NAME)).hasBinaryContent(content.toByteArray());
    FileStats stats = stack.files.stats(NAME);
    assertThat(stats.partialResponses()).as("resumed with a Range request").isEqualTo(1);
    assertThat(stats.bodyBytes())
        .as("bytes sent in total, resumed from %d", heartbeated)
        .isLessThan((long) (SIZE * 1.2))
        .isEqualTo(STALL_AT + SIZE - heartbeated);
  }
}
