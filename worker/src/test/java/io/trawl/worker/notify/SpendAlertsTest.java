package io.trawl.worker.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.trawl.activities.market.SourceBreaker;
import io.trawl.activities.notify.WebhookFormat;
import io.trawl.activities.notify.WebhookTarget;
import io.trawl.activities.providers.ProviderBreaker;
import io.trawl.activities.spend.RecordPricing;
import io.trawl.activities.spend.RunBudget;
import io.trawl.activities.spend.SpendLedger;
import io.trawl.worker.config.NotificationsConfig;
import io.trawl.worker.metrics.TrawlMetrics;
import io.trawl.worker.spend.SpendReporter;
import io.trawl.workflows.common.Failures;
import io.trawl.workflows.market.QuoteSource;
import io.trawl.workflows.notify.NotificationKind;
import io.trawl.workflows.notify.NotificationWorkflow;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The two alerts raised in worker code: a budget at 80 % (once per budget and day) and a circuit
 * breaker opening, delivered to a loopback webhook through the notification workflow, and the
 * gauges they move.
 */
class SpendAlertsTest {
  @RegisterExtension
  final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  /** $10 a day; each run holds back 1,000 records at $2 = $2, so the 4th run reaches 80 %. */
  private static final RecordPricing PRICING =
      new RecordPricing(
          "brightdata", new BigDecimal("10"), new BigDecimal("2"), 1000, ZoneId.of("UTC"));

  private final WebhookReceiver receiver = new WebhookReceiver();
  private final ObjectMapper json = new ObjectMapper();
  private TestWorkflowEnvironment env;
  private SpendReporter reporter;

  @BeforeEach
  void start() {
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(NotificationWorkflow.TASK_QUEUE);
    NotifyRegistration.register(
        worker,
        new NotificationsConfig(
            List.of(
                new WebhookTarget(
                    "finance",
                    "${env:FINANCE_HOOK}",
                    WebhookFormat.JSON,
                    EnumSet.of(NotificationKind.BUDGET_WARNING, NotificationKind.BREAKER_OPENED)))),
        Map.of("FINANCE_HOOK", receiver.url("/finance")));
    env.start();
    reporter = new SpendReporter(new WorkerNotifier(env.getWorkflowClient()), Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    env.close();
    receiver.close();
  }

  @Test
  void aBudgetReachingEightyPercentWarnsOnceThatDay() throws Exception {
    RunBudget budget =
        new RunBudget(
            new SpendLedger(db.getTestDatabase()), PRICING, false, Clock.systemUTC(), reporter);
    for (int run = 1; run <= 3; run++) {
      budget.reserve("run-" + run); // 20 %, 40 %, 60 %
    }
    env.sleep(Duration.ofSeconds(2));
    assertThat(receiver.bodies("/finance")).isEmpty();

    budget.reserve("run-4"); // 80 %
    budget.reserve("run-5"); // 100 %: same budget, same day
    catchThrowableOfType(ApplicationFailure.class, () -> budget.reserve("run-6"));

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(receiver.bodies("/finance")).hasSize(1));
    env.sleep(Duration.ofSeconds(3));
    assertThat(receiver.bodies("/finance")).hasSize(1);
    JsonNode alert = json.readTree(receiver.bodies("/finance").get(0));
    assertThat(alert.get("event").asText()).isEqualTo("budget_warning");
    assertThat(alert.get("pipeline").asText()).isEqualTo("jobs");
    assertThat(alert.get("title").asText()).isEqualTo("budget brightdata at 80 %");
    assertThat(alert.get("message").asText()).contains("$8.00 of $10.00 (80.0 %)");
    assertThat(alert.get("details").get("scope").asText()).isEqualTo("brightdata");
    assertThat(scrape())
        .contains("trawl_budget_used_ratio{mode=\"real\",provider=\"brightdata\"} 1.0");
  }

  @Test
  void aBreakerOpeningIsReportedAndExported() throws Exception {
    ProviderBreaker breaker =
        new ProviderBreaker(
            "brightdata",
            "Bright Data",
            new ProviderBreaker.Settings(50, 4, 4, Duration.ofMinutes(5)));
    reporter.watch(breaker, "jobs");
    assertThat(scrape()).contains("trawl_breaker_open{source=\"brightdata\"} 0.0");

    for (int i = 0; i < 4; i++) {
      ApplicationFailure outage = Failures.unavailable("HTTP 503 from Bright Data", null);
      catchThrowableOfType(
          ApplicationFailure.class,
          () ->
              breaker.call(
                  () -> {
                    throw outage;
                  }));
    }

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(receiver.bodies("/finance")).hasSize(1));
    JsonNode alert = json.readTree(receiver.bodies("/finance").get(0));
    assertThat(alert.get("event").asText()).isEqualTo("breaker_opened");
    assertThat(alert.get("title").asText()).isEqualTo("circuit breaker brightdata opened");
    assertThat(alert.get("details").get("source").asText()).isEqualTo("brightdata");
    assertThat(scrape()).contains("trawl_breaker_open{source=\"brightdata\"} 1.0");
    assertThat(scrape())
        .contains("trawl_breaker_transitions_total{source=\"brightdata\",to=\"open\"}");
  }

  @Test
  void aMarketSourceBreakerOpeningAlertsAndMovesItsGauges() throws Exception {
    SourceBreaker yahoo =
        new SourceBreaker(
            QuoteSource.YAHOO,
            new SourceBreaker.Settings(2, Duration.ofSeconds(60)),
            Clock.systemUTC());
    reporter.watch(yahoo);
    assertThat(scrape()).contains("trawl_breaker_open{source=\"yahoo\"} 0.0");

    for (int i = 0; i < 2; i++) {
      assertThat(yahoo.tryAcquire()).isTrue();
      yahoo.failure(Duration.ofMillis(5), new IllegalStateException("HTTP 503 from Yahoo"));
    }

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(receiver.bodies("/finance")).hasSize(1));
    JsonNode alert = json.readTree(receiver.bodies("/finance").get(0));
    assertThat(alert.get("event").asText()).isEqualTo("breaker_opened");
    assertThat(alert.get("pipeline").asText()).isEqualTo("market");
    assertThat(alert.get("title").asText()).isEqualTo("circuit breaker yahoo opened");
    assertThat(alert.get("message").asText()).contains("failed 2 times in a row");
    assertThat(scrape()).contains("trawl_breaker_open{source=\"yahoo\"} 1.0");
    assertThat(scrape()).contains("trawl_breaker_state{source=\"yahoo\"} 2.0");
  }

  private static String scrape() {
    return TrawlMetrics.registry().scrape();
  }
}
