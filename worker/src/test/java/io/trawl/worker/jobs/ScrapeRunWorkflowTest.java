package io.trawl.worker.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.activities.jobs.store.ScrapeRunRepository;
import io.trawl.activities.jobs.store.ScrapeRunRow;
import io.trawl.sandbox.brightdata.FakeBrightData;
import io.trawl.workflows.jobs.ScrapeRequest;
import io.trawl.workflows.jobs.ScrapeRunResult;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The original's four integration cases, on the real activities, sandbox and database. */
class ScrapeRunWorkflowTest {
  @RegisterExtension
  final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  private JobsTestStack stack;

  private JobsTestStack stack() {
    if (stack == null) {
      stack = new JobsTestStack(db.getTestDatabase(), FakeBrightData.Faults.none());
      stack.startWorker();
    }
    return stack;
  }

  @AfterEach
  void tearDown() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void completesTheSevenStepsAndCountsNewJobsFromTheDatabase() throws Exception {
    ScrapeRunResult result =
        stack()
            .newRun(ScrapeRequest.of("Data Engineer", "Netherlands"))
            .run(ScrapeRequest.of("Data Engineer", "Netherlands"));

    assertThat(result.status()).isEqualTo("completed");
    assertThat(result.jobsFound()).isGreaterThan(100);
    assertThat(result.jobsNew())
        .isEqualTo(result.jobsFound() - result.jobsInvalid() - result.duplicates())
        .isEqualTo(countRows("SELECT count(*) FROM jobs"));
    assertThat(result.jobsUpdated()).isZero();
    assertThat(result.dateRange()).isEqualTo("Past month");
    assertThat(result.provider()).isEqualTo("sandbox");
    assertThat(result.snapshotId()).isNotBlank();
    assertThat(result.summary()).startsWith("Scrape completed: Data Engineer in Netherlands");
    assertThat(stack.sandbox.triggersAccepted()).isEqualTo(1);
  }

  @Test
  void secondRunOfTheSameSearchCountsSeenJobsAsUpdated() {
    ScrapeRequest request = ScrapeRequest.of("Data Engineer", "Netherlands");
    ScrapeRunResult first = stack().newRun(request).run(request);
    ScrapeRunResult second = stack().newRun(request).run(request);

    assertThat(first.jobsNew()).isPositive();
    assertThat(second.dateRange()).isEqualTo("Past 24 hours");
    assertThat(second.jobsNew()).isZero();
    assertThat(second.jobsUpdated()).isPositive();
  }

  @Test
  void manualLookbackOverridesTheDateStrategy() throws Exception {
    ScrapeRequest request = new ScrapeRequest("Data Scientist", "Belgium", 3, null);

    ScrapeRunResult result = stack().newRun(request).run(request);

    assertThat(result.dateRange()).isEqualTo("Past week");
    ScrapeRunRow row = new ScrapeRunRepository(db.getTestDatabase()).recent(1).get(0);
    assertThat(row.lookbackDays()).isEqualTo(3);
    assertThat(row.metadata()).contains("\"lookback_days\"").contains("3");
  }

  @Test
  void multipleRunsOfDifferentSearchesAllCompleteAndAddUp() throws Exception {
    List<ScrapeRequest> searches =
        List.of(
            ScrapeRequest.of("Data Engineer", "Netherlands"),
            ScrapeRequest.of("Data Scientist", "Belgium"),
            ScrapeRequest.of("ML Engineer", "Germany"));
    int totalNew = 0;
    for (ScrapeRequest search : searches) {
      ScrapeRunResult result = stack().newRun(search).run(search);
      assertThat(result.completed()).isTrue();
      totalNew += result.jobsNew();
    }
    assertThat(totalNew).isEqualTo(countRows("SELECT count(*) FROM jobs"));
    assertThat(stack.sandbox.triggersAccepted()).isEqualTo(3);
  }

  @Test
  void runHistoryIsQueryableWithItsMetadata() throws Exception {
    ScrapeRequest request = ScrapeRequest.of("ML Engineer", "Germany");
    ScrapeRunResult result = stack().newRun(request).run(request);

    List<ScrapeRunRow> history = new ScrapeRunRepository(db.getTestDatabase()).recent(10);

    assertThat(history).hasSize(1);
    ScrapeRunRow row = history.get(0);
    assertThat(row.id()).isEqualTo(result.runId());
    assertThat(row.status()).isEqualTo("completed");
    assertThat(row.workflowId()).isEqualTo("jobs-scrape/ml-engineer/germany");
    assertThat(row.jobsFound()).isEqualTo(result.jobsFound());
    assertThat(row.snapshotId()).isEqualTo(result.snapshotId());
    assertThat(row.metadata()).contains("\"date_range\"", "\"provider\"", "sandbox");
    assertThat(row.durationSeconds()).isNotNull().isPositive();
  }

  private int countRows(String sql) throws Exception {
    try (Connection connection = db.getTestDatabase().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
