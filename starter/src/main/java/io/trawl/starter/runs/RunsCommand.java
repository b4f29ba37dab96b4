package io.trawl.starter.runs;

import io.temporal.client.WorkflowClient;
import io.trawl.starter.CliEnvironment;
import io.trawl.starter.CommonOptions;
import io.trawl.starter.ExitCodes;
import io.trawl.starter.Json;
import io.trawl.starter.NumberRanges;
import io.trawl.starter.WebUi;
import io.trawl.worker.TrawlRuntime;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trawl runs}: runs of every pipeline, from Temporal visibility, with Web UI links. */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    subcommands = {CancelCommand.class, RetryCommand.class},
    header = "List runs of every pipeline from Temporal, newest first, with Web UI links.",
    description = {
      "Filters on the search attributes runs carry (TrawlPipeline, TrawlStatus). Needs a",
      "Temporal server: ./trawl dev, or TEMPORAL_ADDRESS (TRAWL_UI_URL adds Web UI links).",
      "",
      "Example: ./trawl runs --pipeline jobs --status failed --since 1d"
    })
public final class RunsCommand implements Callable<Integer> {
  /** The Web UI's base URL on a production cluster (a dev stack knows its own). */
  public static final String UI_URL_ENV = "TRAWL_UI_URL";

  private static final Comparator<RunRow> NEWEST_FIRST =
      Comparator.comparing(
              RunRow::startedAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
          .reversed();

  @Mixin CommonOptions common;

  @Option(names = "--pipeline", paramLabel = "P", description = "jobs, etl, ...")
  String pipeline;

  @Option(names = "--status", paramLabel = "S", description = "running, completed, failed, ...")
  String status;

  @Option(names = "--since", paramLabel = "AGE", description = "started within, e.g. 1d, 12h")
  String since;

  @Option(
      names = "--limit",
      defaultValue = "50",
      description = "at most this many (default 50)",
      converter = NumberRanges.PositiveInt.class)
  int limit;

  @Option(names = "--json", description = "JSON instead of a table")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Map<String, String> env = CliEnvironment.get();
    RunQuery query = new RunQuery(pipeline, status, RunQuery.since(since, Instant.now()));
    PrintWriter out = spec.commandLine().getOut();
    try (TrawlRuntime runtime = DurableConnection.open("runs", spec.commandLine().getErr())) {
      WorkflowClient client = runtime.client();
      String uiUrl = runtime.uiUrl().orElse(env.get(UI_URL_ENV));
      String namespace = client.getOptions().getNamespace();
      List<RunRow> rows =
          client
              .listExecutions(query.text())
              .limit(limit)
              .map(
                  run ->
                      RunRow.of(
                          run,
                          uiUrl == null || uiUrl.isBlank()
                              ? null
                              : WebUi.link(
                                  uiUrl,
                                  namespace,
                                  run.getExecution().getWorkflowId(),
                                  run.getExecution().getRunId())))
              .sorted(NEWEST_FIRST)
              .toList();
      if (json) {
        out.println(Json.write(rows));
      } else {
        RunTable.print(out, rows);
      }
      out.flush();
    }
    return ExitCodes.OK;
  }
}
