package io.trawl.workflows.etl;

/**
 * The freshness gate's verdict.
 *
 * @param download true to download, false to skip as fresh
 * @param reason one sentence for the log, the run record and the CLI row
 * @param ifNoneMatch an ETag to send as If-None-Match (only when the local copy is intact, so a 304
 *     can safely keep it), or null
 */
public record GateDecision(boolean download, String reason, String ifNoneMatch) {
  public static GateDecision download(String reason, String ifNoneMatch) {
    return new GateDecision(true, reason, ifNoneMatch);
  }

  public static GateDecision skip(String reason) {
    return new GateDecision(false, reason, null);
  }
}
