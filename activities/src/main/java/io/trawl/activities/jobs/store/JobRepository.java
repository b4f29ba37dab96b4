package io.trawl.activities.jobs.store;

import io.trawl.activities.jobs.JobRecordParser;
import io.trawl.activities.jobs.ParsedRecord;
import io.trawl.activities.jobs.store.JobBatchWriter.Staged;
import io.trawl.activities.store.Transactions;
import io.trawl.workflows.jobs.IngestResult;
import io.trawl.workflows.jobs.RunRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code jobs}, {@code companies}, {@code locations} and {@code job_rejects} tables, filled
 * from a run's {@code job_staging} rows.
 *
 * <p>Ingest path (DESIGN.md, "Data"): read the staged records page by page, parse and normalize,
 * drop repeats of a job_posting_id (first wins), COPY the rest into a temp table, upsert companies
 * and locations from it, then move it into {@code jobs} with one {@code INSERT … ON CONFLICT} whose
 * RETURNING gives the new and seen-again counts. Everything runs in the caller's transaction, so a
 * failed ingest leaves nothing behind.
 */
public final class JobRepository {
  private static final Logger log = LoggerFactory.getLogger(JobRepository.class);

  /** Staged records read per round trip; bounds memory to one page of raw JSON. */
  static final int PAGE_SIZE = 1000;

  // Keyset pages rather than one cursor: COPY cannot run on a connection while a cursor is open.
  private static final String SELECT_STAGED_PAGE =
      """
      SELECT seq, raw FROM job_staging WHERE run_id = ? AND seq > ? ORDER BY seq LIMIT ?
      """;

  private static final String INSERT_REJECT =
      """
      INSERT INTO job_rejects (run_id, seq, job_posting_id, reason, raw) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (run_id, seq) DO NOTHING
      """;

  // First sighting in the batch names the company; later batches only fill gaps.
  private static final String UPSERT_COMPANIES_FROM_BATCH =
      """
      INSERT INTO companies AS c (name_key, name, linkedin_company_id, url)
      SELECT DISTINCT ON (company_key) company_key, company_name, company_linkedin_id, company_url
      FROM job_batch WHERE company_key IS NOT NULL
      ORDER BY company_key, seq
      ON CONFLICT (name_key) DO UPDATE SET
        linkedin_company_id = COALESCE(c.linkedin_company_id, EXCLUDED.linkedin_company_id),
        url = COALESCE(c.url, EXCLUDED.url)
      WHERE (c.linkedin_company_id IS NULL AND EXCLUDED.linkedin_company_id IS NOT NULL)
         OR (c.url IS NULL AND EXCLUDED.url IS NOT NULL)
      """;

  private static final String UPSERT_LOCATIONS_FROM_BATCH =
      """
      INSERT INTO locations AS l (location_key, city, region, country, country_code)
      SELECT DISTINCT ON (location_key) location_key, city, region, country, country_code
      FROM job_batch WHERE location_key IS NOT NULL
      ORDER BY location_key, seq
      ON CONFLICT (location_key) DO UPDATE SET country_code = EXCLUDED.country_code
      WHERE l.country_code IS NULL AND EXCLUDED.country_code IS NOT NULL
      """;

  private static final String UPSERT_JOBS_FROM_BATCH = sql("jobs/upsert_jobs_from_batch.sql");

  private final DataSource dataSource;
  private final Clock clock;
  private final JobRecordParser parser = new JobRecordParser();

  public JobRepository(DataSource dataSource) {
    this(dataSource, Clock.systemUTC());
  }

  /**
   * @param clock stands in for a record's scrape time when the record carries no timestamp
   */
  public JobRepository(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /** Runs {@code work} in one transaction on this repository's database. */
  public <T> T inTransaction(String what, Transactions.Work<T> work) {
    return Transactions.inTransaction(dataSource, what, work);
  }

  /** Ingests the run's staged records in a transaction of its own. */
  public IngestResult ingestStaged(RunRef run) {
    return inTransaction("ingest run " + run.runId(), tx -> ingestStaged(tx, run));
  }

  /**
   * Ingests the run's staged records inside the caller's transaction {@code tx}; nothing is
   * committed here. Counts: {@code found} = staged records minus provider error records, {@code
   * invalid} = rejects, {@code duplicates} = repeats within the batch; new and updated come from
   * the upsert statement.
   */
  public IngestResult ingestStaged(Connection tx, RunRef run) throws SQLException {
    long runId = run.runId();
    Instant receivedAt = clock.instant();
    JobBatchWriter.createTable(tx);
    Set<String> seen = new HashSet<>();
    int found = 0;
    int invalid = 0;
    int duplicates = 0;
    int errorRecords = 0;
    int lastSeq = Integer.MIN_VALUE;
    while (true) {
      List<StagedRaw> page = readPage(tx, runId, lastSeq);
      if (page.isEmpty()) {
        break;
      }
      // Parsing (JSON tree, normalizing, content hash) is the ingest's Java cost and each record
      // stands alone, so a page is parsed on every core; the dedup below keeps snapshot order.
      List<ParsedRecord> parsedPage =
          page.parallelStream().map(staged -> parser.parse(staged.raw(), receivedAt)).toList();
      List<Staged> postings = new ArrayList<>(page.size());
      List<Reject> rejects = new ArrayList<>();
      for (int i = 0; i < page.size(); i++) {
        StagedRaw staged = page.get(i);
        switch (parsedPage.get(i)) {
          case ParsedRecord.ProviderError error -> errorRecords++;
          case ParsedRecord.Malformed malformed -> {
            found++;
            rejects.add(new Reject(staged, malformed));
          }
          case ParsedRecord.Posting posting -> {
            found++;
            if (seen.add(posting.posting().jobPostingId())) {
              postings.add(new Staged(staged.seq(), posting.posting()));
            } else {
              duplicates++;
            }
          }
        }
      }
      JobBatchWriter.copy(tx, postings);
      insertRejects(tx, runId, rejects);
      invalid += rejects.size();
      lastSeq = page.get(page.size() - 1).seq();
      log.debug(
          "ingest page run={} last_seq={} postings={} rejects={}",
          runId,
          lastSeq,
          postings.size(),
          rejects.size());
    }
    JobBatchWriter.analyze(tx);
    int companies = execute(tx, UPSERT_COMPANIES_FROM_BATCH);
    int locations = execute(tx, UPSERT_LOCATIONS_FROM_BATCH);
    UpsertCounts upserted = upsertJobs(tx, run);
    if (upserted.inserted() + upserted.seenAgain() != seen.size()) {
      // Every distinct posting is either inserted or updated; anything else is a bug here.
      throw new IllegalStateException(
          "run "
              + runId
              + ": upsert touched "
              + (upserted.inserted() + upserted.seenAgain())
              + " jobs for "
              + seen.size()
              + " distinct postings");
    }
    IngestResult result =
        new IngestResult(
            found, upserted.inserted(), upserted.seenAgain(), invalid, duplicates, errorRecords);
    log.info(
        "ingested run={} found={} new={} updated={} changed={} invalid={} duplicates={}"
            + " error_records={} companies_written={} locations_written={}",
        runId,
        found,
        upserted.inserted(),
        upserted.seenAgain(),
        upserted.changed(),
        invalid,
        duplicates,
        errorRecords,
        companies,
        locations);
    return result;
  }

  private record StagedRaw(int seq, String raw) {}

  private record Reject(StagedRaw staged, ParsedRecord.Malformed malformed) {}

  /**
   * @param inserted jobs seen for the first time
   * @param seenAgain jobs that existed (last_seen_at moved, reactivated)
   * @param changed of those, the ones whose content was rewritten
   */
  private record UpsertCounts(int inserted, int seenAgain, int changed) {}

  private static List<StagedRaw> readPage(Connection tx, long runId, int afterSeq)
      throws SQLException {
    try (PreparedStatement ps = tx.prepareStatement(SELECT_STAGED_PAGE)) {
      ps.setLong(1, runId);
      ps.setInt(2, afterSeq);
      ps.setInt(3, PAGE_SIZE);
      try (ResultSet rs = ps.executeQuery()) {
        List<StagedRaw> page = new ArrayList<>(PAGE_SIZE);
        while (rs.next()) {
          page.add(new StagedRaw(rs.getInt(1), rs.getString(2)));
        }
        return page;
      }
    }
  }

  private static void insertRejects(Connection tx, long runId, List<Reject> rejects)
      throws SQLException {
    if (rejects.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = tx.prepareStatement(INSERT_REJECT)) {
      for (Reject reject : rejects) {
        ps.setLong(1, runId);
        ps.setInt(2, reject.staged().seq());
        ps.setString(3, reject.malformed().jobPostingId());
        ps.setString(4, reject.malformed().reason());
        ps.setString(5, reject.staged().raw());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static UpsertCounts upsertJobs(Connection tx, RunRef run) throws SQLException {
    try (PreparedStatement ps = tx.prepareStatement(UPSERT_JOBS_FROM_BATCH)) {
      ps.setLong(1, run.runId());
      ps.setLong(2, run.runId());
      ps.setString(3, run.query());
      ps.setString(4, run.location());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new UpsertCounts(
            rs.getInt("inserted"), rs.getInt("seen_again"), rs.getInt("changed"));
      }
    }
  }

  private static int execute(Connection tx, String sql) throws SQLException {
    try (Statement st = tx.createStatement()) {
      return st.executeUpdate(sql);
    }
  }

  /** Loads a statement kept in {@code src/main/resources/sql/} because of its length. */
  private static String sql(String path) {
    try (InputStream in = JobRepository.class.getResourceAsStream("/sql/" + path)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource /sql/" + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read /sql/" + path, e);
    }
  }
}
