package io.trawl.starter.schedule;

import io.temporal.client.WorkflowClient;
import io.trawl.starter.Runtimes;
import io.trawl.starter.UsageException;
import io.trawl.worker.TemporalClients;
import io.trawl.worker.runtime.DevLock;
import io.trawl.worker.runtime.RuntimeResolution;
import io.trawl.worker.runtime.TemporalConnection;
import io.trawl.worker.runtime.TrawlHome;
import io.trawl.worker.schedule.ScheduleProblem;
import io.trawl.worker.schedule.TrawlSchedules;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;

/**
 * A Temporal client for the schedule commands: a production cluster or a running {@code ./trawl
 * dev}. Nothing else is started: without a durable server there is no Schedule API, so the command
 * stops at once with exit 2.
 */
final class ScheduleConnection implements AutoCloseable {
  private final WorkflowClient client;
  private final String uiUrl;

  private ScheduleConnection(WorkflowClient client, String uiUrl) {
    this.client = client;
    this.uiUrl = uiUrl;
  }

  static ScheduleConnection open(Map<String, String> env, PrintWriter err) {
    RuntimeResolution resolution =
        RuntimeResolution.resolve(env, TrawlHome.fromEnvironment(env), Runtimes.notice(err));
    if (!resolution.durable()) {
      throw new UsageException(ScheduleProblem.NEEDS_SERVER);
    }
    TemporalConnection temporal = resolution.temporal().orElseThrow();
    String target = temporal.address();
    Optional<DevLock> lock = resolution.devLock();
    err.println(
        lock.map(
                dev ->
                    "trawl: attached to ./trawl dev (pid "
                        + dev.pid()
                        + ", Temporal "
                        + target
                        + ", Web UI "
                        + dev.uiUrl()
                        + ")")
            .orElse("trawl: " + temporal.describe()));
    err.flush();
    return new ScheduleConnection(
        TemporalClients.connect(temporal), lock.map(DevLock::uiUrl).orElse(null));
  }

  TrawlSchedules schedules() {
    return new TrawlSchedules(client);
  }

  WorkflowClient client() {
    return client;
  }

  /** The Web UI's page of one schedule, or of all of them for a null name; empty without a UI. */
  Optional<String> scheduleLink(String name) {
    if (uiUrl == null) {
      return Optional.empty();
    }
    String base = uiUrl + "/namespaces/" + client.getOptions().getNamespace() + "/schedules";
    return Optional.of(name == null ? base : base + "/" + name);
  }

  @Override
  public void close() {
    TemporalClients.close(client);
  }
}
