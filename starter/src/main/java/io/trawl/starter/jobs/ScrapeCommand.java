package io.trawl.starter.jobs;

import io.trawl.activities.jobs.PaidCalls;
import io.trawl.activities.spend.SpendLedger;
import io.trawl.starter.AlreadyRunningException;
import io.trawl.starter.CommonOptions;
import io.trawl.starter.ExitCodes;
import io.trawl.starter.Json;
import io.trawl.starter.NumberRanges;
import io.trawl.starter.Runtimes;
import io.trawl.starter.TaskQueueOption;
import io.trawl.starter.UsageException;
import io.trawl.worker.TrawlRuntime;
import io.trawl.worker.config.JobSearch;
import io.trawl.worker.config.TrawlConfig;
import io.trawl.worker.config.TrawlConfigLoader;
import io.trawl.worker.runtime.StartupPhases;
import io.trawl.workflows.jobs.ScrapeRequest;
import io.trawl.workflows.jobs.ScrapeRunWorkflow;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trawl jobs scrape}: one scrape run (or all configured ones), waited for and summarized.
 */
@Command(
    name = "scrape",
    mixinStandardHelpOptions = true,
    header = "Run the seven-step scrape for a search and print its summary.",
    description = {
      "Picks the date range from the last completed run of the same search, records the run,",
      "triggers Bright Data (the sandbox when BRIGHTDATA_API_TOKEN is unset), waits for the",
      "snapshot, ingests it with dedup and prints the counts. Exit code 1 when the run failed.",
      "",
      "Example: trawl jobs scrape \"Data Engineer\" --location Netherlands"
    })
public final class ScrapeCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "QUERY", description = "Search keyword.")
  String query;

  @Option(names = "--location", paramLabel = "LOC", description = "Location filter.")
  String location;

  @Option(
      names = "--lookback-days",
      paramLabel = "N",
      description =
          "Override the date strategy: 1 = past 24 h, <= 7 week, <= 30 month, more = any.",
      converter = NumberRanges.PositiveInt.class)
  Integer lookbackDays;

  @Option(
      names = "--poll-deadline",
      paramLabel = "DURATION",
      description = "How long to wait for the snapshot (e.g. 30m, 2h; default jobs.poll_deadline).")
  String pollDeadline;

  @Option(names = "--all", description = "Run every (query, location) in trawl.yaml concurrently.")
  boolean all;

  @Option(names = "--detach", description = "Print the workflow id and return (needs a server).")
  boolean detach;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Mixin TaskQueueOption taskQueue;

  private int minIntervalHours = ScrapeRequest.DEFAULT_MIN_INTERVAL_HOURS;

  @Override
  public Integer call() {
    TrawlConfig config = common.loadConfig();
    List<ScrapeRequest> requests = requests(config);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (TrawlRuntime runtime = Runtimes.open(Runtimes.Needs.WORKFLOWS, err)) {
      if (detach) {
        Runtimes.requireDurable(runtime, "--detach runs");
      }
      String queue = taskQueue.resolve(ScrapeRunWorkflow.TASK_QUEUE, runtime, err);
      List<ScrapeStarter.StartedRun> started = new ArrayList<>();
      for (ScrapeRequest request : requests) {
        try {
          started.add(ScrapeStarter.start(runtime.client(), request, queue));
        } catch (AlreadyRunningException e) {
          err.println("trawl: " + e.getMessage());
        }
      }
      if (started.isEmpty()) {
        return ExitCodes.FAILED;
      }
      if (detach) {
        ScrapeReport.printStarted(out, started, json);
        return started.size() == requests.size() ? ExitCodes.OK : ExitCodes.FAILED;
      }
      StartupPhases.mark("started");
      List<RunWatcher.Outcome> outcomes = awaitAll(started, err);
      StartupPhases.mark("completed");
      SpendLedger ledger = new SpendLedger(runtime.dataSource());
      ScrapeReport.print(
          out, started, outcomes, runId -> ledger.forRun(PaidCalls.runKey(runId)), json);
      out.flush();
      StartupPhases.mark("summary");
      boolean allSucceeded =
          started.size() == requests.size()
              && outcomes.stream().allMatch(RunWatcher.Outcome::succeeded);
      return allSucceeded ? ExitCodes.OK : ExitCodes.FAILED;
    }
  }

  private List<ScrapeRequest> requests(TrawlConfig config) {
    minIntervalHours = config.jobs().minIntervalHours();
    Duration deadline =
        pollDeadline == null
            ? config.jobs().pollDeadline()
            : TrawlConfigLoader.duration("--poll-deadline", "value", pollDeadline);
    if (all) {
      if (query != null || location != null) {
        throw new UsageException(
            "--all runs the searches in " + config.source() + "; drop QUERY and --location");
      }
      if (config.jobs().queries().isEmpty()) {
        throw new UsageException(
            config.source() + ": jobs.queries is empty, nothing to run with --all");
      }
      List<ScrapeRequest> requests = new ArrayList<>();
      for (JobSearch search : config.jobs().queries()) {
        requests.add(build(search.query(), search.location(), deadline));
      }
      return requests;
    }
    if (query == null || query.isBlank()) {
      throw new UsageException(
          "QUERY is empty: give a search keyword, e.g. \"Data Engineer\", or --all");
    }
    if (location == null || location.isBlank()) {
      throw new UsageException("--location is missing or empty, e.g. --location Netherlands");
    }
    return List.of(build(query, location, deadline));
  }

  private ScrapeRequest build(String searchQuery, String searchLocation, Duration deadline) {
    // Manual: never held back, but told when it runs inside jobs.min_interval_hours.
    return new ScrapeRequest(
        searchQuery, searchLocation, lookbackDays, deadline, false, minIntervalHours);
  }

  private List<RunWatcher.Outcome> awaitAll(List<ScrapeStarter.StartedRun> runs, PrintWriter err) {
    boolean terminal = System.console() != null && !json && runs.size() == 1;
    RunWatcher watcher = new RunWatcher(err, terminal);
    if (runs.size() == 1) {
      return List.of(watcher.await(runs.get(0)));
    }
    // Several runs: each waited for on its own virtual thread, reported in start order.
    List<java.util.concurrent.Future<RunWatcher.Outcome>> futures = new ArrayList<>();
    try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      for (ScrapeStarter.StartedRun run : runs) {
        futures.add(executor.submit(() -> watcher.await(run)));
      }
    }
    List<RunWatcher.Outcome> outcomes = new ArrayList<>();
    for (var future : futures) {
      outcomes.add(Json.join(future));
    }
    return outcomes;
  }
}
