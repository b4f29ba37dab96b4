package io.trawl.activities.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.activity.ActivityOptions;
import io.temporal.testing.TestActivityEnvironment;
import io.trawl.activities.jobs.store.ScrapeRunRepository;
import io.trawl.activities.jobs.store.ScrapeRunRow;
import io.trawl.workflows.jobs.DateRange;
import io.trawl.workflows.jobs.DateRangeChoice;
import io.trawl.workflows.jobs.IngestResult;
import io.trawl.workflows.jobs.ProviderRef;
import io.trawl.workflows.jobs.RunRef;
import io.trawl.workflows.jobs.ScrapeRequest;
import io.trawl.workflows.jobs.ScrapeRunActivities;
import io.trawl.workflows.jobs.ScrapeRunResult;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ScrapeRunActivitiesImplTest {
  @RegisterExtension
  static PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
  private static final ProviderRef SANDBOX = new ProviderRef("brightdata", ProviderRef.SANDBOX);

  private ScrapeRunRepository runs;
  private ScrapeRunActivitiesImpl activities;

  @BeforeEach
  void setUp() {
    runs = new ScrapeRunRepository(db.getTestDatabase());
    activities = new ScrapeRunActivitiesImpl(runs, SANDBOX, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void fetchesThePastMonthOnTheFirstRunOfASearch() {
    DateRangeChoice choice = activities.resolveDateRange(ScrapeRequest.of("Never Run", "Nowhere"));

    assertThat(choice.range()).isEqualTo(DateRange.PAST_MONTH);
    assertThat(choice.lookbackDays()).isEqualTo(30);
  }

  @Test
  void narrowsToThePastWeekWhenTheLastCompletedRunStartedThreeDaysAgo() throws SQLException {
    ScrapeRequest request = ScrapeRequest.of("Data Engineer", "Week Town");
    RunRef done = open(request);
    setStartedAt(done.runId(), NOW.minus(Duration.ofDays(3)));
    activities.finishRun(done, IngestResult.EMPTY);
    RunRef failed = open(request);
    setStartedAt(failed.runId(), NOW.minus(Duration.ofHours(2)));
    activities.markEnded(failed, "failed", "boom");

    DateRangeChoice choice = activities.resolveDateRange(request);

    assertThat(choice.range()).isEqualTo(DateRange.PAST_WEEK);
    assertThat(choice.reason()).contains("3d 0h ago");
  }

  @Test
  void followsAManualLookback() {
    ScrapeRequest request = new ScrapeRequest("Data Engineer", "Manual Town", 1, null);

    assertThat(activities.resolveDateRange(request).range()).isEqualTo(DateRange.PAST_24_HOURS);
  }

  @Test
  void returnsTheSameRunWhenOpenIsRetriedInTheSameWorkflowRun() {
    ScrapeRequest request = ScrapeRequest.of("Data Engineer", "Retry Town");
    DateRangeChoice range = activities.resolveDateRange(request);
    String temporalRunId = UUID.randomUUID().toString();

    RunRef first = activities.open(request.workflowId(), temporalRunId, request, range);
    RunRef retried = activities.open(request.workflowId(), temporalRunId, request, range);

    assertThat(retried).isEqualTo(first);
    assertThat(first.workflowId()).isEqualTo("jobs-scrape/data-engineer/retry-town");
  }

  @Test
  void opensTheRunUnderTheActivityContextsWorkflowId() {
    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    try {
      env.registerActivitiesImplementations(activities);
      ScrapeRunActivities stub =
          env.newActivityStub(
              ScrapeRunActivities.class,
              ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1)).build());
      ScrapeRequest request = ScrapeRequest.of("Data Engineer", "Context Town");

      RunRef run = stub.openRun(request, activities.resolveDateRange(request));

      ScrapeRunRow row = row(run.runId());
      assertThat(row.workflowId()).isEqualTo(run.workflowId()).isNotBlank();
      assertThat(row.status()).isEqualTo("running");
      assertThat(row.provider()).isEqualTo("sandbox");
      assertThat(row.dateRange()).isEqualTo("Past month");
    } finally {
      env.close();
    }
  }

  @Test
  void recordsTheConfiguredProviderOnTheRun() {
    RunRef run = open(ScrapeRequest.of("Data Engineer", "Provider Town"));

    ProviderRef provider = activities.selectProvider(run);

    assertThat(provider).isEqualTo(SANDBOX);
    assertThat(row(run.runId()).metadata()).contains("\"provider_name\": \"brightdata\"");
  }

  @Test
  void finishRunReturnsTheCompletedRowAndIgnoresARepeat() {
    RunRef run = open(ScrapeRequest.of("Data Engineer", "Finish Town"));

    ScrapeRunResult finished = activities.finishRun(run, new IngestResult(7, 5, 1, 1, 0, 2));
    ScrapeRunResult again = activities.finishRun(run, IngestResult.EMPTY);

    assertThat(finished.completed()).isTrue();
    assertThat(finished.jobsNew()).isEqualTo(5);
    assertThat(finished.provider()).isEqualTo("sandbox");
    assertThat(finished.dateRange()).isEqualTo("Past month");
    assertThat(again).isEqualTo(finished);
  }

  private RunRef open(ScrapeRequest request) {
    return activities.open(
        request.workflowId(),
        UUID.randomUUID().toString(),
        request,
        new DateRangeChoice(DateRange.PAST_MONTH, 30, "first run"));
  }

  private ScrapeRunRow row(long runId) {
    return runs.recent(1000).stream().filter(r -> r.id() == runId).findFirst().orElseThrow();
  }

  private static void setStartedAt(long runId, Instant startedAt) throws SQLException {
    try (Connection c = db.getTestDatabase().getConnection();
        PreparedStatement ps =
            c.prepareStatement("UPDATE scrape_runs SET started_at = ? WHERE id = ?")) {
      ps.setTimestamp(1, Timestamp.from(startedAt));
      ps.setLong(2, runId);
      ps.executeUpdate();
    }
  }
}
