package io.trawl.activities.jobs.store;

import io.trawl.activities.jobs.Company;
import io.trawl.activities.jobs.JobLocation;
import io.trawl.activities.jobs.JobPosting;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * The per-ingest temp table {@code job_batch} and the COPY that fills it: one row per distinct
 * posting, with the company and location keys the upserts join on.
 */
final class JobBatchWriter {
  /** A posting with its position in the staged snapshot (first occurrence wins). */
  record Staged(int seq, JobPosting posting) {}

  // ON COMMIT DROP: the table lives exactly as long as the ingest transaction.
  private static final String CREATE_BATCH_TABLE =
      """
      CREATE TEMP TABLE job_batch (
        seq INTEGER NOT NULL, job_posting_id TEXT PRIMARY KEY, title TEXT NOT NULL,
        company_key TEXT, company_name TEXT, company_linkedin_id TEXT, company_url TEXT,
        location_key TEXT, city TEXT, region TEXT, country TEXT, country_code TEXT,
        url TEXT, summary TEXT, seniority TEXT, employment_type TEXT, job_function TEXT,
        industries TEXT, posted_at TIMESTAMPTZ, posted_text TEXT, num_applicants INTEGER,
        apply_link TEXT, salary_min NUMERIC(14, 2), salary_max NUMERIC(14, 2),
        salary_currency TEXT, salary_period TEXT, content_hash TEXT NOT NULL
      ) ON COMMIT DROP
      """;

  private static final String COPY_INTO_BATCH =
      """
      COPY job_batch (seq, job_posting_id, title, company_key, company_name, company_linkedin_id,
        company_url, location_key, city, region, country, country_code, url, summary, seniority,
        employment_type, job_function, industries, posted_at, posted_text, num_applicants,
        apply_link, salary_min, salary_max, salary_currency, salary_period, content_hash)
      FROM STDIN (FORMAT csv)
      """;

  private JobBatchWriter() {}

  static void createTable(Connection tx) throws SQLException {
    try (Statement st = tx.createStatement()) {
      st.execute(CREATE_BATCH_TABLE);
    }
  }

  /** Copies one page of postings into {@code job_batch}; returns the rows copied. */
  static long copy(Connection tx, List<Staged> page) throws SQLException {
    if (page.isEmpty()) {
      return 0;
    }
    StringBuilder csv = new StringBuilder(page.size() * 2048);
    for (Staged staged : page) {
      appendRow(csv, staged);
    }
    try {
      return tx.unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(COPY_INTO_BATCH, new StringReader(csv.toString()));
    } catch (IOException e) {
      throw new SQLException("COPY into job_batch failed reading its own buffer", e);
    }
  }

  /**
   * Temp tables are never auto-analyzed; without statistics the upsert joins plan blind. Only the
   * join keys get statistics: analyzing every column spent most of its time on the long texts
   * (summary, URLs), 0.7-1 s per 50,000 postings, for statistics no plan reads.
   */
  static void analyze(Connection tx) throws SQLException {
    try (Statement st = tx.createStatement()) {
      st.execute("ANALYZE job_batch (job_posting_id, company_key, location_key)");
    }
  }

  private static void appendRow(StringBuilder csv, Staged staged) {
    JobPosting p = staged.posting();
    Company company = p.company();
    JobLocation location = p.location();
    Object[] values = {
      staged.seq(),
      p.jobPostingId(),
      p.title(),
      company == null ? null : company.key(),
      company == null ? null : company.name(),
      company == null ? null : company.linkedinId(),
      company == null ? null : company.url(),
      location == null ? null : location.key(),
      location == null ? null : location.city(),
      location == null ? null : location.region(),
      location == null ? null : location.country(),
      location == null ? null : location.countryCode(),
      p.url(),
      p.summary(),
      p.seniority(),
      p.employmentType(),
      p.jobFunction(),
      p.industries(),
      p.postedAt(),
      p.postedText(),
      p.numApplicants(),
      p.applyLink(),
      p.salary().min() == null ? null : p.salary().min().toPlainString(),
      p.salary().max() == null ? null : p.salary().max().toPlainString(),
      p.salary().currency(),
      p.salary().period(),
      p.contentHash()
    };
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        csv.append(',');
      }
      appendField(csv, values[i]);
    }
    csv.append('\n');
  }

  /**
   * CSV as PostgreSQL reads it: an unquoted empty field is NULL, a quoted one is text, so every
   * value is quoted and only a real null stays empty.
   */
  private static void appendField(StringBuilder csv, Object value) {
    if (value == null) {
      return;
    }
    csv.append('"').append(value.toString().replace("\"", "\"\"")).append('"');
  }
}
