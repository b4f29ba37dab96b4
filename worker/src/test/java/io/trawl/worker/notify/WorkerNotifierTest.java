package io.trawl.worker.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.RpcRetryOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.trawl.activities.notify.WebhookFormat;
import io.trawl.activities.notify.WebhookTarget;
import io.trawl.worker.config.NotificationsConfig;
import io.trawl.workflows.notify.NotificationEvent;
import io.trawl.workflows.notify.NotificationKind;
import io.trawl.workflows.notify.NotificationResult;
import io.trawl.workflows.notify.NotificationWorkflow;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Events from worker code (budgets, breakers): one notification per kind and key. */
class WorkerNotifierTest {
  private static final String KEY = "brightdata/2024-05-01";

  private final WebhookReceiver receiver = new WebhookReceiver();
  private TestWorkflowEnvironment env;
  private WorkerNotifier notifier;

  @BeforeEach
  void start() {
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(NotificationWorkflow.TASK_QUEUE);
    NotifyRegistration.register(
        worker,
        new NotificationsConfig(
            List.of(
                new WebhookTarget(
                    "ops",
                    "${env:OPS_HOOK}",
                    WebhookFormat.JSON,
                    EnumSet.allOf(NotificationKind.class)))),
        Map.of("OPS_HOOK", receiver.url("/ops")));
    env.start();
    notifier = new WorkerNotifier(env.getWorkflowClient());
  }

  @AfterEach
  void stop() {
    env.close();
    receiver.close();
  }

  private static NotificationEvent budgetAt(int percent) {
    return NotificationEvent.of(
        NotificationKind.BUDGET_WARNING,
        "market",
        "brightdata daily budget at " + percent + " %",
        percent + " % of the daily limit spent",
        Map.of("provider", "brightdata", "period", "2024-05-01"),
        1_714_557_600_000L);
  }

  private NotificationResult resultOf(String kind, String key) {
    return env.getWorkflowClient()
        .newUntypedWorkflowStub("notify/" + kind + "/" + key)
        .getResult(NotificationResult.class);
  }

  @Test
  void theSameKeyNotifiesOnceEvenAfterTheFirstNotificationFinished() throws Exception {
    notifier.emit(budgetAt(81), KEY);
    notifier.emit(budgetAt(85), KEY); // while the first may still run
    assertThat(resultOf("budget_warning", KEY).delivered()).containsExactly("ops");

    notifier.emit(budgetAt(90), KEY); // after it finished

    // Give a wrongly started second notification the chance to arrive before counting.
    env.sleep(Duration.ofSeconds(5));
    assertThat(receiver.bodies("/ops")).hasSize(1);
    assertThat(new ObjectMapper().readTree(receiver.bodies("/ops").get(0)).get("title").asText())
        .isEqualTo("brightdata daily budget at 81 %");
  }

  @Test
  void anotherKeyOrKindNotifiesAgain() {
    notifier.emit(budgetAt(81), KEY);
    notifier.emit(budgetAt(81), "brightdata/2024-05-02");
    notifier.emit(
        NotificationEvent.of(
            NotificationKind.BREAKER_OPENED, "market", "yahoo breaker opened", "", Map.of(), 0L),
        KEY);

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(receiver.bodies("/ops")).hasSize(3));
    assertThat(resultOf("breaker_opened", KEY).delivered()).containsExactly("ops");
  }

  @Test
  void emitNeverThrowsWhenTheServerIsUnreachable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    // A short RPC retry window keeps the test quick; emit itself adds no retries of its own.
    WorkflowServiceStubs nowhere =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget("127.0.0.1:" + closedPort)
                .setRpcRetryOptions(
                    RpcRetryOptions.newBuilder()
                        .setExpiration(Duration.ofSeconds(2))
                        .validateBuildWithDefaults())
                .build());
    try {
      WorkerNotifier unreachable = new WorkerNotifier(WorkflowClient.newInstance(nowhere));

      assertThatCode(() -> unreachable.emit(budgetAt(81), KEY)).doesNotThrowAnyException();
    } finally {
      nowhere.shutdownNow();
    }
  }

  @Test
  void theNotificationIsAnOrdinaryWorkflowOnTheNotifyQueue() {
    notifier.emit(budgetAt(81), KEY);

    WorkflowStub stub =
        env.getWorkflowClient().newUntypedWorkflowStub("notify/budget_warning/" + KEY);
    assertThat(stub.getResult(NotificationResult.class).kind()).isEqualTo("budget_warning");
    // The Web UI labels it with the event's kind and title.
    assertThat(stub.describe().getStaticSummary())
        .isEqualTo("alert budget warning: brightdata daily budget at 81 %");
  }
}
