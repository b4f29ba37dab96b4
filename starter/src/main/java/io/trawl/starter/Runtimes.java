package io.trawl.starter;

import io.trawl.worker.RuntimeLauncher;
import io.trawl.worker.TrawlRuntime;
import io.trawl.worker.runtime.RuntimeResolution;
import io.trawl.worker.runtime.TrawlHome;
import java.io.PrintWriter;
import java.util.Map;
import java.util.function.Consumer;

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
            ? RuntimeLauncher.forWorkflows(CliEnvironment.get(), notice(err))
            : RuntimeLauncher.forDatabase(CliEnvironment.get(), notice(err));
    runtime.description().forEach(line -> err.println("trawl: " + line));
    err.flush();
    return runtime;
  }

  /**
   * The runtime mode the environment selects, without opening anything; waits (saying so on {@code
   * err}) for a {@code ./trawl dev} that is still starting.
   */
  public static RuntimeResolution resolve(PrintWriter err) {
    Map<String, String> env = CliEnvironment.get();
    return RuntimeResolution.resolve(env, TrawlHome.fromEnvironment(env), notice(err));
  }

  /** Prints a runtime's notice (a wait for a starting dev stack) as one line on {@code err}. */
  public static Consumer<String> notice(PrintWriter err) {
    return line -> {
      err.println("trawl: " + line);
      err.flush();
    };
  }

  /** Fails with exit 2 when the command needs a server that outlives it. */
  public static void requireDurable(TrawlRuntime runtime, String what) {
    if (!runtime.durable()) {
      throw new UsageException(
          what + " need a Temporal server: start ./trawl dev or set TEMPORAL_ADDRESS");
    }
  }
}
