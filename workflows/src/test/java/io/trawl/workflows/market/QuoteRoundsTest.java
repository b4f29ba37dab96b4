package io.trawl.workflows.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkflowImplementationOptions;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A collection asks again, as the next round of the same paid call, for a symbol whose every
 * activity attempt timed out (its worker died under each): a crash loop does not lose the quote,
 * and provider failures still end the line after one round. The activities are test doubles that
 * hang (a dead worker never answers) or fail; the quote chain's own handling of rounds is tested
 * against the sandboxes in {@code QuoteChainRetryTest}.
 */
class QuoteRoundsTest {
  private static final Instant AT = Instant.parse("2026-12-06T03:00:00Z");

  private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
  private final List<QuoteLookup> asked = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    env.close();
  }

  /** Hangs through every attempt of the first {@code deadRounds} rounds, then quotes. */
  private final class DeadWorkerRounds implements MarketQuoteActivities {
    private final int deadRounds;

    DeadWorkerRounds(int deadRounds) {
      this.deadRounds = deadRounds;
    }

    @Override
    public QuoteOutcome fetchQuote(QuoteLookup lookup) {
      asked.add(lookup);
      if (lookup.round() <= deadRounds) {
        return hang();
      }
      Quote quote =
          new Quote(
              lookup.symbol(),
              "Apple",
              new BigDecimal("190.5"),
              "USD",
              null,
              null,
              null,
              null,
              null,
              null,
              MarketStatus.UNKNOWN,
              AT,
              QuoteSource.YAHOO,
              BigDecimal.ZERO,
              AT);
      return new QuoteOutcome(quote, List.of(), false);
    }
  }

  /**
   * A dead worker never answers: the attempt is left without a completion, so the server times it
   * out. (Time skips only while no activity code runs, so the double must return, not block.)
   */
  private static QuoteOutcome hang() {
    io.temporal.activity.Activity.getExecutionContext().doNotCompleteOnReturn();
    return null;
  }

  private static final class OneSymbol implements MarketStoreActivities {
    @Override
    public List<String> trackedSymbols() {
      return List.of("AAPL:US");
    }

    @Override
    public int deleteExpiredCache() {
      return 0;
    }
  }

  private MarketCollectionSummary collect(MarketQuoteActivities quotes) {
    Worker worker = env.newWorker(MarketQuotesWorkflow.TASK_QUEUE);
    // Time does not skip while an activity is outstanding, so the test shortens the timeouts a
    // dead worker runs into; the retry policy's attempts are the collection's own.
    ActivityOptions fastTimeouts =
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofMillis(700))
            .setScheduleToCloseTimeout(Duration.ofSeconds(10))
            .setRetryOptions(
                MarketActivityOptions.COLLECTION.getRetryOptions().toBuilder()
                    .setInitialInterval(Duration.ofMillis(50))
                    .setMaximumInterval(Duration.ofMillis(100))
                    .build())
            .build();
    worker.registerWorkflowImplementationTypes(
        WorkflowImplementationOptions.newBuilder()
            .setActivityOptions(Map.of("FetchQuote", fastTimeouts))
            .build(),
        MarketCollectionWorkflowImpl.class);
    worker.registerActivitiesImplementations(quotes, new OneSymbol());
    env.start();
    WorkflowClient client = env.getWorkflowClient();
    return client
        .newWorkflowStub(
            MarketCollectionWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId("market-collect/rounds")
                .setTaskQueue(MarketQuotesWorkflow.TASK_QUEUE)
                .build())
        .collect(MarketCollectionRequest.defaults());
  }

  @Test
  void aSymbolWhoseEveryAttemptDiedWithItsWorkerIsAskedAgainAsTheSameCall() {
    MarketCollectionSummary summary = collect(new DeadWorkerRounds(1));

    assertThat(summary.quoted()).isEqualTo(1);
    assertThat(summary.failures()).isZero();
    assertThat(asked)
        .extracting(QuoteLookup::round)
        .as("round 1's three attempts, then round 2's first")
        .containsExactly(1, 1, 1, 2);
    assertThat(asked)
        .extracting(QuoteLookup::callId)
        .as("every round is the same paid call")
        .containsOnly("market-collect/rounds/quote/AAPL:US");
  }

  @Test
  void theRoundsAreBoundedAndTheLastTimeoutEndsTheLine() {
    MarketCollectionSummary summary = collect(new DeadWorkerRounds(QuoteCalls.CRASH_ROUNDS));

    assertThat(summary.quoted()).isZero();
    assertThat(summary.failedSymbols()).containsExactly("AAPL:US");
    assertThat(asked).hasSize(3 * QuoteCalls.CRASH_ROUNDS);
    assertThat(asked).extracting(QuoteLookup::round).doesNotContain(QuoteCalls.CRASH_ROUNDS + 1);
  }

  @Test
  void aProviderFailureIsNotAskedAgainInAnotherRound() {
    MarketCollectionSummary summary =
        collect(
            lookup -> {
              asked.add(lookup);
              throw io.temporal.failure.ApplicationFailure.newNonRetryableFailure(
                  "no source could quote " + lookup.symbol(),
                  io.trawl.workflows.common.Failures.QUOTE_UNAVAILABLE);
            });

    assertThat(summary.failures()).isEqualTo(1);
    assertThat(asked).extracting(QuoteLookup::round).containsExactly(1);
  }
}
