package io.trawl.activities.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.failure.ApplicationFailure;
import io.trawl.activities.jobs.store.JobRepository;
import io.trawl.activities.jobs.store.ScrapeRunRepository;
import io.trawl.workflows.common.Failures;
import io.trawl.workflows.jobs.DateRange;
import io.trawl.workflows.jobs.DateRangeChoice;
import io.trawl.workflows.jobs.IngestResult;
import io.trawl.workflows.jobs.ProviderRef;
import io.trawl.workflows.jobs.RunRef;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JobIngestActivitiesImplTest {
  @RegisterExtension
  static PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  private static final AtomicLong NEXT_ID = new AtomicLong(4_200_000_000L);

  private static final String JOB_TEMPLATE =
      """
      {"job_posting_id":"%s","job_title":"Data Engineer","company_name":"Acme",
       "job_location":"Rotterdam, Netherlands","timestamp":"2025-01-10T10:00:00Z"}
      """;

  private DataSource dataSource;
  private ScrapeRunRepository runs;
  private JobIngestActivitiesImpl ingest;

  @BeforeEach
  void setUp() {
    dataSource = db.getTestDatabase();
    runs = new ScrapeRunRepository(dataSource);
    ingest = new JobIngestActivitiesImpl(new JobRepository(dataSource), runs);
  }

  @Test
  void countsNewAsFoundMinusInvalidMinusDuplicatesOnAFirstRun() throws SQLException {
    String repeated = nextId();
    RunRef run = openRun();
    stage(
        run,
        List.of(
            job(repeated),
            job(nextId()),
            job(repeated),
            "{\"job_title\":\"no id\"}",
            "{\"error\":\"blocked\",\"error_code\":\"blocked\"}"));

    IngestResult result = ingest.ingestStaged(run);

    assertThat(result).isEqualTo(new IngestResult(4, 2, 0, 1, 1, 1));
    assertThat(result.newJobs()).isEqualTo(result.found() - result.invalid() - result.duplicates());
  }

  @Test
  void returnsStoredCountsWhenIngestIsRetriedAfterCommit() throws SQLException {
    RunRef run = openRun();
    stage(run, List.of(job(nextId()), job(nextId())));
    IngestResult first = ingest.ingestStaged(run);
    long jobsAfterFirst = countJobs();
    // A retry must not recount, even if staging changed underneath it.
    stage(run, List.of(job(nextId())), 100);

    IngestResult retried = ingest.ingestStaged(run);

    assertThat(retried).isEqualTo(first);
    assertThat(countJobs()).isEqualTo(jobsAfterFirst);
    assertThat(runs.find(run.runId()).orElseThrow().jobsNew()).isEqualTo(2);
  }

  @Test
  void failsWithNotFoundForAnUnknownRun() {
    RunRef missing = new RunRef(987_654, "jobs-scrape/x/y", "x", "y");

    assertThatThrownBy(() -> ingest.ingestStaged(missing))
        .isInstanceOfSatisfying(
            ApplicationFailure.class, f -> assertThat(f.getType()).isEqualTo(Failures.NOT_FOUND));
  }

  private static String nextId() {
    return Long.toString(NEXT_ID.incrementAndGet());
  }

  private static String job(String id) {
    return JOB_TEMPLATE.formatted(id);
  }

  private RunRef openRun() {
    long id =
        runs.openRun(
            "jobs-scrape/data-engineer/netherlands",
            UUID.randomUUID().toString(),
            "Data Engineer",
            "Netherlands",
            new DateRangeChoice(DateRange.PAST_MONTH, 30, "first run"),
            ProviderRef.SANDBOX);
    return new RunRef(id, "jobs-scrape/data-engineer/netherlands", "Data Engineer", "Netherlands");
  }

  private void stage(RunRef run, List<String> records) throws SQLException {
    stage(run, records, 1);
  }

  private void stage(RunRef run, List<String> records, int firstSeq) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("INSERT INTO job_staging (run_id, seq, raw) VALUES (?, ?, ?)")) {
      for (int i = 0; i < records.size(); i++) {
        ps.setLong(1, run.runId());
        ps.setInt(2, firstSeq + i);
        ps.setString(3, records.get(i));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private long countJobs() throws SQLException {
    try (Connection c = dataSource.getConnection();
        ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM jobs")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
