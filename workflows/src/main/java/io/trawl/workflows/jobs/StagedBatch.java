package io.trawl.workflows.jobs;

/**
 * A claim-check for a downloaded snapshot: the records sit in {@code job_staging} under the run.
 *
 * @param runId the run whose staging rows hold the records
 * @param recordsStaged raw records written to staging (content and error records)
 * @param bytes bytes read from the provider
 */
public record StagedBatch(long runId, int recordsStaged, long bytes) {}
