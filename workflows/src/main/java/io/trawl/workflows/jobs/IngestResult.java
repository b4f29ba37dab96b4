package io.trawl.workflows.jobs;

/**
 * Counts from ingesting one staged batch, all taken from the database statements themselves.
 *
 * @param found records delivered by the provider that carry content (error records excluded)
 * @param newJobs jobs inserted for the first time
 * @param updated existing jobs seen again (last_seen_at moved, reactivated if inactive)
 * @param invalid malformed records kept with their reason, not ingested
 * @param duplicates records whose job_posting_id already appeared earlier in the same batch
 * @param errorRecords provider error records ({@code error_code}), free of charge and skipped
 */
public record IngestResult(
    int found, int newJobs, int updated, int invalid, int duplicates, int errorRecords) {
  public static final IngestResult EMPTY = new IngestResult(0, 0, 0, 0, 0, 0);
}
