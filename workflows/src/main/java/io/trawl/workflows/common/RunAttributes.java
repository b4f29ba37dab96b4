package io.trawl.workflows.common;

import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributes;
import io.temporal.workflow.Workflow;
import java.util.List;

/**
 * trawl's custom search attributes: what a run is (pipeline, query, location, source) and how it
 * stands, so the Web UI and {@code ./trawl runs} can filter on them.
 *
 * <p>The starter sets them all at start; the workflow upserts {@code TrawlStatus} as the run ends.
 * A run started without them (tests, runs started before this existed) is left alone, because
 * upserting an attribute its namespace lacks fails the workflow task.
 */
public final class RunAttributes {
  public static final SearchAttributeKey<String> PIPELINE =
      SearchAttributeKey.forKeyword("TrawlPipeline");
  public static final SearchAttributeKey<String> QUERY = SearchAttributeKey.forKeyword("TrawlQuery");
  public static final SearchAttributeKey<String> LOCATION =
      SearchAttributeKey.forKeyword("TrawlLocation");
  public static final SearchAttributeKey<String> SOURCE =
      SearchAttributeKey.forKeyword("TrawlSource");
  public static final SearchAttributeKey<String> STATUS =
      SearchAttributeKey.forKeyword("TrawlStatus");

  /** Every attribute's name, to register on a namespace. */
  public static final List<String> NAMES =
      List.of(PIPELINE, QUERY, LOCATION, SOURCE, STATUS).stream()
          .map(SearchAttributeKey::getName)
          .toList();

  /** The status a run has from its start until it ends. */
  public static final String RUNNING = "running";

  private static final String CHANGE_ID = "trawl-search-attributes";

  private RunAttributes() {}

  /** The attributes to start a run with; null values are left out. */
  public static SearchAttributes atStart(
      String pipeline, String query, String location, String source) {
    SearchAttributes.Builder builder =
        SearchAttributes.newBuilder().set(PIPELINE, pipeline).set(STATUS, RUNNING);
    if (query != null) {
      builder.set(QUERY, query);
    }
    if (location != null) {
      builder.set(LOCATION, location);
    }
    if (source != null) {
      builder.set(SOURCE, source);
    }
    return builder.build();
  }

  /**
   * From workflow code: sets {@code TrawlStatus}. Histories recorded before this existed replay
   * without the upsert (the version marker), so their commands still line up.
   */
  public static void upsertStatus(String status) {
    int version = Workflow.getVersion(CHANGE_ID, Workflow.DEFAULT_VERSION, 1);
    if (version == Workflow.DEFAULT_VERSION
        || status == null
        || !Workflow.getTypedSearchAttributes().containsKey(PIPELINE)) {
      return;
    }
    Workflow.upsertTypedSearchAttributes(STATUS.valueSet(status));
  }
}
