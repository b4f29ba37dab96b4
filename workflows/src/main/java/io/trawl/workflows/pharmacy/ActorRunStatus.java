package io.trawl.workflows.pharmacy;

import java.util.Set;

/**
 * An actor run's state after one {@code waitForFinish} call.
 *
 * @param status Apify's status: READY, RUNNING, TIMING-OUT, ABORTING, SUCCEEDED, FAILED, TIMED-OUT,
 *     ABORTED
 */
public record ActorRunStatus(String status, String message) {
  private static final Set<String> TERMINAL = Set.of("SUCCEEDED", "FAILED", "TIMED-OUT", "ABORTED");

  public boolean terminal() {
    return TERMINAL.contains(status);
  }

  public boolean succeeded() {
    return "SUCCEEDED".equals(status);
  }
}
