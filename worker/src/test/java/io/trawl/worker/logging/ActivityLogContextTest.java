package io.trawl.worker.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** While an activity runs, its workflow id, run id and type are in the MDC; afterwards not. */
class ActivityLogContextTest {
  private static final String QUEUE = "log-context";

  @WorkflowInterface
  public interface EchoWorkflow {
    @WorkflowMethod
    String run();
  }

  @ActivityInterface
  public interface MdcActivities {
    String capture();
  }

  public static class EchoWorkflowImpl implements EchoWorkflow {
    private final MdcActivities activities =
        Workflow.newActivityStub(
            MdcActivities.class,
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

    @Override
    public String run() {
      return activities.capture();
    }
  }

  static class MdcActivitiesImpl implements MdcActivities {
    volatile Map<String, String> seen;

    @Override
    public String capture() {
      seen = MDC.getCopyOfContextMap();
      return "ok";
    }
  }

  @Test
  void activityLinesCarryTheWorkflowAndRunIds() {
    try (TestWorkflowEnvironment env =
        TestWorkflowEnvironment.newInstance(
            io.temporal.testing.TestEnvironmentOptions.newBuilder()
                .setWorkerFactoryOptions(
                    WorkerFactoryOptions.newBuilder()
                        .setWorkerInterceptors(new ActivityLogContext())
                        .build())
                .build())) {
      Worker worker = env.newWorker(QUEUE);
      worker.registerWorkflowImplementationTypes(EchoWorkflowImpl.class);
      MdcActivitiesImpl activities = new MdcActivitiesImpl();
      worker.registerActivitiesImplementations(activities);
      env.start();
      EchoWorkflow workflow =
          env.getWorkflowClient()
              .newWorkflowStub(
                  EchoWorkflow.class,
                  WorkflowOptions.newBuilder().setWorkflowId("echo-1").setTaskQueue(QUEUE).build());
      workflow.run();
      String runId =
          io.temporal.client.WorkflowStub.fromTyped(workflow).getExecution().getRunId();

      assertThat(activities.seen)
          .containsEntry(ActivityLogContext.WORKFLOW_ID, "echo-1")
          .containsEntry(ActivityLogContext.RUN_ID, runId)
          .containsEntry(ActivityLogContext.ACTIVITY, "Capture");
    }
  }

  @Test
  void jsonIsChosenOnlyByTrawlLogFormatJson() {
    assertThat(LogFormatFilter.selectedFormat(null)).isEqualTo("text");
    assertThat(LogFormatFilter.selectedFormat("text")).isEqualTo("text");
    assertThat(LogFormatFilter.selectedFormat(" JSON ")).isEqualTo("json");
  }
}
