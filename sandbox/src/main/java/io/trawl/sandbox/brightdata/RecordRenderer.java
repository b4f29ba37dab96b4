package io.trawl.sandbox.brightdata;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/** Renders postings as the dataset's records, field names and order from the official sample. */
final class RecordRenderer {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private RecordRenderer() {}

  /**
   * The scrape time for {@code day}: early that UTC day, the same for every request that day, so
   * records of one day are byte-identical between requests.
   */
  static Instant crawlTime(long seed, LocalDate day) {
    long offsetMillis = Math.floorMod(Seeds.mix(seed, day.toEpochDay()), 3_600_000L);
    return day.atStartOfDay(ZoneOffset.UTC).toInstant().plusMillis(offsetMillis);
  }

  static ObjectNode content(Posting posting, LocalDate day, Instant crawl, ObjectNode input) {
    String viewUrl =
        "https://www.linkedin.com/jobs/view/"
            + slug(posting.title())
            + "-at-"
            + posting.company().slug()
            + "-"
            + posting.id();
    Instant timestamp =
        crawl.plusMillis(Math.floorMod(Seeds.mix(Long.parseLong(posting.id())), 600_000L));
    Relative posted = Relative.between(posting.postedAt(), timestamp);
    ObjectNode record = NODES.objectNode();
    record.put("url", viewUrl + "?lg=en");
    record.put("job_posting_id", posting.id());
    record.put("job_title", posting.titleOn(day));
    record.put("company_name", posting.companyName());
    record.put("company_id", posting.company().id());
    record.put("company_url", "https://www.linkedin.com/company/" + posting.company().slug());
    record.put("job_location", posting.jobLocation());
    record.put("country_code", posting.countryCode());
    record.put("job_summary", posting.summary());
    record.put("job_description_formatted", "<section><p>" + posting.summary() + "</p></section>");
    record.put("job_seniority_level", posting.seniority());
    record.put("job_employment_type", posting.employmentType());
    record.put("job_function", posting.jobFunction());
    record.put("job_industries", posting.industries());
    record.put("job_posted_time", posted.text());
    // Back-computed from the relative text, as the provider does, so it is only approximate.
    record.put("job_posted_date", timestamp.minus(posted.amount()).toString());
    record.put("job_num_applicants", posting.applicants());
    record.put("apply_link", posting.applyLink());
    record.put("application_availability", true);
    record.putNull("title_id");
    ObjectNode poster = record.putObject("job_poster");
    poster.putNull("name");
    poster.putNull("title");
    poster.putNull("url");
    ObjectNode salary = record.putObject("base_salary");
    Posting.Salary pay = posting.salary();
    if (pay == null) {
      salary.putNull("min_amount");
      salary.putNull("max_amount");
      salary.putNull("currency");
      salary.putNull("payment_period");
    } else {
      salary.put("min_amount", pay.min());
      salary.put("max_amount", pay.max());
      salary.put("currency", pay.currency());
      salary.put("payment_period", pay.period());
    }
    record.set("discovery_input", input.deepCopy());
    ObjectNode echoed = record.putObject("input");
    echoed.put("url", viewUrl);
    echoed.set("discovery_input", input.deepCopy());
    record.put("timestamp", timestamp.toString());
    return record;
  }

  /** An error record: free of charge, no content fields, branch on {@code error_code}. */
  static ObjectNode error(String deadId, Instant crawl, ObjectNode input) {
    ObjectNode record = NODES.objectNode();
    record.put("timestamp", crawl.toString());
    ObjectNode echoed = record.putObject("input");
    echoed.put("url", "https://www.linkedin.com/jobs/view/" + deadId);
    echoed.set("discovery_input", input.deepCopy());
    record.put("error", "Page is no longer available: the posting was removed");
    record.put("error_code", "dead_page");
    return record;
  }

  /** Breaks a record the way real batches are broken; {@code kind} picks one of four ways. */
  static void malform(ObjectNode record, int kind) {
    switch (Math.floorMod(kind, 4)) {
      case 0 -> record.remove("job_posting_id");
      case 1 -> record.putNull("job_title");
      case 2 -> record.put("job_posted_date", "not-a-date");
      default -> {
        record.put("job_num_applicants", "many");
        record.putArray("job_location").add(record.path("country_code").asText());
      }
    }
  }

  private static String slug(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }

  /** LinkedIn's "3 days ago" text and the exact duration it stands for. */
  record Relative(String text, Duration amount) {
    static Relative between(Instant posted, Instant now) {
      Duration age = Duration.between(posted, now);
      if (age.toHours() < 1) {
        return of(Math.max(1, age.toMinutes()), "minute", Duration.ofMinutes(1));
      }
      if (age.toDays() < 1) {
        return of(age.toHours(), "hour", Duration.ofHours(1));
      }
      if (age.toDays() < 7) {
        return of(age.toDays(), "day", Duration.ofDays(1));
      }
      if (age.toDays() < 30) {
        return of(age.toDays() / 7, "week", Duration.ofDays(7));
      }
      return of(age.toDays() / 30, "month", Duration.ofDays(30));
    }

    private static Relative of(long count, String unit, Duration step) {
      String text = count + " " + unit + (count == 1 ? "" : "s") + " ago";
      return new Relative(text, step.multipliedBy(count));
    }
  }
}
