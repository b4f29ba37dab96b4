package io.trawl.activities.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;

/**
 * Turns one raw Bright Data LinkedIn record (JSON text, as staged) into a {@link ParsedRecord}: a
 * normalized posting, a provider error record, or a malformed record with the reason.
 *
 * <p>Pure: the same text and fallback time always give the same result. Thread-safe.
 */
public final class JobRecordParser {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * @param raw the record exactly as the provider delivered it
   * @param receivedAt stands in for the record's {@code timestamp} when it has none; relative
   *     posted times are counted back from it
   */
  public ParsedRecord parse(String raw, Instant receivedAt) {
    JsonNode node;
    try {
      node = JSON.readTree(raw);
    } catch (JsonProcessingException e) {
      return new ParsedRecord.Malformed(null, "not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      return new ParsedRecord.Malformed(null, "not a JSON object");
    }
    RecordFields fields = new RecordFields(node);
    String errorCode = safeText(fields, "error_code");
    // Error records carry no content; PROVIDERS.md says to branch on error_code alone.
    if (errorCode != null) {
      return new ParsedRecord.ProviderError(errorCode, safeText(fields, "error"));
    }
    try {
      return new ParsedRecord.Posting(posting(fields, receivedAt));
    } catch (MalformedRecordException e) {
      return new ParsedRecord.Malformed(safeId(fields), e.getMessage());
    }
  }

  private static JobPosting posting(RecordFields f, Instant receivedAt) {
    String id = f.id("job_posting_id");
    if (id == null) {
      throw new MalformedRecordException("job_posting_id is missing");
    }
    String title = f.requiredText("job_title");
    Instant observedAt = f.isoDate("timestamp");
    if (observedAt == null) {
      observedAt = receivedAt;
    }
    String postedText = f.text("job_posted_time");
    Instant postedAt = f.isoDate("job_posted_date");
    if (postedAt == null) {
      postedAt = PostedDates.fromRelative(postedText, observedAt).orElse(null);
    }
    return new JobPosting(
        id,
        title,
        company(f),
        LocationParser.parse(f.text("job_location"), f.text("country_code")),
        JobNormalizer.urlWithoutQuery(f.text("url")),
        f.paragraphs("job_summary"),
        f.text("job_seniority_level"),
        f.text("job_employment_type"),
        f.text("job_function"),
        f.text("job_industries"),
        postedAt,
        postedText,
        f.wholeNumber("job_num_applicants"),
        f.text("apply_link"),
        salary(f.object("base_salary")),
        observedAt);
  }

  private static Company company(RecordFields f) {
    String raw = f.text("company_name");
    if (raw == null) {
      return null;
    }
    return new Company(
        CompanyNames.key(raw),
        CompanyNames.displayName(raw),
        f.id("company_id"),
        JobNormalizer.urlWithoutQuery(f.text("company_url")));
  }

  private static Salary salary(RecordFields s) {
    Salary salary =
        new Salary(
            s.amount("min_amount"),
            s.amount("max_amount"),
            s.text("currency"),
            s.text("payment_period"));
    return salary.equals(Salary.NONE) ? Salary.NONE : salary;
  }

  /** The id for a reject row, if it can be read at all. */
  private static String safeId(RecordFields f) {
    try {
      return f.id("job_posting_id");
    } catch (MalformedRecordException e) {
      return null;
    }
  }

  private static String safeText(RecordFields f, String name) {
    try {
      return f.text(name);
    } catch (MalformedRecordException e) {
      return null;
    }
  }
}
