package io.trawl.worker.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.client.WorkflowClient;
import io.trawl.worker.TemporalClients;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

/** {@code /healthz} answers 503 and names the dependency that cannot be reached. */
class HealthEndpointTest {
  @RegisterExtension
  final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  @Test
  void unreachableTemporalIsNamedWhileTheDatabaseIsOk() throws Exception {
    WorkflowClient nowhere = TemporalClients.connect("127.0.0.1:" + closedPort(), "default");
    try (MetricsServer server =
        MetricsServer.start(0, new HealthCheck(db.getTestDatabase(), nowhere))) {
      HttpResponse<String> health = get(server);
      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(health.body())
          .contains("\"status\":\"fail\"")
          .contains("\"database\":\"ok\"")
          .doesNotContain("\"temporal\":\"ok\"");
    } finally {
      TemporalClients.close(nowhere);
    }
  }

  @Test
  void unreachableDatabaseIsNamed() throws Exception {
    PGSimpleDataSource closed = new PGSimpleDataSource();
    closed.setURL("jdbc:postgresql://127.0.0.1:" + closedPort() + "/trawl");
    closed.setConnectTimeout(2);
    WorkflowClient nowhere = TemporalClients.connect("127.0.0.1:" + closedPort(), "default");
    try (MetricsServer server = MetricsServer.start(0, new HealthCheck(closed, nowhere))) {
      HttpResponse<String> health = get(server);
      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(health.body()).doesNotContain("\"database\":\"ok\"").contains("\"database\":\"");
    } finally {
      TemporalClients.close(nowhere);
    }
  }

  @Test
  void portComesFromTheEnvironmentWithADefault() {
    assertThat(MetricsServer.port(Map.of())).isEqualTo(9464);
    assertThat(MetricsServer.port(Map.of(MetricsServer.PORT_ENV, "9500"))).isEqualTo(9500);
  }

  /** A port nothing listens on: bound, read, released. */
  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static HttpResponse<String> get(MetricsServer server) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/healthz"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
