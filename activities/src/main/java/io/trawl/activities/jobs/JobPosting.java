package io.trawl.activities.jobs;

import java.time.Instant;

/**
 * One LinkedIn job posting after parsing and normalization.
 *
 * @param jobPostingId LinkedIn's id, the natural key
 * @param title the job title
 * @param company the hiring company, null when the record names none
 * @param location where the job is, null when the record says nothing
 * @param url the posting URL without query string
 * @param summary the plain-text description
 * @param seniority e.g. "Mid-Senior level"
 * @param employmentType e.g. "Full-time"
 * @param jobFunction e.g. "Information Technology"
 * @param industries e.g. "Software Development"
 * @param postedAt when the job was posted (approximate), null when unknown
 * @param postedText the provider's relative text, e.g. "2 weeks ago"
 * @param numApplicants applicants so far, when given
 * @param applyLink the external application link, when given
 * @param salary the base salary block, {@link Salary#NONE} when absent
 * @param observedAt when the provider saw the posting (the record's {@code timestamp})
 */
public record JobPosting(
    String jobPostingId,
    String title,
    Company company,
    JobLocation location,
    String url,
    String summary,
    String seniority,
    String employmentType,
    String jobFunction,
    String industries,
    Instant postedAt,
    String postedText,
    Integer numApplicants,
    String applyLink,
    Salary salary,
    Instant observedAt) {

  public JobPosting {
    if (jobPostingId == null || jobPostingId.isEmpty()) {
      throw new IllegalArgumentException("jobPostingId is empty");
    }
    if (title == null || title.isEmpty()) {
      throw new IllegalArgumentException("title is empty for job " + jobPostingId);
    }
    if (salary == null) {
      salary = Salary.NONE;
    }
  }

  /** See {@link ContentHash}: equal for postings whose content did not change. */
  public String contentHash() {
    return ContentHash.of(this);
  }
}
