package io.trawl.workflows.etl;

import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.trawl.workflows.common.Failures;
import io.trawl.workflows.common.RunAttributes;
import io.trawl.workflows.common.RunInputs;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;

/**
 * Starts one {@link EtlSourceWorkflow} child per source, at most {@code concurrency} at a time, and
 * collects every outcome. Children use the source's own workflow id, so a source already running
 * elsewhere is refused rather than downloaded twice.
 */
public class EtlBatchWorkflowImpl implements EtlBatchWorkflow {
  private static final Logger log = Workflow.getLogger(EtlBatchWorkflowImpl.class);

  private final Set<String> pending = new LinkedHashSet<>();
  private final Set<String> running = new LinkedHashSet<>();
  private final List<EtlSourceResult> finished = new ArrayList<>();

  @Override
  public EtlBatchResult run(EtlBatchRequest input) {
    EtlBatchRequest request = RunInputs.require(input, EtlBatchRequest.EXAMPLE);
    // Labelled as the CLI labels it, whoever started it; the children inherit the label.
    RunAttributes.upsertAtStart(EtlBatchRequest.searchAttributes(), request.summary());
    List<EtlSource> sources = request.sources();
    sources.forEach(source -> pending.add(source.id()));
    EtlSourceResult[] results = new EtlSourceResult[sources.size()];
    for (int i = 0; i < sources.size(); i++) {
      Workflow.await(() -> running.size() < request.concurrency());
      int index = i;
      EtlSource source = sources.get(i);
      pending.remove(source.id());
      running.add(source.id());
      EtlSourceRequest childRequest =
          new EtlSourceRequest(source, request.forceRefresh(), request.dryRun());
      Promise<EtlSourceResult> child = Async.function(childStub(childRequest)::run, childRequest);
      // Promise callbacks run on the workflow thread, so this bookkeeping is deterministic.
      child.handle(
          (result, failure) -> {
            results[index] = result != null ? result : failedChild(source, failure);
            running.remove(source.id());
            finished.add(results[index]);
            return null;
          });
    }
    Workflow.await(() -> running.isEmpty());
    EtlBatchResult batch = new EtlBatchResult(List.of(results));
    log.info(
        "etl batch done sources={} problems={}",
        results.length,
        batch.results().stream().filter(r -> r.outcome().problem()).count());
    RunAttributes.upsertStatus(batch.ok() ? "completed" : "problems");
    return batch;
  }

  @Override
  public EtlBatchProgress progress() {
    return new EtlBatchProgress(List.copyOf(pending), List.copyOf(running), finished);
  }

  private static EtlSourceWorkflow childStub(EtlSourceRequest request) {
    ChildWorkflowOptions.Builder options =
        ChildWorkflowOptions.newBuilder()
            .setWorkflowId(request.source().workflowId())
            // The batch's own queue: a batch started on a separate worker pool stays on it.
            .setTaskQueue(Workflow.getInfo().getTaskQueue())
            // A finished run's id may be reused; a running one refuses the duplicate start.
            .setWorkflowIdReusePolicy(
                WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE);
    // Only a batch started with trawl's attributes passes them on: its namespace has them.
    if (Workflow.getTypedSearchAttributes().containsKey(RunAttributes.PIPELINE)) {
      options.setTypedSearchAttributes(request.searchAttributes());
      options.setStaticSummary(request.summary());
    }
    return Workflow.newChildWorkflowStub(EtlSourceWorkflow.class, options.build());
  }

  private static EtlSourceResult failedChild(EtlSource source, RuntimeException failure) {
    for (Throwable cursor = failure; cursor != null; cursor = cursor.getCause()) {
      if (cursor instanceof WorkflowExecutionAlreadyStarted) {
        return EtlSourceResult.failed(
            source.id(),
            source.workflowId(),
            null,
            "another run of this source is in progress (workflow " + source.workflowId() + ")",
            0);
      }
    }
    return EtlSourceResult.failed(
        source.id(), source.workflowId(), null, Failures.describe(failure), 0);
  }
}
