package io.trawl.starter.bench;

import io.trawl.activities.jobs.JobIngestActivitiesImpl;
import io.trawl.activities.jobs.ScrapeRunActivitiesImpl;
import io.trawl.activities.jobs.SnapshotActivitiesImpl;
import io.trawl.activities.jobs.store.JobRepository;
import io.trawl.activities.jobs.store.ScrapeRunRepository;
import io.trawl.activities.providers.brightdata.BrightDataClient;
import io.trawl.activities.providers.brightdata.BrightDataConfig;
import io.trawl.sandbox.brightdata.FakeBrightData;
import io.trawl.sandbox.brightdata.MutableClock;
import io.trawl.sandbox.brightdata.SyntheticSnapshot;
import io.trawl.workflows.jobs.DateRangeChoice;
import io.trawl.workflows.jobs.IngestResult;
import io.trawl.workflows.jobs.ProviderRef;
import io.trawl.workflows.jobs.RunRef;
import io.trawl.workflows.jobs.ScrapeRequest;
import io.trawl.workflows.jobs.SnapshotProgress;
import io.trawl.workflows.jobs.SnapshotRef;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Runs {@code bench cost}: the same week of 6-hourly scrapes of the same searches twice against the
 * sandbox universe on a virtual clock, once with the date strategy and once always asking for the
 * past month, each through the real activities (date range, trigger, progress, download into
 * staging, ingest) into its own jobs table.
 */
final class CostBench {
  static final Duration EVERY = Duration.ofHours(6);
  // 03:00 UTC: the universe changes at midnight, so no scrape straddles a day boundary.
  static final Instant START = Instant.parse("2026-11-02T03:00:00Z");
  // Searches for the same job titles the ingest bench's synthetic records carry.
  private static final List<String> KEYWORDS = SyntheticSnapshot.KEYWORDS;
  private static final List<String> LOCATIONS =
      List.of("Netherlands", "Germany", "United States", "Amsterdam");
  private static final int MAX_POLLS = 100;

  /** One search: the (query, location) a schedule scrapes. */
  record Search(String query, String location) {}

  /**
   * One simulated week.
   *
   * @param mode "date strategy" or "always past month"
   * @param runs scrape runs made
   * @param recordsPaid content records the sandbox delivered (error records are free)
   * @param ranges how many runs asked for each date range
   * @param jobs job_posting_id to content_hash of every job the week ended with
   * @param rejected the raw text of every record the week's ingests refused as malformed
   */
  record Week(
      String mode,
      int runs,
      long recordsPaid,
      Map<String, Integer> ranges,
      Map<String, String> jobs,
      List<String> rejected) {}

  /**
   * Both weeks, and how the strategy's jobs compare with the naive ones.
   *
   * @param missed jobs in the naive table and not in the strategy's
   * @param missedMalformed of those, the ones whose only records the strategy got were malformed
   * @param stale jobs in both whose stored content differs (changed after the strategy saw them)
   */
  record Result(
      int searches,
      int days,
      Week strategy,
      Week naive,
      long missed,
      long missedMalformed,
      long stale) {}

  static List<Search> searches(int count) {
    List<Search> searches = new ArrayList<>(count);
    for (int i = 0; searches.size() < count; i++) {
      searches.add(
          new Search(
              KEYWORDS.get(i % KEYWORDS.size()),
              LOCATIONS.get((i / KEYWORDS.size() + i) % LOCATIONS.size())));
    }
    return searches;
  }

  static Result run(Path dir, int queries, int days, PrintWriter progress) throws Exception {
    List<Search> searches = searches(queries);
    try (BenchDatabase db = BenchDatabase.start(dir.resolve("home"))) {
      Week strategy = week(db, "date strategy", searches, days, null, progress);
      db.execute("TRUNCATE jobs, companies, locations, job_staging, job_rejects, scrape_runs");
      Week naive = week(db, "always past month", searches, days, 30, progress);
      List<String> missed =
          naive.jobs().keySet().stream().filter(id -> !strategy.jobs().containsKey(id)).toList();
      // The sandbox breaks ~3% of a day's records the same way in every request that day.
      long malformed =
          missed.stream()
              .filter(id -> strategy.rejected().stream().anyMatch(raw -> raw.contains(id)))
              .count();
      long stale =
          naive.jobs().entrySet().stream()
              .filter(
                  e ->
                      strategy.jobs().containsKey(e.getKey())
                          && !strategy.jobs().get(e.getKey()).equals(e.getValue()))
              .count();
      return new Result(searches.size(), days, strategy, naive, missed.size(), malformed, stale);
    }
  }

  /**
   * Every 6 hours for {@code days} days, one run per search, as a schedule would start them.
   *
   * @param lookbackDays null for the date strategy, 30 for always "Past month"
   */
  private static Week week(
      BenchDatabase db,
      String mode,
      List<Search> searches,
      int days,
      Integer lookbackDays,
      PrintWriter progress)
      throws Exception {
    MutableClock clock = new MutableClock(START);
    ScrapeRunRepository runs = new ScrapeRunRepository(db.dataSource());
    ScrapeRunActivitiesImpl dateRanges =
        new ScrapeRunActivitiesImpl(
            runs, new ProviderRef("brightdata", ProviderRef.SANDBOX), clock);
    JobIngestActivitiesImpl ingest =
        new JobIngestActivitiesImpl(new JobRepository(db.dataSource(), clock), runs);
    Map<String, Integer> ranges = new TreeMap<>();
    int made = 0;
    try (FakeBrightData fake = new FakeBrightData(clock, FakeBrightData.Faults.none()).start()) {
      BrightDataClient client = new BrightDataClient(BrightDataConfig.sandbox(fake.baseUrl()));
      SnapshotActivitiesImpl snapshots = new SnapshotActivitiesImpl(db.dataSource(), client, runs);
      int ticks = days * (int) (Duration.ofDays(1).toHours() / EVERY.toHours());
      for (int tick = 0; tick < ticks; tick++) {
        for (Search search : searches) {
          ScrapeRequest request =
              new ScrapeRequest(search.query(), search.location(), lookbackDays, null);
          DateRangeChoice range = dateRanges.resolveDateRange(request); // 1.
          String workflowId = "bench-cost/" + search.query() + "/" + search.location();
          long runId =
              runs.openRun( // 2.
                  workflowId,
                  UUID.randomUUID().toString(),
                  search.query(),
                  search.location(),
                  range,
                  ProviderRef.SANDBOX);
          startedAt(db, runId, clock.instant());
          RunRef run = new RunRef(runId, workflowId, search.query(), search.location());
          SnapshotRef snapshot = snapshots.trigger(run, range); // 4.
          awaitReady(snapshots, run, snapshot); // 5.
          snapshots.downloadToStaging(run, snapshot);
          IngestResult result = ingest.ingestStaged(run); // 6.
          runs.complete(runId, result); // 7.
          ranges.merge(range.range().providerLabel(), 1, Integer::sum);
          made++;
        }
        clock.advance(EVERY);
      }
      long paid = fake.recordsDelivered();
      progress.printf("  %s: %,d runs, %,d records paid%n", mode, made, paid);
      progress.flush();
      return new Week(mode, made, paid, ranges, jobs(db), rejected(db));
    }
  }

  private static void awaitReady(SnapshotActivitiesImpl snapshots, RunRef run, SnapshotRef ref) {
    for (int poll = 0; poll < MAX_POLLS; poll++) {
      SnapshotProgress progress = snapshots.checkProgress(run, ref);
      if (progress.ready()) {
        return;
      }
      if (progress.failed()) {
        throw new IllegalStateException(
            "sandbox snapshot " + ref.snapshotId() + " failed: " + progress.errorMessage());
      }
    }
    throw new IllegalStateException(
        "sandbox snapshot " + ref.snapshotId() + " not ready after " + MAX_POLLS + " polls");
  }

  /**
   * The run row's start on the virtual clock: the date strategy measures from the last completed
   * run's start, which the database otherwise stamps with its own (real) time.
   */
  private static void startedAt(BenchDatabase db, long runId, Instant at) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement("UPDATE scrape_runs SET started_at = ? WHERE id = ?")) {
      ps.setTimestamp(1, Timestamp.from(at));
      ps.setLong(2, runId);
      ps.executeUpdate();
    }
  }

  private static List<String> rejected(BenchDatabase db) throws SQLException {
    List<String> raw = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT raw FROM job_rejects");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        raw.add(rs.getString(1));
      }
    }
    return raw;
  }

  private static Map<String, String> jobs(BenchDatabase db) throws SQLException {
    Map<String, String> jobs = new HashMap<>();
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT job_posting_id, content_hash FROM jobs");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        jobs.put(rs.getString(1), rs.getString(2));
      }
    }
    return jobs;
  }
}
