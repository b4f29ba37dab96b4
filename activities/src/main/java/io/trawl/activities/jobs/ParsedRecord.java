package io.trawl.activities.jobs;

/** What one raw provider record turned out to be. */
public sealed interface ParsedRecord {

  /** A usable job posting. */
  record Posting(JobPosting posting) implements ParsedRecord {}

  /**
   * A provider error record ({@code error_code} set): free of charge, carries no content, skipped.
   *
   * @param errorCode e.g. "dead_page"
   * @param message the provider's free text, may be null
   */
  record ProviderError(String errorCode, String message) implements ParsedRecord {}

  /**
   * A record that cannot be used, kept with the reason.
   *
   * @param jobPostingId the id when it could be read, else null
   * @param reason names the field and the value seen, e.g. {@code job_posting_id is missing}
   */
  record Malformed(String jobPostingId, String reason) implements ParsedRecord {}
}
