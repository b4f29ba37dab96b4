package io.trawl.workflows.common;

import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributeUpdate;
import io.temporal.common.SearchAttributes;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;

/**
 * trawl's custom search attributes: what a run is (pipeline, query, location, source) and how it
 * stands, so the Web UI and {@code ./trawl runs} can filter on them.
 *
 * <p>trawl's starters (the CLI, Schedules) set them all at start. Each workflow also upserts what
 * it is as its first step ({@link #upsertAtStart}), so a run started from the Web UI or {@code
 * temporal workflow start} with plain JSON is labelled the same; and it upserts {@code TrawlStatus}
 * as the run ends. A run on a namespace without the attributes (tests, a cluster before {@code
 * trawl setup}) is left unlabelled, because upserting an attribute its namespace lacks fails the
 * workflow task.
 */
public final class RunAttributes {
  private static final Logger log = Workflow.getLogger(RunAttributes.class);

  public static final SearchAttributeKey<String> PIPELINE =
      SearchAttributeKey.forKeyword("TrawlPipeline");
  public static final SearchAttributeKey<String> QUERY =
      SearchAttributeKey.forKeyword("TrawlQuery");
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

  /** The {@code Workflow.getVersion} change id of the first-step upsert. */
  public static final String START_CHANGE_ID = "trawl-run-attributes-at-start";

  /** What {@link #upsertAtStart} copies onto a run; the status is only set when it has none. */
  private static final List<SearchAttributeKey<String>> LABELS =
      List.of(PIPELINE, QUERY, LOCATION, SOURCE);

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

  /**
   * From workflow code, as the run's first step: shows {@code details} in the Web UI and makes the
   * run carry {@code attributes} (from {@link #atStart}) whoever started it.
   *
   * <p>Only values the run lacks or has differently are upserted, so a run the CLI or a Schedule
   * started with the same values records no command. A run with no {@code TrawlPipeline} asks its
   * worker first whether the namespace has the attributes ({@link RunAttributeActivities}) and
   * stays unlabelled when it does not. Histories recorded before this existed replay without it
   * (the version marker).
   */
  public static void upsertAtStart(SearchAttributes attributes, String details) {
    // Workflow metadata, not a command: safe on every replay.
    Workflow.setCurrentDetails(details);
    if (Workflow.getVersion(START_CHANGE_ID, Workflow.DEFAULT_VERSION, 1)
        == Workflow.DEFAULT_VERSION) {
      return;
    }
    SearchAttributes current = Workflow.getTypedSearchAttributes();
    List<SearchAttributeUpdate<?>> updates = new ArrayList<>();
    for (SearchAttributeKey<String> key : LABELS) {
      String wanted = attributes.get(key);
      if (wanted != null && !Objects.equals(wanted, current.get(key))) {
        updates.add(key.valueSet(wanted));
      }
    }
    if (!current.containsKey(STATUS)) {
      updates.add(STATUS.valueSet(RUNNING));
    }
    if (updates.isEmpty()) {
      return;
    }
    if (!current.containsKey(PIPELINE) && !namespaceHasAttributes()) {
      return;
    }
    Workflow.upsertTypedSearchAttributes(updates.toArray(SearchAttributeUpdate<?>[]::new));
  }

  private static boolean namespaceHasAttributes() {
    RunAttributeActivities check =
        Workflow.newActivityStub(RunAttributeActivities.class, RunAttributeActivities.CHECK);
    try {
      if (check.checkSearchAttributes()) {
        return true;
      }
      log.warn(
          "namespace={} lacks search attributes {}: this run stays out of ./trawl runs and the"
              + " Web UI filters; run ./trawl setup",
          Workflow.getInfo().getNamespace(),
          NAMES);
    } catch (ActivityFailure e) {
      // A worker without the check (a bare test worker) or a server that keeps failing it: the
      // run goes on unlabelled rather than failing for its label.
      log.warn(
          "could not check the search attributes, run left unlabelled: {}", Failures.describe(e));
    }
    return false;
  }
}
