package io.trawl.sandbox.brightdata;

import io.trawl.sandbox.brightdata.Companies.Company;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * One job posting of the universe, fully determined by its seed. Only the title may change over the
 * posting's life ({@code retitleAfterDays}), so ingest has "changed" rows to find.
 *
 * @param id LinkedIn-style numeric job_posting_id, unique within a universe
 * @param postedAt when the posting went up
 * @param lifeDays days the posting stays listed after the day it went up
 * @param retitleAfterDays days after which {@code newTitle} replaces {@code title}; -1 never
 */
record Posting(
    String id,
    Instant postedAt,
    int lifeDays,
    String title,
    String newTitle,
    int retitleAfterDays,
    Company company,
    String companyName,
    String jobLocation,
    String countryCode,
    String seniority,
    String employmentType,
    String jobFunction,
    String industries,
    String summary,
    int applicants,
    Salary salary,
    String applyLink) {

  /** A base salary, present on a few postings only. */
  record Salary(int min, int max, String currency, String period) {}

  LocalDate postedDay() {
    return LocalDate.ofInstant(postedAt, ZoneOffset.UTC);
  }

  /** Listed on {@code day}: posted before that day and not yet past its life. */
  boolean listedOn(LocalDate day) {
    long age = day.toEpochDay() - postedDay().toEpochDay();
    return age >= 1 && age <= lifeDays;
  }

  String titleOn(LocalDate day) {
    long age = day.toEpochDay() - postedDay().toEpochDay();
    return retitleAfterDays >= 0 && age > retitleAfterDays ? newTitle : title;
  }
}
