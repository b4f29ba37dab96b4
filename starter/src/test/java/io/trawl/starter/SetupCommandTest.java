package io.trawl.starter;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.trawl.worker.DevStack;
import io.trawl.worker.runtime.DevServerExtension;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trawl setup} creates a missing namespace and its search attributes, and repeats safely.
 */
class SetupCommandTest {
  @RegisterExtension static final DevServerExtension temporal = new DevServerExtension();

  @TempDir Path home;

  @Test
  void registersANewNamespaceAndItsSearchAttributesThenChangesNothing() {
    Map<String, String> env =
        Map.of(
            "TRAWL_HOME", home.toString(),
            "TEMPORAL_ADDRESS", temporal.target(),
            "TEMPORAL_NAMESPACE", "trawl-prod");

    CliRun first = CliRun.run(env, "setup");

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out())
        .contains("registered namespace trawl-prod")
        .contains("registered search attributes (Keyword): TrawlPipeline");
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder()
                .setTarget(temporal.target())
                .validateAndBuildWithDefaults());
    try {
      Map<String, IndexedValueType> attributes =
          operator
              .blockingStub()
              .listSearchAttributes(
                  ListSearchAttributesRequest.newBuilder().setNamespace("trawl-prod").build())
              .getCustomAttributesMap();
      for (String name : DevStack.SEARCH_ATTRIBUTES) {
        assertThat(attributes).containsEntry(name, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
      }
    } finally {
      operator.shutdownNow();
    }

    CliRun again = CliRun.run(env, "setup");

    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out())
        .contains("namespace trawl-prod exists")
        .contains("search attributes already registered");
  }

  @Test
  void refusesWithoutATemporalServer() {
    CliRun run = CliRun.run(Map.of("TRAWL_HOME", home.toString()), "setup");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("setup needs a Temporal server");
  }
}
