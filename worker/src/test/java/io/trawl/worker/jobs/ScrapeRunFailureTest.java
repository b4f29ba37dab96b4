package io.trawl.worker.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.trawl.activities.jobs.store.ScrapeRunRepository;
import io.trawl.activities.jobs.store.ScrapeRunRow;
import io.trawl.sandbox.brightdata.FakeBrightData;
import io.trawl.workflows.common.Failures;
import io.trawl.workflows.jobs.RunRef;
import io.trawl.workflows.jobs.ScrapeRequest;
import io.trawl.workflows.jobs.ScrapeRunResult;
import io.trawl.workflows.jobs.ScrapeRunWorkflow;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Provider quirks, crashes and failures: every run still ends with an honest row. */
class ScrapeRunFailureTest {
  private static final ScrapeRequest SEARCH = ScrapeRequest.of("Data Engineer", "Netherlands");

  @RegisterExtension
  final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  private JobsTestStack stack;

  @AfterEach
  void tearDown() {
    if (stack != null) {
      stack.close();
    }
  }

  private JobsTestStack stack(FakeBrightData.Faults faults, boolean timeSkipping) {
    stack = new JobsTestStack(db.getTestDatabase(), faults, timeSkipping);
    return stack;
  }

  private ScrapeRunRow onlyRow() {
    return new ScrapeRunRepository(db.getTestDatabase()).recent(1).get(0);
  }

  @Test
  void marksRunFailedWithTheErrorWhenIngestFails() {
    stack(FakeBrightData.Faults.none(), true);
    stack.startWorkerWithIngest(
        (RunRef run) -> {
          throw ApplicationFailure.newNonRetryableFailure(
              "ingest of run " + run.runId() + " failed: disk full", Failures.VALIDATION_FAILED);
        });

    assertThatThrownBy(() -> stack.newRun(SEARCH).run(SEARCH))
        .isInstanceOf(WorkflowFailedException.class);

    ScrapeRunRow row = onlyRow();
    assertThat(row.status()).isEqualTo("failed");
    assertThat(row.error()).contains("failed: disk full");
    assertThat(row.finishedAt()).isNotNull();
  }

  @Test
  void waitsForRetryAfterOn429AndStillPaysOnce() {
    stack(
        FakeBrightData.Faults.builder().rateLimited(1, 1).rateLimitedNoRetryAfter(1).build(), true);
    stack.startWorker();

    ScrapeRunResult result = stack.newRun(SEARCH).run(SEARCH);

    assertThat(result.completed()).isTrue();
    assertThat(stack.sandbox.triggersRefused()).isEqualTo(2);
    assertThat(stack.sandbox.triggersAccepted()).isEqualTo(1);
  }

  @Test
  void completesWithZeroJobsWhenTheSnapshotIsEmpty() {
    stack(FakeBrightData.Faults.builder().emptySnapshot(true).build(), true);
    stack.startWorker();

    ScrapeRunResult result = stack.newRun(SEARCH).run(SEARCH);

    assertThat(result.completed()).isTrue();
    assertThat(result.jobsFound()).isZero();
    assertThat(result.jobsNew()).isZero();
  }

  @Test
  void keepsPollingWhileTheSnapshotIsStillBuildingAfterReady() {
    stack(FakeBrightData.Faults.builder().snapshotBuilding(2).build(), true);
    stack.startWorker();

    ScrapeRunResult result = stack.newRun(SEARCH).run(SEARCH);

    assertThat(result.completed()).isTrue();
    assertThat(result.jobsFound()).isPositive();
    // Two 202 "building" answers, then the delivering download.
    assertThat(stack.sandbox.requests("snapshot")).isEqualTo(3);
    assertThat(stack.sandbox.downloads()).isEqualTo(1);
  }

  @Test
  void failsRunWhenTheCollectionFails() {
    stack(FakeBrightData.Faults.builder().progressFailure("Account is suspended").build(), true);
    stack.startWorker();

    assertThatThrownBy(() -> stack.newRun(SEARCH).run(SEARCH))
        .isInstanceOf(WorkflowFailedException.class);

    assertThat(onlyRow().status()).isEqualTo("failed");
    assertThat(onlyRow().error()).contains("Account is suspended");
  }

  @Test
  void failsRunWhenPollingPassesItsDeadline() {
    stack(FakeBrightData.Faults.builder().pollsBeforeReady(100_000).build(), true);
    stack.startWorker();
    ScrapeRequest request =
        new ScrapeRequest("Data Engineer", "Netherlands", null, Duration.ofMinutes(3));

    assertThatThrownBy(() -> stack.newRun(request).run(request))
        .isInstanceOf(WorkflowFailedException.class);

    assertThat(onlyRow().status()).isEqualTo("failed");
    assertThat(onlyRow().error()).contains("not ready after PT3M");
  }

  @Test
  void marksRunCancelledWhenTheWorkflowIsCancelled() {
    stack(FakeBrightData.Faults.builder().pollsBeforeReady(1_000).build(), false);
    stack.startWorker();
    ScrapeRunWorkflow run = stack.newRun(SEARCH);
    WorkflowClient.start(run::run, SEARCH);
    await().atMost(Duration.ofSeconds(30)).until(() -> stack.sandbox.progressPolls() >= 1);

    WorkflowStub.fromTyped(run).cancel();

    assertThatThrownBy(() -> WorkflowStub.fromTyped(run).getResult(ScrapeRunResult.class))
        .isInstanceOf(WorkflowFailedException.class);
    await().atMost(Duration.ofSeconds(10)).until(() -> onlyRow().status().equals("cancelled"));
  }

  @Test
  void refusesASecondConcurrentRunOfTheSameSearch() {
    stack(FakeBrightData.Faults.builder().pollsBeforeReady(1_000).build(), false);
    stack.startWorker();
    WorkflowClient.start(stack.newRun(SEARCH)::run, SEARCH);

    ScrapeRunWorkflow second = stack.newRun(SEARCH);
    assertThatThrownBy(() -> WorkflowClient.start(second::run, SEARCH))
        .isInstanceOf(WorkflowExecutionAlreadyStarted.class);
  }

  @Test
  void aStormOf429sOpensTheBreakerBeforeBrightDataBlocksTheIpAndTheRunsGiveTheirBudgetBack() {
    stack(FakeBrightData.Faults.builder().rateLimitedNoRetryAfter(1_000).build(), true);
    stack.startWorker();
    java.util.List<ScrapeRunWorkflow> runs = new java.util.ArrayList<>();
    for (String location :
        java.util.List.of("Netherlands", "Belgium", "Germany", "France", "Spain", "Italy")) {
      ScrapeRequest request = ScrapeRequest.of("Data Engineer", location);
      ScrapeRunWorkflow run = stack.newRun(request);
      WorkflowClient.start(run::run, request);
      runs.add(run);
    }

    for (ScrapeRunWorkflow run : runs) {
      assertThatThrownBy(() -> WorkflowStub.fromTyped(run).getResult(ScrapeRunResult.class))
          .isInstanceOf(WorkflowFailedException.class);
    }

    // Six runs of twelve attempts would send 72 triggers; the breaker let a handful through.
    assertThat(stack.sandbox.ipBlocked()).isFalse();
    assertThat(stack.sandbox.triggersRefused()).isLessThan(25);
    assertThat(stack.sandbox.triggersAccepted()).isZero();
    for (ScrapeRunRow row : new ScrapeRunRepository(db.getTestDatabase()).recent(10)) {
      assertThat(row.status()).isEqualTo("failed");
      assertThat(row.error()).contains("Bright Data circuit breaker is open");
    }
    assertThat(
            new io.trawl.activities.spend.SpendLedger(db.getTestDatabase())
                .since(java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1)))
        .allSatisfy(budget -> assertThat(budget.committedUsd()).isZero());
  }
}
