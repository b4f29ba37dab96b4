package io.trawl.starter;

/** A problem with how a command was called; printed as one line, exit code 2. */
public final class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }
}
