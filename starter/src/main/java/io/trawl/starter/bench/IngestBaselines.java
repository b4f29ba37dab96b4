package io.trawl.starter.bench;

import io.trawl.activities.jobs.JobPosting;
import io.trawl.activities.jobs.JobRecordParser;
import io.trawl.activities.jobs.ParsedRecord;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * The two baselines of {@code bench ingest}, on the rows the trawl passes wrote: a cron script's
 * row-by-row autocommit INSERT (the floor) and a raw COPY into a table without indexes (the limit).
 */
final class IngestBaselines {
  // Same columns and indexes as jobs, but no foreign keys: the naive script resolves no companies.
  private static final String CREATE_NAIVE =
      "CREATE TABLE bench_naive (LIKE jobs INCLUDING DEFAULTS INCLUDING INDEXES)";
  private static final String INSERT_NAIVE =
      """
      INSERT INTO bench_naive (job_posting_id, title, url, summary, seniority, employment_type,
        job_function, industries, posted_at, posted_text, num_applicants, apply_link, salary_min,
        salary_max, salary_currency, salary_period, content_hash, last_query, last_location)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """;
  private static final String CREATE_LIMIT =
      "CREATE TABLE bench_copy_limit AS TABLE jobs WITH NO DATA";

  private IngestBaselines() {}

  /**
   * Parses the first {@code rows} records of {@code snapshot} with trawl's parser and INSERTs each
   * in its own transaction; returns the seconds it took.
   */
  static double naiveInsert(DataSource db, Path snapshot, int rows) throws Exception {
    JobRecordParser parser = new JobRecordParser();
    Instant receivedAt = Instant.now();
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(true);
      try (PreparedStatement create = c.prepareStatement(CREATE_NAIVE)) {
        create.execute();
      }
      long started = System.nanoTime();
      try (BufferedReader lines = Files.newBufferedReader(snapshot, StandardCharsets.UTF_8);
          PreparedStatement insert = c.prepareStatement(INSERT_NAIVE)) {
        String line;
        for (int done = 0; done < rows && (line = lines.readLine()) != null; done++) {
          if (parser.parse(line, receivedAt) instanceof ParsedRecord.Posting posting) {
            bind(insert, posting.posting());
            insert.executeUpdate();
          }
        }
      }
      return (System.nanoTime() - started) / 1e9;
    }
  }

  /**
   * Exports every jobs row to a CSV file (untimed), then COPYs the file into a table of the same
   * columns with no index, key or constraint; returns the seconds the COPY took.
   */
  static double rawCopy(DataSource db, Path csv) throws Exception {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(true);
      var copy = c.unwrap(PGConnection.class).getCopyAPI();
      try (OutputStream out = Files.newOutputStream(csv)) {
        copy.copyOut("COPY jobs TO STDOUT (FORMAT csv)", out);
      }
      try (PreparedStatement create = c.prepareStatement(CREATE_LIMIT)) {
        create.execute();
      }
      long started = System.nanoTime();
      try (InputStream in = Files.newInputStream(csv)) {
        copy.copyIn("COPY bench_copy_limit FROM STDIN (FORMAT csv)", in, 1 << 16);
      }
      return (System.nanoTime() - started) / 1e9;
    }
  }

  private static void bind(PreparedStatement ps, JobPosting p) throws SQLException {
    ps.setString(1, p.jobPostingId());
    ps.setString(2, p.title());
    ps.setString(3, p.url());
    ps.setString(4, p.summary());
    ps.setString(5, p.seniority());
    ps.setString(6, p.employmentType());
    ps.setString(7, p.jobFunction());
    ps.setString(8, p.industries());
    ps.setTimestamp(9, p.postedAt() == null ? null : Timestamp.from(p.postedAt()));
    ps.setString(10, p.postedText());
    if (p.numApplicants() == null) {
      ps.setNull(11, Types.INTEGER);
    } else {
      ps.setInt(11, p.numApplicants());
    }
    ps.setString(12, p.applyLink());
    ps.setBigDecimal(13, p.salary().min());
    ps.setBigDecimal(14, p.salary().max());
    ps.setString(15, p.salary().currency());
    ps.setString(16, p.salary().period());
    ps.setString(17, p.contentHash());
    ps.setString(18, IngestBench.QUERY);
    ps.setString(19, IngestBench.LOCATION);
  }
}
