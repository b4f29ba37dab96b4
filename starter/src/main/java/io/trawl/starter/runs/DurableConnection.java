package io.trawl.starter.runs;

import io.trawl.starter.Runtimes;
import io.trawl.starter.UsageException;
import io.trawl.worker.TrawlRuntime;
import java.io.PrintWriter;

/** Opens the runtime for the {@code runs} commands, which only make sense on a durable server. */
final class DurableConnection {
  private DurableConnection() {}

  static TrawlRuntime open(String what, PrintWriter err) {
    // Checked before opening anything: an embedded engine would start only to be refused.
    if (!Runtimes.resolve(err).durable()) {
      throw new UsageException(
          what + " need a Temporal server: start ./trawl dev or set TEMPORAL_ADDRESS");
    }
    TrawlRuntime runtime = Runtimes.open(Runtimes.Needs.WORKFLOWS, err);
    Runtimes.requireDurable(runtime, what);
    return runtime;
  }
}
