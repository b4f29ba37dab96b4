package io.trawl.worker.market;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.trawl.activities.providers.unlocker.UnlockerClient;
import io.trawl.activities.providers.unlocker.UnlockerConfig;
import io.trawl.activities.providers.yahoo.YahooClient;
import io.trawl.activities.providers.yahoo.YahooConfig;
import io.trawl.sandbox.unlocker.FakeUnlocker;
import io.trawl.sandbox.unlocker.UnlockerFaults;
import io.trawl.sandbox.yahoo.FakeYahoo;
import io.trawl.sandbox.yahoo.YahooFaults;
import io.trawl.worker.MarketRegistration;
import io.trawl.worker.config.CallBudgets;
import io.trawl.worker.config.MarketConfig;
import io.trawl.workflows.market.MarketCollectionRequest;
import io.trawl.workflows.market.MarketCollectionSummary;
import io.trawl.workflows.market.MarketCollectionWorkflow;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * The real market pipeline on the time-skipping test server: both market sandboxes over loopback
 * HTTP, a real PostgreSQL, and one worker whose activities, breakers and sandboxes all read the
 * server's clock, so a breaker's open period and a retry delay pass with the skipped time.
 */
final class MarketTestStack implements AutoCloseable {
  final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
  final Clock clock = new ServerClock(env);
  final FakeUnlocker unlocker;
  final FakeYahoo yahoo;

  /** The test server's clock, which jumps over timers and retry delays. */
  static final class ServerClock extends Clock {
    private final TestWorkflowEnvironment env;

    ServerClock(TestWorkflowEnvironment env) {
      this.env = env;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(env.currentTimeMillis());
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return Clock.fixed(instant(), zone);
    }
  }

  MarketTestStack(UnlockerFaults unlockerFaults, YahooFaults yahooFaults) {
    unlocker = new FakeUnlocker(clock, unlockerFaults).start();
    yahoo = new FakeYahoo(clock, yahooFaults).start();
  }

  /** Registers the market workflows and activities with the default budgets, and starts. */
  void startWorker(DataSource dataSource) {
    Worker worker = env.newWorker(MarketCollectionWorkflow.TASK_QUEUE);
    MarketRegistration.register(
        worker,
        dataSource,
        new UnlockerClient(
            UnlockerConfig.sandbox(unlocker.baseUrl(), FakeUnlocker.ZONE),
            UnlockerClient.Settings.DEFAULT,
            clock),
        new YahooClient(YahooConfig.sandbox(yahoo.baseUrl()), YahooClient.Settings.DEFAULT, clock),
        new MarketRegistration.Settings(
            MarketConfig.DEFAULTS, new CallBudgets(CallBudgets.DEFAULTS, ZoneOffset.UTC)),
        null,
        clock);
    env.start();
  }

  WorkflowClient client() {
    return env.getWorkflowClient();
  }

  /** One collection of the tracked symbols, {@code parallelism} at a time. */
  MarketCollectionSummary collect(int parallelism) {
    return client()
        .newWorkflowStub(
            MarketCollectionWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(MarketCollectionRequest.WORKFLOW_ID)
                .setTaskQueue(MarketCollectionWorkflow.TASK_QUEUE)
                .build())
        .collect(new MarketCollectionRequest(parallelism));
  }

  @Override
  public void close() {
    env.close();
    unlocker.close();
    yahoo.close();
  }
}
