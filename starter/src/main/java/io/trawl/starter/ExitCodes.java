package io.trawl.starter;

/** Exit codes shared by every command. */
public final class ExitCodes {
  /** Everything worked. */
  public static final int OK = 0;
  /** The work ran and failed (a failed run, a refused duplicate). */
  public static final int FAILED = 1;
  /** The command was used wrongly or cannot run here (bad flag, bad config, needs a server). */
  public static final int USAGE = 2;

  private ExitCodes() {}
}
