package io.trawl.sandbox.brightdata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * A snapshot file of any size in the LinkedIn dataset's record shape (NDJSON, one record a line),
 * for benchmarks: postings come from the sandbox universes of several searches, rendered as the
 * fake renders them, with the quirks PROVIDERS.md lists (numbers sent as strings, optional keys
 * missing).
 *
 * <p>Every record has its own job_posting_id, so a file of N records is N distinct jobs. The same
 * arguments always give the same bytes; {@code version} 1 changes the summary of a fixed share of
 * the records and leaves the rest byte-identical to version 0.
 */
public final class SyntheticSnapshot {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The job titles its records carry; searches that want realistic hits ask for these. */
  public static final List<String> KEYWORDS =
      List.of(
          "Data Engineer",
          "Software Engineer",
          "Data Analyst",
          "Product Manager",
          "DevOps Engineer",
          "Machine Learning Engineer",
          "Backend Developer",
          "Site Reliability Engineer");

  private static final List<String> LOCATIONS =
      List.of("Netherlands", "Amsterdam", "Rotterdam", "Utrecht", "Germany", "United States");
  private static final LocalDate DAY = LocalDate.of(2026, 11, 25);
  private static final long FIRST_ID = 4_000_000_000L;

  private SyntheticSnapshot() {}

  /**
   * Writes {@code records} records to {@code file}.
   *
   * @param changedShare share of records (0..1) whose content differs in version 1
   * @param version 0 for the original records, 1 for the changed ones
   * @return the bytes written
   */
  public static long write(Path file, int records, double changedShare, int version)
      throws IOException {
    if (records < 0 || changedShare < 0 || changedShare > 1 || version < 0 || version > 1) {
      throw new IllegalArgumentException(
          "records >= 0, changedShare 0..1 and version 0 or 1 expected, got "
              + records
              + ", "
              + changedShare
              + ", "
              + version);
    }
    long changeEvery = changedShare == 0 ? Long.MAX_VALUE : Math.round(1 / changedShare);
    int written = 0;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (long epochDay = DAY.toEpochDay() - 1; written < records; epochDay--) {
        for (String keyword : KEYWORDS) {
          for (String location : LOCATIONS) {
            JobUniverse universe = new JobUniverse(keyword, location, "");
            ObjectNode input = input(keyword, location);
            for (Posting posting : universe.postedOn(epochDay)) {
              if (written == records) {
                break;
              }
              ObjectNode record =
                  RecordRenderer.content(
                      posting, DAY, RecordRenderer.crawlTime(universe.seed(), DAY), input);
              quirks(record, written);
              if (version == 1 && written % changeEvery == 0) {
                record.put("job_summary", record.get("job_summary").asText() + " Now hybrid.");
              }
              out.write(JSON.writeValueAsString(record));
              out.write('\n');
              written++;
            }
          }
        }
      }
    }
    return Files.size(file);
  }

  /** Gives record {@code index} its own id and the type and presence quirks real batches have. */
  private static void quirks(ObjectNode record, int index) {
    String id = Long.toString(FIRST_ID + index);
    // Ids arrive as strings or as numbers; counts as numbers or as strings.
    if (index % 3 == 0) {
      record.put("job_posting_id", Long.parseLong(id));
      record.put("job_num_applicants", record.get("job_num_applicants").asText());
    } else {
      record.put("job_posting_id", id);
    }
    if (index % 7 == 0) {
      record.remove("apply_link");
      record.remove("base_salary");
    }
    if (index % 11 == 0) {
      record.remove("job_industries");
      record.remove("job_posted_date");
    }
    if (index % 13 == 0) {
      record.remove("country_code");
      record.remove("company_url");
    }
  }

  private static ObjectNode input(String keyword, String location) {
    ObjectNode input = JSON.createObjectNode();
    input.put("keyword", keyword);
    input.put("location", location);
    input.put("country", "");
    input.put("time_range", "Past month");
    return input;
  }
}
