package io.trawl.starter.bench;

import io.trawl.activities.jobs.JobIngestActivitiesImpl;
import io.trawl.activities.jobs.store.JobRepository;
import io.trawl.activities.jobs.store.JobStagingRepository;
import io.trawl.activities.jobs.store.ScrapeRunRepository;
import io.trawl.sandbox.brightdata.SyntheticSnapshot;
import io.trawl.starter.bench.BenchDatabase.TupleCounts;
import io.trawl.workflows.jobs.DateRange;
import io.trawl.workflows.jobs.DateRangeChoice;
import io.trawl.workflows.jobs.IngestResult;
import io.trawl.workflows.jobs.RunRef;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Runs {@code bench ingest}: the jobs ingest path (snapshot file → job_staging → parse, normalize,
 * dedup → upsert companies, locations, jobs) three times over the same records, then the two
 * baselines on the same rows, all in one private embedded PostgreSQL.
 */
final class IngestBench {
  static final String QUERY = "Bench Engineer";
  static final String LOCATION = "Netherlands";

  /**
   * @param records records per pass
   * @param changed share of records whose content changes in the third pass
   * @param naiveRows records the naive baseline inserts (a rate needs no more)
   * @param heapProbeRecords records of the small ingest whose peak heap is compared with the big
   */
  record Options(int records, double changed, int naiveRows, int heapProbeRecords) {}

  /**
   * One trawl pass.
   *
   * @param stageSeconds snapshot file into job_staging (what the download step does)
   * @param ingestSeconds job_staging into jobs, companies and locations (the ingest step)
   * @param jobsWritten tuples the pass wrote into jobs, from pg_stat_user_tables
   * @param contentRewritten jobs whose content columns this pass wrote (new or changed)
   */
  record Pass(
      String name,
      int records,
      double stageSeconds,
      double ingestSeconds,
      IngestResult result,
      TupleCounts jobsWritten,
      long contentRewritten,
      long peakHeapBytes) {
    double seconds() {
      return stageSeconds + ingestSeconds;
    }
  }

  /** Everything one bench run measured. */
  record Result(
      Options options,
      List<Pass> passes,
      Pass heapProbe,
      double naiveSeconds,
      int naiveRows,
      double copySeconds,
      long copyRows) {}

  private final BenchDatabase db;
  private final Path dir;
  private final PrintWriter progress;
  private final ScrapeRunRepository runs;
  private final JobStagingRepository staging;
  private final JobIngestActivitiesImpl ingest;

  private IngestBench(BenchDatabase db, Path dir, PrintWriter progress) {
    this.db = db;
    this.dir = dir;
    this.progress = progress;
    this.runs = new ScrapeRunRepository(db.dataSource());
    this.staging = new JobStagingRepository(db.dataSource());
    this.ingest = new JobIngestActivitiesImpl(new JobRepository(db.dataSource()), runs);
  }

  static Result run(Path dir, Options options, PrintWriter progress) throws Exception {
    Files.createDirectories(dir);
    Path original = dir.resolve("snapshot-v0.ndjson");
    Path changed = dir.resolve("snapshot-v1.ndjson");
    Path probe = dir.resolve("snapshot-probe.ndjson");
    long bytes = SyntheticSnapshot.write(original, options.records(), options.changed(), 0);
    SyntheticSnapshot.write(changed, options.records(), options.changed(), 1);
    SyntheticSnapshot.write(probe, options.heapProbeRecords(), 0, 0);
    progress.printf(
        "  snapshot files: %,d records, %,d bytes each; starting a private PostgreSQL%n",
        options.records(), bytes);
    progress.flush();
    try (BenchDatabase db = BenchDatabase.start(dir.resolve("home"))) {
      IngestBench bench = new IngestBench(db, dir, progress);
      // The small ingest first: it warms the JIT and shows what one ingest holds in memory.
      Pass heapProbe = bench.pass("heap probe", probe, options.heapProbeRecords());
      db.execute("TRUNCATE jobs, companies, locations, job_staging, job_rejects");
      Pass fresh = bench.pass("new", original, options.records());
      Pass unchanged = bench.pass("unchanged", original, options.records());
      Pass modified = bench.pass("changed", changed, options.records());
      int naiveRows = Math.min(options.naiveRows(), options.records());
      double naive = IngestBaselines.naiveInsert(db.dataSource(), original, naiveRows);
      progress.printf("  naive INSERT done: %,d rows%n", naiveRows);
      double copy = IngestBaselines.rawCopy(db.dataSource(), dir.resolve("jobs.csv"));
      long copyRows = bench.count("bench_copy_limit");
      progress.printf("  raw COPY done: %,d rows%n", copyRows);
      progress.flush();
      return new Result(
          options,
          List.of(fresh, unchanged, modified),
          heapProbe,
          naive,
          naiveRows,
          copy,
          copyRows);
    }
  }

  private Pass pass(String name, Path snapshot, int records) throws Exception {
    TupleCounts before = db.tuples("jobs");
    String since = now();
    String workflowId = "bench-ingest/" + name.replace(' ', '-');
    long runId =
        runs.openRun(
            workflowId,
            UUID.randomUUID().toString(),
            QUERY,
            LOCATION,
            new DateRangeChoice(DateRange.PAST_MONTH, 30, "bench"),
            "sandbox");
    RunRef run = new RunRef(runId, workflowId, QUERY, LOCATION);
    HeapPeak.Measured<Timed> measured =
        HeapPeak.during(
            () -> {
              long started = System.nanoTime();
              staging.replace(runId, stage -> stageFile(snapshot, stage));
              long staged = System.nanoTime();
              IngestResult result = ingest.ingestStaged(run);
              long done = System.nanoTime();
              runs.complete(runId, result);
              return new Timed((staged - started) / 1e9, (done - staged) / 1e9, result);
            });
    Pass pass =
        new Pass(
            name,
            records,
            measured.value().stageSeconds(),
            measured.value().ingestSeconds(),
            measured.value().result(),
            db.tuples("jobs").minus(before),
            contentWrittenSince(since),
            measured.peakBytes());
    progress.printf("  pass %-10s done: %,d records in %.2f s%n", name, records, pass.seconds());
    progress.flush();
    return pass;
  }

  private record Timed(double stageSeconds, double ingestSeconds, IngestResult result) {}

  private static Void stageFile(Path snapshot, Consumer<String> stage) {
    try (BufferedReader lines = Files.newBufferedReader(snapshot, StandardCharsets.UTF_8)) {
      for (String line; (line = lines.readLine()) != null; ) {
        stage.accept(line);
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + snapshot, e);
    }
  }

  private String now() throws SQLException {
    return queryText("SELECT clock_timestamp()::text");
  }

  private long contentWrittenSince(String since) throws SQLException {
    return Long.parseLong(
        queryText(
            "SELECT count(*) FROM jobs WHERE content_updated_at >= '" + since + "'::timestamptz"));
  }

  private long count(String table) throws SQLException {
    return Long.parseLong(queryText("SELECT count(*) FROM " + table));
  }

  private String queryText(String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
