package io.trawl.starter;

import io.trawl.worker.RuntimeLauncher;
import io.trawl.worker.TrawlRuntime;
import java.io.PrintWriter;

/** Opens the runtime a command needs and tells the user, on stderr, what it runs on. */
public final class Runtimes {
  /** What a command needs from the runtime. */
  public enum Needs {
    /** Only the trawl database (history, reports). */
    DATABASE,
    /** Temporal, a worker and the database. */
    WORKFLOWS
  }

  private Runtimes() {}

  public static TrawlRuntime open(Needs needs, PrintWriter err) {
    TrawlRuntime runtime =
        needs == Needs.WORKFLOWS
            ? RuntimeLauncher.forWorkflows(CliEnvironment.get())
            : RuntimeLauncher.forDatabase(CliEnvironment.get());
    runtime.description().forEach(line -> err.println("trawl: " + line));
    err.flush();
    return runtime;
  }

  /** Fails with exit 2 when the command needs a server that outlives it. */
  public static void requireDurable(TrawlRuntime runtime, String what) {
    if (!runtime.durable()) {
      throw new UsageException(
          what + " need a Temporal server: start ./trawl dev or set TEMPORAL_ADDRESS");
    }
  }
}
