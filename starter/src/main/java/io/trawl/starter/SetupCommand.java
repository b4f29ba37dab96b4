package io.trawl.starter;

import io.trawl.worker.DevStack;
import io.trawl.worker.runtime.NamespaceSetup;
import io.trawl.worker.runtime.RuntimeResolution;
import io.trawl.worker.runtime.TemporalConnection;
import io.trawl.worker.runtime.TrawlHome;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code trawl setup}: prepares a production Temporal namespace; safe to run on every deploy. */
@Command(
    name = "setup",
    mixinStandardHelpOptions = true,
    header = "Register trawl's namespace and search attributes on a Temporal server (idempotent).",
    description = {
      "Creates the namespace (TEMPORAL_NAMESPACE, default \"default\") when missing and adds the",
      "Keyword search attributes TrawlPipeline, TrawlQuery, TrawlLocation, TrawlSource and",
      "TrawlStatus. ./trawl dev does the same for its own server.",
      "TLS, mTLS and API keys (Temporal Cloud) come from Temporal's client environment",
      "configuration: TEMPORAL_API_KEY, TEMPORAL_TLS*, TEMPORAL_PROFILE of temporal.toml.",
      "",
      "Example: TEMPORAL_ADDRESS=temporal:7233 ./trawl setup"
    })
public final class SetupCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    RuntimeResolution resolution = Runtimes.resolve(spec.commandLine().getErr());
    if (!resolution.durable()) {
      throw new UsageException(
          "setup needs a Temporal server: set TEMPORAL_ADDRESS (./trawl dev sets itself up)");
    }
    TemporalConnection temporal = resolution.temporal().orElseThrow();
    PrintWriter out = spec.commandLine().getOut();
    out.println("trawl setup: " + temporal.describe());
    for (String line : NamespaceSetup.apply(temporal, DevStack.SEARCH_ATTRIBUTES)) {
      out.println("trawl setup: " + line);
    }
    out.flush();
    return ExitCodes.OK;
  }
}
