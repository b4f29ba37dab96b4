package io.trawl.worker;

import io.temporal.client.WorkflowClient;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What a CLI command runs against: a Temporal client and the trawl database, in one of the three
 * runtime modes (production, attached to ./trawl dev, or the one-shot embedded default).
 */
public interface TrawlRuntime extends AutoCloseable {
  /** The Temporal client; only valid when the runtime was opened with workflows. */
  WorkflowClient client();

  /** The trawl database, migrated. */
  DataSource dataSource();

  /** True when the Temporal server keeps histories, schedules and visibility beyond this process. */
  boolean durable();

  /** Lines telling the user what this command runs on (engine, database, sandboxes). */
  List<String> description();

  /** The Temporal Web UI, when there is one. */
  Optional<String> uiUrl();

  @Override
  void close();
}
