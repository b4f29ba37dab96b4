package io.trawl.worker;

import com.zaxxer.hikari.HikariDataSource;
import io.temporal.client.WorkflowClient;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A runtime whose Temporal server and database outlive the command: a production cluster, or the
 * stack of a running {@code ./trawl dev}. Workers run elsewhere; this only holds clients.
 */
final class RemoteRuntime implements TrawlRuntime {
  private final WorkflowClient client;
  private final DataSource dataSource;
  private final List<String> description;
  private final String uiUrl;

  RemoteRuntime(WorkflowClient client, DataSource dataSource, List<String> description, String uiUrl) {
    this.client = client;
    this.dataSource = dataSource;
    this.description = List.copyOf(description);
    this.uiUrl = uiUrl;
  }

  @Override
  public WorkflowClient client() {
    if (client == null) {
      throw new IllegalStateException("this runtime was opened for the database only");
    }
    return client;
  }

  @Override
  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public boolean durable() {
    return true;
  }

  @Override
  public List<String> description() {
    return description;
  }

  @Override
  public Optional<String> uiUrl() {
    return Optional.ofNullable(uiUrl);
  }

  @Override
  public void close() {
    if (client != null) {
      TemporalClients.close(client);
    }
    if (dataSource instanceof HikariDataSource pool) {
      pool.close();
    }
  }
}
