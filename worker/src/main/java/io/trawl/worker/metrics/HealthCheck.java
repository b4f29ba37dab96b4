package io.trawl.worker.metrics;

import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.client.WorkflowClient;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/** Whether the worker can reach what it needs: the trawl database and the Temporal frontend. */
public final class HealthCheck {
  private static final int TIMEOUT_SECONDS = 2;

  private final DataSource dataSource;
  private final WorkflowClient client;

  public HealthCheck(DataSource dataSource, WorkflowClient client) {
    this.dataSource = dataSource;
    this.client = client;
  }

  /** One entry per dependency, in a fixed order: "ok" or why it failed. */
  public Map<String, String> check() {
    Map<String, String> result = new LinkedHashMap<>();
    result.put("database", database());
    result.put("temporal", temporal());
    return result;
  }

  public static boolean healthy(Map<String, String> checks) {
    return checks.values().stream().allMatch("ok"::equals);
  }

  private String database() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(TIMEOUT_SECONDS) ? "ok" : "connection not valid";
    } catch (Exception e) {
      return reason(e);
    }
  }

  private String temporal() {
    try {
      // GetSystemInfo is cheap and needs no namespace permission, unlike a list call.
      client
          .getWorkflowServiceStubs()
          .blockingStub()
          .withDeadlineAfter(TIMEOUT_SECONDS, TimeUnit.SECONDS)
          .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
      return "ok";
    } catch (Exception e) {
      return reason(e);
    }
  }

  private static String reason(Exception e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
