package io.trawl.workflows.etl;

/**
 * What the {@code progress} query of a source run answers.
 *
 * @param sourceId the source
 * @param step probing, inspecting, downloading, validating, publishing, quarantining, or the
 *     outcome's label once done
 * @param expectedBytes the Content-Length the probe saw, or -1
 */
public record EtlSourceProgress(String sourceId, String step, long expectedBytes) {}
