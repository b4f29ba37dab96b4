package io.trawl.worker.runtime;

import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure a namespace has the custom Keyword search attributes trawl's workflows set.
 *
 * <p>{@code start-dev --search-attribute} registers attributes only when it creates the database
 * file: started again on an existing file with an added {@code --search-attribute}, CLI 1.9.1
 * ignores it (checked with {@code temporal operator search-attribute list}). A workflow started
 * with an unknown attribute is rejected, so the missing ones are added through the operator API.
 */
public final class SearchAttributeRegistrar {
  private static final Logger log = LoggerFactory.getLogger(SearchAttributeRegistrar.class);
  private static final long RPC_TIMEOUT_SECONDS = 10;

  private SearchAttributeRegistrar() {}

  /** Adds those of {@code names} that {@code namespace} lacks; returns the added ones. */
  public static List<String> ensureKeywords(TemporalConnection connection, List<String> names) {
    if (names.isEmpty()) {
      return List.of();
    }
    String namespace = connection.namespace();
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(connection.operatorStubsOptions());
    try {
      Map<String, IndexedValueType> existing =
          operator
              .blockingStub()
              .withDeadlineAfter(RPC_TIMEOUT_SECONDS, TimeUnit.SECONDS)
              .listSearchAttributes(
                  ListSearchAttributesRequest.newBuilder().setNamespace(namespace).build())
              .getCustomAttributesMap();
      List<String> missing = names.stream().filter(n -> !existing.containsKey(n)).toList();
      if (missing.isEmpty()) {
        return missing;
      }
      AddSearchAttributesRequest.Builder add =
          AddSearchAttributesRequest.newBuilder().setNamespace(namespace);
      missing.forEach(n -> add.putSearchAttributes(n, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
      operator
          .blockingStub()
          .withDeadlineAfter(RPC_TIMEOUT_SECONDS, TimeUnit.SECONDS)
          .addSearchAttributes(add.build());
      log.info("registered search attributes namespace={} keyword={}", namespace, missing);
      return missing;
    } finally {
      operator.shutdownNow();
    }
  }
}
