package io.trawl.starter;

/**
 * Raised when a run's deterministic workflow id is taken by a run still open: the same search is
 * already going, and a second one would pay twice. The message names the workflow to look at.
 */
public final class AlreadyRunningException extends RuntimeException {
  public AlreadyRunningException(String message) {
    super(message);
  }
}
