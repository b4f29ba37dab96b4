package io.trawl.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributes;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DevServerExtensionTest {
  private static final String TASK_QUEUE = "extension-test";
  private static final SearchAttributeKey<String> PIPELINE =
      SearchAttributeKey.forKeyword("TrawlPipeline");

  @RegisterExtension
  static final DevServerExtension temporal =
      new DevServerExtension().withKeywordSearchAttributes("TrawlPipeline");

  private static WorkerFactory workers;

  @WorkflowInterface
  public interface Greeting {
    @WorkflowMethod
    String greet(String name);
  }

  public static class GreetingImpl implements Greeting {
    @Override
    public String greet(String name) {
      Workflow.sleep(Duration.ofMillis(10));
      return "hello " + name;
    }
  }

  @BeforeAll
  static void startWorker() {
    workers = WorkerFactory.newInstance(temporal.workflowClient());
    workers.newWorker(TASK_QUEUE).registerWorkflowImplementationTypes(GreetingImpl.class);
    workers.start();
  }

  @AfterAll
  static void stopWorker() {
    workers.shutdownNow();
  }

  @Test
  void runsAWorkflowAndFindsItByItsSearchAttribute() {
    Greeting greeting =
        temporal
            .workflowClient()
            .newWorkflowStub(
                Greeting.class,
                WorkflowOptions.newBuilder()
                    .setTaskQueue(TASK_QUEUE)
                    .setWorkflowId("greet-extension")
                    .setTypedSearchAttributes(
                        SearchAttributes.newBuilder().set(PIPELINE, "jobs").build())
                    .build());

    assertThat(greeting.greet("trawl")).isEqualTo("hello trawl");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                temporal
                    .workflowClient()
                    .listExecutions("TrawlPipeline = 'jobs' AND ExecutionStatus = 'Completed'")
                    .count(),
            count -> count == 1);
  }

  @Test
  void exposesLoopbackTargetAndUi() {
    assertThat(temporal.target()).matches("127\\.0\\.0\\.1:\\d+");
    assertThat(temporal.uiUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
    assertThat(temporal.namespace()).isEqualTo("default");
  }

  @Nested
  class InANestedClass {
    @Test
    void sharesTheEnclosingClassServer(WorkflowClient client, DevServer server) {
      assertThat(server).isSameAs(temporal.server());
      assertThat(client).isSameAs(temporal.workflowClient());
    }
  }
}
