package io.trawl.starter.etl;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.trawl.starter.CommonOptions;
import io.trawl.starter.ExitCodes;
import io.trawl.starter.Runtimes;
import io.trawl.starter.TaskQueueOption;
import io.trawl.starter.UsageException;
import io.trawl.worker.TrawlRuntime;
import io.trawl.worker.config.EtlConfig;
import io.trawl.worker.config.TrawlConfig;
import io.trawl.workflows.etl.EtlBatchRequest;
import io.trawl.workflows.etl.EtlBatchResult;
import io.trawl.workflows.etl.EtlBatchWorkflow;
import io.trawl.workflows.etl.EtlSource;
import io.trawl.workflows.etl.EtlSourceWorkflow;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trawl etl run}: every configured source (or the chosen ones) through the pipeline. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    header =
        "Probe each source, download it when it changed, validate it, record or quarantine it.",
    description = {
      "Prints one row per source: result (downloaded, fresh, would-download, quarantined,",
      "failed), the freshness gate's decision and reason, bytes and duration. Exit code 1 when a",
      "source failed or was quarantined.",
      "",
      "Example: trawl etl run --source cbs-population --force-refresh"
    })
public final class RunCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--source",
      paramLabel = "ID",
      description = "Run only this source (repeatable; default: every source in etl.sources).")
  List<String> only = new ArrayList<>();

  @Option(names = "--force-refresh", description = "Download even when the source is fresh.")
  boolean forceRefresh;

  @Option(
      names = "--dry-run",
      description = "Probe and decide only; report what would be downloaded.")
  boolean dryRun;

  @Option(names = "--json", description = "Print the results as JSON.")
  boolean json;

  @Mixin TaskQueueOption taskQueue;

  @Override
  public Integer call() {
    TrawlConfig config = common.loadConfig();
    EtlConfig etl = EtlConfig.of(config);
    List<EtlSource> sources = select(config, etl);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (TrawlRuntime runtime = Runtimes.open(Runtimes.Needs.WORKFLOWS, err)) {
      WorkflowClient client = runtime.client();
      String queue = taskQueue.resolve(EtlSourceWorkflow.TASK_QUEUE, runtime, err);
      String batchId = "etl-batch/" + UUID.randomUUID();
      EtlBatchRequest request =
          new EtlBatchRequest(sources, forceRefresh, dryRun, etl.concurrency());
      EtlBatchWorkflow batch =
          client.newWorkflowStub(
              EtlBatchWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setWorkflowId(batchId)
                  .setTaskQueue(queue)
                  // The batch passes these on to each source run (see EtlBatchWorkflowImpl).
                  .setTypedSearchAttributes(EtlBatchRequest.searchAttributes())
                  .setStaticSummary(request.summary())
                  .build());
      WorkflowClient.start(batch::run, request);
      boolean terminal = System.console() != null && !json;
      EtlBatchResult result = new BatchWatcher(client, err, terminal).await(batch, sources);
      EtlReport.print(out, result, json);
      return result.ok() ? ExitCodes.OK : ExitCodes.FAILED;
    }
  }

  private List<EtlSource> select(TrawlConfig config, EtlConfig etl) {
    if (etl.sources().isEmpty()) {
      throw new UsageException(
          config.source() + ": etl.sources is empty, nothing to run (see README \"ETL\")");
    }
    if (only.isEmpty()) {
      return etl.sources();
    }
    Map<String, EtlSource> byId =
        etl.sources().stream().collect(Collectors.toMap(EtlSource::id, Function.identity()));
    List<EtlSource> chosen = new ArrayList<>();
    for (String id : new LinkedHashSet<>(only)) {
      EtlSource source = byId.get(id);
      if (source == null) {
        throw new UsageException(
            "--source "
                + id
                + " is not in "
                + config.source()
                + " (known: "
                + String.join(", ", byId.keySet().stream().sorted().toList())
                + ")");
      }
      chosen.add(source);
    }
    return chosen;
  }
}
