package io.trawl.starter.pharmacy;

import io.trawl.starter.AlreadyRunningException;
import io.trawl.starter.CommonOptions;
import io.trawl.starter.ExitCodes;
import io.trawl.starter.Json;
import io.trawl.starter.NumberRanges;
import io.trawl.starter.Runtimes;
import io.trawl.starter.UsageException;
import io.trawl.worker.TrawlRuntime;
import io.trawl.worker.config.PharmacyConfig;
import io.trawl.worker.config.TrawlConfig;
import io.trawl.workflows.pharmacy.PharmacyRunRequest;
import io.trawl.workflows.pharmacy.PharmacyRunWorkflow;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trawl pharmacy run}: the four stages for queries × locations, with the stage summary. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    header = "Collect, dedup, classify and verify pharmacies; print the stage summary.",
    description = {
      "Each (query, location) is answered from the query cache or one Apify actor run (the",
      "sandbox when APIFY_TOKEN is unset); places are deduplicated, classified (chain,",
      "independent, hospital, not_pharmacy; compounding and veterinary flags) and verified with",
      "Google Places (the sandbox when GOOGLE_PLACES_API_KEY is unset). Running the same search",
      "after a failure resumes it: completed stages are not repeated. Exit 1 when the run failed.",
      "",
      "Example: trawl pharmacy run --query pharmacy --location \"San Francisco, CA\""
    })
public final class PharmacyRunCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--query", paramLabel = "Q", description = "A search query (repeatable).")
  List<String> queries = new ArrayList<>();

  @Option(names = "--location", paramLabel = "L", description = "A location (repeatable).")
  List<String> locations = new ArrayList<>();

  @Option(names = "--all", description = "Run every search in trawl.yaml's pharmacy.searches.")
  boolean all;

  @Option(names = "--no-verify", description = "Skip Places verification.")
  boolean noVerify;

  @Option(names = "--no-cache", description = "Do not answer searches from the query cache.")
  boolean noCache;

  @Option(
      names = "--max-places",
      paramLabel = "N",
      description = "Places per search (default pharmacy.max_places, 25).",
      converter = MaxPlaces.class)
  Integer maxPlaces;

  @Option(
      names = "--max-cost",
      paramLabel = "USD",
      description = "Cap on what this run may spend across Apify, Places and the LLM.",
      converter = NumberRanges.Usd.class)
  BigDecimal maxCost;

  @Option(names = "--detach", description = "Print the workflow id and return (needs a server).")
  boolean detach;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Override
  public Integer call() {
    TrawlConfig config = common.loadConfig();
    PharmacyConfig pharmacy = PharmacyConfig.of(config);
    List<PharmacyRunRequest> requests = requests(pharmacy, config.source());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (TrawlRuntime runtime = Runtimes.open(Runtimes.Needs.WORKFLOWS, err)) {
      if (detach) {
        Runtimes.requireDurable(runtime, "--detach runs");
      }
      List<PharmacyStarter.StartedRun> started = new ArrayList<>();
      for (PharmacyRunRequest request : requests) {
        try {
          started.add(
              PharmacyStarter.start(runtime.client(), request, PharmacyRunWorkflow.TASK_QUEUE));
        } catch (AlreadyRunningException e) {
          err.println("trawl: " + e.getMessage());
        }
      }
      if (detach) {
        started.forEach(run -> out.println(run.workflowId() + " " + run.runId()));
        return started.size() == requests.size() ? ExitCodes.OK : ExitCodes.FAILED;
      }
      boolean ok = started.size() == requests.size();
      List<Object> results = new ArrayList<>();
      PharmacyRunWatcher watcher = new PharmacyRunWatcher(err);
      for (PharmacyStarter.StartedRun run : started) {
        PharmacyRunWatcher.Outcome outcome = watcher.await(run);
        ok &= outcome.succeeded();
        if (outcome.result() == null) {
          err.println("trawl: pharmacy run " + run.workflowId() + " failed: " + outcome.failure());
          results.add(Map.of("workflow_id", run.workflowId(), "error", outcome.failure()));
        } else if (json) {
          results.add(outcome.result());
        } else {
          PharmacyReport.print(out, outcome.result());
        }
      }
      if (json) {
        out.println(Json.write(results.size() == 1 ? results.get(0) : results));
      }
      out.flush();
      return ok ? ExitCodes.OK : ExitCodes.FAILED;
    }
  }

  private List<PharmacyRunRequest> requests(PharmacyConfig config, String source) {
    List<PharmacyRunRequest> requests = new ArrayList<>();
    if (all) {
      if (!queries.isEmpty() || !locations.isEmpty()) {
        throw new UsageException(
            "--all runs the searches in " + source + "; drop --query and --location");
      }
      for (PharmacyConfig.SearchGroup group : config.searches()) {
        requests.add(build(group.queries(), List.of(group.location()), config));
      }
      return requests;
    }
    if (queries.isEmpty() || queries.stream().anyMatch(String::isBlank)) {
      throw new UsageException("--query is missing or empty, e.g. --query pharmacy (or --all)");
    }
    if (locations.isEmpty() || locations.stream().anyMatch(String::isBlank)) {
      throw new UsageException(
          "--location is missing or empty, e.g. --location \"San Francisco, CA\" (or --all)");
    }
    return List.of(build(queries, locations, config));
  }

  private PharmacyRunRequest build(
      List<String> searchQueries, List<String> searchLocations, PharmacyConfig config) {
    return new PharmacyRunRequest(
        searchQueries,
        searchLocations,
        !noVerify && config.verify(),
        maxPlaces != null ? maxPlaces : config.maxPlaces(),
        noCache,
        maxCost,
        config.verifyAll(),
        false);
  }

  /** Places per search: as many as one actor run may be asked for. */
  static final class MaxPlaces extends NumberRanges.IntRange {
    MaxPlaces() {
      super(1, PharmacyRunRequest.MAX_PLACES_LIMIT);
    }
  }
}
