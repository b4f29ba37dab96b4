package io.trawl.activities.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobRecordParserTest {
  private static final Instant RECEIVED = Instant.parse("2025-01-01T00:00:00Z");

  /** The official sample record of PROVIDERS.md, section 1, with content filled in. */
  static final String SAMPLE =
      """
      {"url":"https://www.linkedin.com/jobs/view/market-researcher-4096670538?lg=en",
       "job_posting_id":"4096670538",
       "job_title":"  Market   Researcher ",
       "company_name":"Acme Research, Inc.","company_id":"89885194",
       "company_url":"https://www.linkedin.com/company/acme-research?trk=public_jobs",
       "job_location":"Bronx, NY","country_code":"US",
       "job_summary":"We are hiring.\\n\\n\\nApply now.",
       "job_description_formatted":"<section>html</section>",
       "job_seniority_level":"Entry level","job_employment_type":"Part-time",
       "job_function":"Other","job_industries":"Market Research",
       "job_posted_time":"1 week ago","job_posted_date":"2024-12-15T09:16:55.932Z",
       "job_num_applicants":25,"apply_link":"https://apply.example.com/job?id=7",
       "application_availability":true,"title_id":null,
       "job_poster":{"name":null,"title":null,"url":null},
       "base_salary":{"min_amount":40000,"max_amount":"55000.50","currency":"USD","payment_period":"YEAR"},
       "discovery_input":{},"input":{"url":"https://www.linkedin.com/jobs/view/4096670538"},
       "timestamp":"2024-12-22T09:16:55.951Z"}
      """;

  private final JobRecordParser parser = new JobRecordParser();

  @Test
  void parsesAndNormalizesTheSampleRecord() {
    JobPosting posting = posting(SAMPLE);

    assertThat(posting.jobPostingId()).isEqualTo("4096670538");
    assertThat(posting.title()).isEqualTo("Market Researcher");
    assertThat(posting.company())
        .isEqualTo(
            new Company(
                "acme research",
                "Acme Research",
                "89885194",
                "https://www.linkedin.com/company/acme-research"));
    assertThat(posting.location()).isEqualTo(new JobLocation("Bronx", "NY", "United States", "US"));
    assertThat(posting.url())
        .isEqualTo("https://www.linkedin.com/jobs/view/market-researcher-4096670538");
    assertThat(posting.summary()).isEqualTo("We are hiring.\n\nApply now.");
    assertThat(posting.seniority()).isEqualTo("Entry level");
    assertThat(posting.employmentType()).isEqualTo("Part-time");
    assertThat(posting.jobFunction()).isEqualTo("Other");
    assertThat(posting.industries()).isEqualTo("Market Research");
    assertThat(posting.postedAt()).isEqualTo(Instant.parse("2024-12-15T09:16:55.932Z"));
    assertThat(posting.postedText()).isEqualTo("1 week ago");
    assertThat(posting.numApplicants()).isEqualTo(25);
    assertThat(posting.applyLink()).isEqualTo("https://apply.example.com/job?id=7");
    assertThat(posting.salary())
        .isEqualTo(new Salary(new BigDecimal("40000"), new BigDecimal("55000.50"), "USD", "YEAR"));
    assertThat(posting.observedAt()).isEqualTo(Instant.parse("2024-12-22T09:16:55.951Z"));
  }

  @Test
  void derivesPostedDateFromRelativeTimeWhenTheDateIsAbsent() {
    JobPosting posting =
        posting(
            """
            {"job_posting_id":"1","job_title":"Engineer","job_posted_time":"2 weeks ago",
             "job_posted_date":null,"timestamp":"2024-12-22T09:00:00Z"}
            """);

    assertThat(posting.postedAt()).isEqualTo(Instant.parse("2024-12-08T09:00:00Z"));
  }

  @Test
  void countsRelativeTimeFromReceiptWhenTheRecordHasNoTimestamp() {
    JobPosting posting =
        posting(
            "{\"job_posting_id\":1,\"job_title\":\"Engineer\",\"job_posted_time\":\"3 days ago\"}");

    assertThat(posting.jobPostingId()).isEqualTo("1");
    assertThat(posting.observedAt()).isEqualTo(RECEIVED);
    assertThat(posting.postedAt()).isEqualTo(Instant.parse("2024-12-29T00:00:00Z"));
    assertThat(posting.company()).isNull();
    assertThat(posting.location()).isNull();
    assertThat(posting.salary()).isEqualTo(Salary.NONE);
  }

  @Test
  void recognizesProviderErrorRecordsByErrorCodeOnly() {
    ParsedRecord parsed =
        parser.parse(
            """
            {"timestamp":"2024-12-22T09:16:55.951Z","input":{"url":"x"},
             "error":"Page is dead","error_code":"dead_page"}
            """,
            RECEIVED);

    assertThat(parsed).isEqualTo(new ParsedRecord.ProviderError("dead_page", "Page is dead"));
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      nullValues = "-",
      textBlock =
          """
          [1, 2]                                                     | not a JSON object                                   | -
          "just text"                                                | not a JSON object                                   | -
          {"job_title":"Engineer"}                                   | job_posting_id is missing                           | -
          {"job_posting_id":"  ","job_title":"Engineer"}             | job_posting_id is missing                           | -
          {"job_posting_id":"7"}                                     | job_title is missing                                | 7
          {"job_posting_id":"7","job_title":{"a":1}}                 | job_title is not text                               | 7
          {"job_posting_id":1.5,"job_title":"E"}                     | job_posting_id "1.5" is not an id                   | -
          {"job_posting_id":"7","job_title":"E","job_posted_date":"not-a-date"} | job_posted_date "not-a-date" is not a date | 7
          {"job_posting_id":"7","job_title":"E","timestamp":"yesterday"} | timestamp "yesterday" is not a date             | 7
          {"job_posting_id":"7","job_title":"E","job_num_applicants":"lots"} | job_num_applicants "lots" is not a whole number | 7
          {"job_posting_id":"7","job_title":"E","base_salary":[1]}   | base_salary is not an object                        | 7
          {"job_posting_id":"7","job_title":"E","base_salary":{"min_amount":"a lot"}} | base_salary.min_amount "a lot" is not a number | 7
          {"job_posting_id":"7","job_title":"E","base_salary":{"max_amount":1e15}} | base_salary.max_amount "1.0E15" is out of range | 7
          """)
  void rejectsMalformedRecordsNamingTheField(String raw, String reason, String id) {
    assertThat(parser.parse(raw, RECEIVED)).isEqualTo(new ParsedRecord.Malformed(id, reason));
  }

  @Test
  void rejectsAnAmountOfAMillionDigitsBeforeParsingIt() {
    String digits = "7".repeat(1 << 20);
    String raw =
        "{\"job_posting_id\":\"7\",\"job_title\":\"E\",\"base_salary\":{\"max_amount\":\""
            + digits
            + "\"}}";

    assertThat(parser.parse(raw, RECEIVED))
        .isEqualTo(
            new ParsedRecord.Malformed(
                "7",
                "base_salary.max_amount \"" + "7".repeat(59) + "… is longer than 64 characters"));
  }

  @Test
  void rejectsTextThatIsNotJson() {
    ParsedRecord parsed = parser.parse("{\"job_posting_id\": \"7\", \"job_ti", RECEIVED);

    assertThat(parsed)
        .isInstanceOfSatisfying(
            ParsedRecord.Malformed.class, m -> assertThat(m.reason()).startsWith("not valid JSON"));
  }

  @Test
  void givesEqualHashesToPostingsThatDifferOnlyInVolatileFields() {
    String seenLater =
        SAMPLE
            .replace("\"1 week ago\"", "\"2 weeks ago\"")
            .replace("\"job_num_applicants\":25", "\"job_num_applicants\":80")
            .replace("2024-12-22T09:16:55.951Z", "2024-12-29T09:16:55.951Z")
            .replace("lg=en", "lg=nl")
            .replace("40000", "40000.00");

    assertThat(posting(seenLater).contentHash()).isEqualTo(posting(SAMPLE).contentHash());
  }

  @Test
  void changesTheHashWhenTheTitleChanges() {
    String retitled = SAMPLE.replace("Market   Researcher", "Senior Market Researcher");

    assertThat(posting(retitled).contentHash()).isNotEqualTo(posting(SAMPLE).contentHash());
  }

  private JobPosting posting(String raw) {
    ParsedRecord parsed = parser.parse(raw, RECEIVED);
    assertThat(parsed).isInstanceOf(ParsedRecord.Posting.class);
    return ((ParsedRecord.Posting) parsed).posting();
  }
}
