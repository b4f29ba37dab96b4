package io.trawl.worker.logging;

/**
 * What the terminal shows of the log, set once by the CLI before a command runs; read by {@link
 * TerminalFilter} and {@link FailureConverter} for every console line.
 *
 * <p>A one-shot command ({@link Mode#COMMAND}) prints its own progress, summary and errors, so the
 * log lines of its pipeline steps and the Temporal SDK's failure reports go to {@code
 * TRAWL_HOME/logs/trawl.log} only. A worker ({@link Mode#WORKER}: {@code trawl worker}, {@code
 * trawl dev}) has no other voice, so its console keeps them, with a handled failure on one line.
 * {@code --verbose} shows everything with stack traces; an explicit {@code TRAWL_LOG_LEVEL} brings
 * a command's step lines back at that level.
 */
public final class TerminalLog {
  /** Which kind of process writes to the terminal. */
  public enum Mode {
    /** A command that runs, prints its summary and exits. */
    COMMAND,
    /** A long-running worker whose console is its log. */
    WORKER
  }

  public static final String LEVEL_ENV = "TRAWL_LOG_LEVEL";

  private static volatile Mode mode = Mode.COMMAND;
  private static volatile boolean verbose;
  private static volatile boolean levelChosen = System.getenv(LEVEL_ENV) != null;

  private TerminalLog() {}

  /** Called by the CLI once it knows which command runs and whether {@code --verbose} was given. */
  public static void configure(Mode newMode, boolean newVerbose) {
    mode = newMode;
    verbose = newVerbose;
  }

  /** For tests: as if {@code TRAWL_LOG_LEVEL} were (or were not) set. */
  static void levelChosen(boolean chosen) {
    levelChosen = chosen;
  }

  /** {@code --verbose}: every line, every stack trace. */
  static boolean verbose() {
    return verbose;
  }

  /** True when step lines and SDK failure reports belong on the terminal. */
  static boolean showsSteps() {
    return verbose || levelChosen || mode == Mode.WORKER;
  }
}
