package io.trawl.activities.jobs.store;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JobRepositoryTest {
  @RegisterExtension
  static PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  /** Posting ids unique across the tests of this class, which share one database. */
  private static final AtomicLong NEXT_ID = new AtomicLong(4_100_000_000L);

  private static final String JOB_TEMPLATE =
      """
      {"url":"https://www.linkedin.com/jobs/view/%s?lg=en","job_posting_id":"%s",
       "job_title":"%s","company_name":"%s","company_id":"123",
       "job_location":"%s","country_code":"NL","job_summary":"Build pipelines.",
       "job_seniority_level":"Mid-Senior level","job_employment_type":"Full-time",
       "job_posted_time":"2 days ago","job_num_applicants":12,
       "timestamp":"2025-01-10T10:00:00Z"}
      """;

  private DataSource dataSource;
  private ScrapeRunRepository runs;
  private JobRepository jobs;

  @BeforeEach
  void setUp() {
    dataSource = db.getTestDatabase();
    runs = new ScrapeRunRepository(dataSource);
    jobs = new JobRepository(dataSource);
  }

  @Test
  void countsEveryPostingAsNewOnFirstIngest() throws SQLException {
    List<String> batch = List.of(job(nextId(), "Data Engineer"), job(nextId(), "ML Engineer"));
    RunRef run = openRun();
    stage(run, batch);

    IngestResult result = jobs.ingestStaged(run);

    assertThat(result).isEqualTo(new IngestResult(2, 2, 0, 0, 0, 0));
  }

  @Test
  void countsSecondIngestOfSameBatchAsUpdated() throws SQLException {
    String id = nextId();
    List<String> batch = List.of(job(id, "Data Engineer"), job(nextId(), "ML Engineer"));
    RunRef first = openRun();
    stage(first, batch);
    jobs.ingestStaged(first);
    Map<String, Object> before = jobRow(id);
    RunRef second = openRun();
    stage(second, batch);

    IngestResult result = jobs.ingestStaged(second);

    assertThat(result).isEqualTo(new IngestResult(2, 0, 2, 0, 0, 0));
    Map<String, Object> after = jobRow(id);
    assertThat(after.get("last_run_id")).isEqualTo(second.runId());
    assertThat(after.get("first_run_id")).isEqualTo(first.runId());
    assertThat(after.get("content_updated_at")).isEqualTo(before.get("content_updated_at"));
    assertThat((Timestamp) after.get("last_seen_at"))
        .isAfter((Timestamp) before.get("last_seen_at"));
  }

  @Test
  void rewritesContentWhenTitleChangedAndCountsItAsUpdated() throws SQLException {
    String id = nextId();
    RunRef first = openRun();
    stage(first, List.of(job(id, "Data Engineer")));
    jobs.ingestStaged(first);
    String hashBefore = (String) jobRow(id).get("content_hash");
    RunRef second = openRun();
    stage(second, List.of(job(id, "Senior   Data Engineer")));

    IngestResult result = jobs.ingestStaged(second);

    assertThat(result).isEqualTo(new IngestResult(1, 0, 1, 0, 0, 0));
    Map<String, Object> row = jobRow(id);
    assertThat(row.get("title")).isEqualTo("Senior Data Engineer");
    assertThat(row.get("content_hash")).isNotEqualTo(hashBefore);
  }

  @Test
  void reactivatesAnInactiveJobSeenAgain() throws SQLException {
    String id = nextId();
    RunRef first = openRun();
    stage(first, List.of(job(id, "Data Engineer")));
    jobs.ingestStaged(first);
    sql(
        "UPDATE jobs SET is_active = false, inactive_since = now() - interval '3 days'"
            + " WHERE job_posting_id = '"
            + id
            + "'");
    RunRef second = openRun();
    stage(second, List.of(job(id, "Data Engineer")));

    IngestResult result = jobs.ingestStaged(second);

    assertThat(result.updated()).isEqualTo(1);
    Map<String, Object> row = jobRow(id);
    assertThat(row.get("is_active")).isEqualTo(true);
    assertThat(row.get("inactive_since")).isNull();
  }

  @Test
  void countsRepeatsWithinTheBatchAsDuplicatesAndKeepsTheFirst() throws SQLException {
    String id = nextId();
    RunRef run = openRun();
    stage(run, List.of(job(id, "First Title"), job(nextId(), "Other"), job(id, "Second Title")));

    IngestResult result = jobs.ingestStaged(run);

    assertThat(result).isEqualTo(new IngestResult(3, 2, 0, 0, 1, 0));
    assertThat(jobRow(id).get("title")).isEqualTo("First Title");
  }

  @Test
  void keepsMalformedRecordsWithTheirReasonAndSkipsProviderErrors() throws SQLException {
    String good = nextId();
    RunRef run = openRun();
    stage(
        run,
        List.of(
            job(good, "Data Engineer"),
            "{\"job_title\":\"No Id\"}",
            "[\"not an object\"]",
            "{\"job_posting_id\":\"77\",\"job_title\":\"E\",\"job_posted_date\":\"not-a-date\"}",
            "{\"input\":{},\"error\":\"gone\",\"error_code\":\"dead_page\"}"));

    IngestResult result = jobs.ingestStaged(run);

    assertThat(result).isEqualTo(new IngestResult(4, 1, 0, 3, 0, 1));
    assertThat(rejects(run))
        .containsExactly(
            List.of("2", "", "job_posting_id is missing"),
            List.of("3", "", "not a JSON object"),
            List.of("4", "77", "job_posted_date \"not-a-date\" is not a date"));
  }

  @Test
  void storesOneCompanyAndOneLocationForSpellingVariants() throws SQLException {
    String a = nextId();
    String b = nextId();
    String company = "Gridline " + UUID.randomUUID().toString().substring(0, 8);
    RunRef run = openRun();
    stage(
        run,
        List.of(
            job(a, "Data Engineer", company + " B.V.", "Utrecht, Utrecht, Netherlands"),
            job(b, "ML Engineer", company.toUpperCase(), "utrecht, UTRECHT, The Netherlands")));

    jobs.ingestStaged(run);

    Map<String, Object> first = jobRow(a);
    Map<String, Object> second = jobRow(b);
    assertThat(second.get("company_id")).isEqualTo(first.get("company_id"));
    assertThat(second.get("location_id")).isEqualTo(first.get("location_id"));
    assertThat(query("SELECT name FROM companies WHERE id = " + first.get("company_id")))
        .containsExactly(company);
    assertThat(
            query(
                "SELECT city || '/' || region || '/' || country || '/' || country_code"
                    + " FROM locations WHERE id = "
                    + first.get("location_id")))
        .containsExactly("Utrecht/Utrecht/Netherlands/NL");
  }

  @Test
  void storesUrlWithoutQueryAndRecordsTheSearch() throws SQLException {
    String id = nextId();
    RunRef run = openRun();
    stage(run, List.of(job(id, "Data Engineer")));

    jobs.ingestStaged(run);

    Map<String, Object> row = jobRow(id);
    assertThat(row.get("url")).isEqualTo("https://www.linkedin.com/jobs/view/" + id);
    assertThat(row.get("last_query")).isEqualTo(run.query());
    assertThat(row.get("last_location")).isEqualTo(run.location());
  }

  @Test
  void readsStagedRecordsAcrossSeveralPages() throws SQLException {
    int count = JobRepository.PAGE_SIZE * 2 + 17;
    List<String> batch = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      batch.add(job(nextId(), "Engineer " + i));
    }
    RunRef run = openRun();
    stage(run, batch);

    IngestResult result = jobs.ingestStaged(run);

    assertThat(result).isEqualTo(new IngestResult(count, count, 0, 0, 0, 0));
  }

  @Test
  void countsNothingForARunWithNoStagedRecords() {
    assertThat(jobs.ingestStaged(openRun())).isEqualTo(IngestResult.EMPTY);
  }

  // --- helpers ---

  private static String nextId() {
    return Long.toString(NEXT_ID.incrementAndGet());
  }

  private static String job(String id, String title) {
    return job(id, title, "Acme Data B.V.", "Amsterdam, North Holland, Netherlands");
  }

  private static String job(String id, String title, String company, String location) {
    return JOB_TEMPLATE.formatted(id, id, title, company, location);
  }

  private RunRef openRun() {
    String temporalRunId = UUID.randomUUID().toString();
    long id =
        runs.openRun(
            "jobs-scrape/data-engineer/netherlands",
            temporalRunId,
            "Data Engineer",
            "Netherlands",
            new DateRangeChoice(DateRange.PAST_MONTH, 30, "first run"),
            ProviderRef.SANDBOX);
    return new RunRef(id, "jobs-scrape/data-engineer/netherlands", "Data Engineer", "Netherlands");
  }

  private void stage(RunRef run, List<String> records) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("INSERT INTO job_staging (run_id, seq, raw) VALUES (?, ?, ?)")) {
      for (int i = 0; i < records.size(); i++) {
        ps.setLong(1, run.runId());
        ps.setInt(2, i + 1);
        ps.setString(3, records.get(i));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private Map<String, Object> jobRow(String jobPostingId) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT * FROM jobs WHERE job_posting_id = ?")) {
      ps.setString(1, jobPostingId);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).as("job %s exists", jobPostingId).isTrue();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
        }
        return row;
      }
    }
  }

  private List<List<String>> rejects(RunRef run) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT seq, coalesce(job_posting_id, ''), reason FROM job_rejects"
                    + " WHERE run_id = ? ORDER BY seq")) {
      ps.setLong(1, run.runId());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(List.of(rs.getString(1), rs.getString(2), rs.getString(3)));
        }
      }
    }
    return rows;
  }

  private List<String> query(String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  private void sql(String statement) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.createStatement().executeUpdate(statement);
    }
  }
}
