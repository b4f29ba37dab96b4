package io.trawl.starter.etl;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.common.converter.DefaultDataConverter;
import io.trawl.workflows.etl.DownloadCheckpoint;
import java.util.Optional;

/**
 * How far a source's running download is, read from its last heartbeat through the server: the same
 * checkpoint a resumed attempt would start from.
 */
final class DownloadProgress {
  private static final String DOWNLOAD_ACTIVITY = "EtlDownload";

  private final WorkflowClient client;

  DownloadProgress(WorkflowClient client) {
    this.client = client;
  }

  /** Bytes in the source's partial file per its last heartbeat; 0 when not downloading. */
  long bytesSoFar(String sourceId) {
    try {
      var described =
          client
              .getWorkflowServiceStubs()
              .blockingStub()
              .describeWorkflowExecution(
                  DescribeWorkflowExecutionRequest.newBuilder()
                      .setNamespace(client.getOptions().getNamespace())
                      .setExecution(
                          WorkflowExecution.newBuilder().setWorkflowId("etl-source/" + sourceId))
                      .build());
      for (PendingActivityInfo activity : described.getPendingActivitiesList()) {
        if (activity.getActivityType().getName().equals(DOWNLOAD_ACTIVITY)
            && activity.getHeartbeatDetails().getPayloadsCount() > 0) {
          return DefaultDataConverter.STANDARD_INSTANCE
              .fromPayloads(
                  0,
                  Optional.of(activity.getHeartbeatDetails()),
                  DownloadCheckpoint.class,
                  DownloadCheckpoint.class)
              .offset();
        }
      }
    } catch (RuntimeException e) {
      // Not started yet, or already finished: nothing in flight.
    }
    return 0;
  }
}
