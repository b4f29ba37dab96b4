package io.trawl.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowServiceException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A refused key is one line naming where it came from, found anywhere in a cause chain. */
class TemporalRefusalsTest {
  private static final Map<String, String> WITH_KEY =
      Map.of("TEMPORAL_ADDRESS", "127.0.0.1:7233", "TEMPORAL_API_KEY", "k-123");

  @Test
  void namesTemporalApiKeyForAnUnauthenticatedAnswerDeepInTheCauseChain() {
    RuntimeException failure =
        new WorkflowServiceException(
            WorkflowExecution.newBuilder().setWorkflowId("jobs-scrape/x/y").build(),
            "ScrapeRunWorkflow",
            Status.UNAUTHENTICATED
                .withDescription("HTTP status code 401\ninvalid content-type: text/html")
                .asRuntimeException());

    assertThat(TemporalRefusals.describe(failure, WITH_KEY))
        .contains(
            "Temporal refused the credentials in TEMPORAL_API_KEY"
                + " (UNAUTHENTICATED: HTTP status code 401)");
  }

  @Test
  void asksForCredentialsWhenNoneWereGiven() {
    assertThat(
            TemporalRefusals.describe(
                Status.PERMISSION_DENIED.asRuntimeException(),
                Map.of("TEMPORAL_ADDRESS", "127.0.0.1:7233")))
        .hasValueSatisfying(
            line ->
                assertThat(line)
                    .startsWith(
                        "Temporal refused a request without credentials (PERMISSION_DENIED)")
                    .contains("set TEMPORAL_API_KEY"));
  }

  @Test
  void leavesOtherFailuresAlone() {
    assertThat(TemporalRefusals.describe(Status.UNAVAILABLE.asRuntimeException(), WITH_KEY))
        .isEmpty();
    assertThat(TemporalRefusals.describe(new IllegalStateException("boom"), WITH_KEY)).isEmpty();
  }
}
