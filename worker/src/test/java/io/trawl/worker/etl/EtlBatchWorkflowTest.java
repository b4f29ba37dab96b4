package io.trawl.worker.etl;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.trawl.sandbox.files.DemoFiles;
import io.trawl.sandbox.files.FileFaults;
import io.trawl.worker.config.EtlConfig;
import io.trawl.worker.config.TrawlConfigLoader;
import io.trawl.workflows.etl.EtlBatchRequest;
import io.trawl.workflows.etl.EtlBatchResult;
import io.trawl.workflows.etl.EtlBatchWorkflow;
import io.trawl.workflows.etl.EtlOutcome;
import io.trawl.workflows.etl.EtlSource;
import io.trawl.workflows.etl.EtlSourceRequest;
import io.trawl.workflows.etl.EtlSourceResult;
import io.trawl.workflows.etl.EtlSourceWorkflow;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** All configured sources as children: in order, bounded, one failure does not stop the rest. */
class EtlBatchWorkflowTest {
  @RegisterExtension
  final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  @TempDir Path data;

  private EtlTestStack stack;
  private List<EtlSource> demo;

  @BeforeEach
  void start() {
    stack = new EtlTestStack(db.getTestDatabase(), data, true);
    DemoFiles.install(stack.files);
    stack.startWorker();
    demo = EtlConfig.of(TrawlConfigLoader.loadBuiltIn()).sources();
  }

  @AfterEach
  void stop() {
    stack.close();
  }

  @Test
  void downloadsEveryDemoSourceThenFindsThemAllFresh() {
    EtlBatchResult first =
        stack.newBatch("etl-batch/first").run(new EtlBatchRequest(demo, false, false, 2));

    assertThat(first.results())
        .extracting(EtlSourceResult::sourceId)
        .containsExactlyElementsOf(demo.stream().map(EtlSource::id).toList());
    assertThat(first.results())
        .extracting(EtlSourceResult::outcome)
        .containsOnly(EtlOutcome.DOWNLOADED);
    assertThat(first.ok()).isTrue();

    EtlBatchResult second =
        stack.newBatch("etl-batch/second").run(new EtlBatchRequest(demo, false, false, 4));

    assertThat(second.results())
        .extracting(EtlSourceResult::outcome)
        .containsOnly(EtlOutcome.FRESH);
  }

  @Test
  void reportsAFailedSourceAndStillRunsTheOthers() {
    List<EtlSource> sources = new ArrayList<>(demo);
    sources.add(
        1,
        new EtlSource(
            "gone",
            "sandbox://files/missing.csv",
            io.trawl.workflows.etl.EtlFormat.CSV,
            null,
            1 << 20,
            "gone.csv",
            Map.of()));

    EtlBatchResult result =
        stack.newBatch("etl-batch/gone").run(new EtlBatchRequest(sources, false, false, 4));

    assertThat(result.ok()).isFalse();
    EtlSourceResult gone = result.results().get(1);
    assertThat(gone.outcome()).isEqualTo(EtlOutcome.FAILED);
    assertThat(gone.error()).contains("answered 404");
    assertThat(result.results())
        .filteredOn(r -> !r.sourceId().equals("gone"))
        .extracting(EtlSourceResult::outcome)
        .containsOnly(EtlOutcome.DOWNLOADED);
  }

  @Test
  void refusesToRunASourceThatIsAlreadyRunningElsewhere() {
    EtlSource slow = demo.get(0);
    String name = slow.url().substring("sandbox://files/".length());
    stack.files.faults(name, FileFaults.builder().bytesPerSecond(2_000).build());
    EtlSourceWorkflow running = stack.newSourceRun(slow);
    WorkflowClient.start(running::run, new EtlSourceRequest(slow, true, false));

    EtlBatchResult result =
        stack.newBatch("etl-batch/overlap").run(new EtlBatchRequest(List.of(slow), true, false, 1));

    assertThat(result.results().get(0).outcome()).isEqualTo(EtlOutcome.FAILED);
    assertThat(result.results().get(0).error())
        .contains("another run of this source is in progress");
    WorkflowStub.fromTyped(running).terminate("test over");
  }

  @Test
  void dryRunReportsEverySourceAsWouldDownloadWithItsSize() {
    EtlBatchWorkflow batch = stack.newBatch("etl-batch/dry");

    EtlBatchResult result = batch.run(new EtlBatchRequest(demo, false, true, 4));

    assertThat(result.results())
        .extracting(EtlSourceResult::outcome)
        .containsOnly(EtlOutcome.WOULD_DOWNLOAD);
    assertThat(result.results()).allSatisfy(r -> assertThat(r.bytes()).isPositive());
  }
}
