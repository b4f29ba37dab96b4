package io.trawl.workflows.etl;

/**
 * The outcome of one source's run, one row of {@code trawl etl run}.
 *
 * @param sourceId the source
 * @param workflowId its workflow
 * @param outcome downloaded, fresh, would-download, quarantined or failed
 * @param decision "download" or "skip" as the freshness gate said, or null when the run failed
 *     before the gate
 * @param reason the gate's reason, or the failure's message
 * @param bytes bytes downloaded, or for a dry run the bytes that would be
 * @param durationMillis wall time of the run
 * @param path the target (downloaded, fresh) or the quarantined file's directory, else null
 * @param sha256 the file's digest when known, else null
 * @param error what went wrong (quarantined, failed), else null
 */
public record EtlSourceResult(
    String sourceId,
    String workflowId,
    EtlOutcome outcome,
    String decision,
    String reason,
    long bytes,
    long durationMillis,
    String path,
    String sha256,
    String error) {

  public static EtlSourceResult failed(
      String sourceId, String workflowId, String decision, String error, long durationMillis) {
    return new EtlSourceResult(
        sourceId,
        workflowId,
        EtlOutcome.FAILED,
        decision,
        error,
        0,
        durationMillis,
        null,
        null,
        error);
  }
}
