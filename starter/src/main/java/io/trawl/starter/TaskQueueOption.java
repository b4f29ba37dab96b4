package io.trawl.starter;

import io.temporal.api.enums.v1.TaskQueueType;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.DescribeTaskQueueRequest;
import io.temporal.client.WorkflowClient;
import io.trawl.worker.TaskQueues;
import io.trawl.worker.TrawlRuntime;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * {@code --task-queue QUEUE} on commands that start runs: sends them to a separate pool of workers
 * started with {@code ./trawl worker --task-queue QUEUE}.
 */
public final class TaskQueueOption {
  @Option(
      names = "--task-queue",
      paramLabel = "QUEUE",
      description =
          "Start the run on this task queue, served by workers started with"
              + " ./trawl worker --task-queue QUEUE (default: the pipeline's own queue).")
  String taskQueue;

  /**
   * The queue to start on: the option's, else {@code pipelineQueue}. The in-memory engine's worker
   * polls only the pipelines' own queues, so another queue there is refused; on a server, a queue
   * nobody polls yet gets a warning, because the run waits until a worker comes.
   */
  public String resolve(String pipelineQueue, TrawlRuntime runtime, PrintWriter err) {
    if (taskQueue == null) {
      return pipelineQueue;
    }
    String queue;
    try {
      queue = TaskQueues.check(taskQueue);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--task-queue: " + e.getMessage());
    }
    Runtimes.requireDurable(runtime, "runs on another --task-queue");
    if (!hasPollers(runtime.client(), queue)) {
      err.println(
          "trawl: no worker polls task queue \""
              + queue
              + "\" yet; the run waits until one does (./trawl worker --task-queue "
              + queue
              + ")");
      err.flush();
    }
    return queue;
  }

  private static boolean hasPollers(WorkflowClient client, String queue) {
    try {
      return client
              .getWorkflowServiceStubs()
              .blockingStub()
              .describeTaskQueue(
                  DescribeTaskQueueRequest.newBuilder()
                      .setNamespace(client.getOptions().getNamespace())
                      .setTaskQueue(TaskQueue.newBuilder().setName(queue).build())
                      .setTaskQueueType(TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW)
                      .build())
              .getPollersCount()
          > 0;
    } catch (RuntimeException e) {
      // Only a warning hangs on it; the start itself reports a server that is really gone.
      return true;
    }
  }
}
