package io.trawl.starter;

import com.google.protobuf.ByteString;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.postgresql.PGConnection;

/**
 * The places a secret could end up, each read as text under a name ({@code history jobs-scrape/…},
 * {@code db scrape_runs}, {@code log trawl.log}, {@code json jobs runs}), and the check that no
 * marker appears in any of them.
 */
final class LeakScan {
  private final Map<String, String> places = new LinkedHashMap<>();

  void add(String place, String text) {
    places.merge(place, text, (a, b) -> a + "\n" + b);
  }

  int places() {
    return places.size();
  }

  long placesNamed(String prefix) {
    return places.keySet().stream().filter(name -> name.startsWith(prefix)).count();
  }

  /**
   * Every workflow run the server knows, its history twice: as the Web UI's JSON, and as the raw
   * protobuf bytes, where payloads are plain UTF-8 rather than base64 (a marker inside an activity
   * input is found either way).
   */
  void addHistories(WorkflowClient client) throws IOException {
    ByteString pageToken = ByteString.EMPTY;
    do {
      ListWorkflowExecutionsResponse page =
          client
              .getWorkflowServiceStubs()
              .blockingStub()
              .listWorkflowExecutions(
                  ListWorkflowExecutionsRequest.newBuilder()
                      .setNamespace(client.getOptions().getNamespace())
                      .setPageSize(200)
                      .setNextPageToken(pageToken)
                      .build());
      for (WorkflowExecutionInfo info : page.getExecutionsList()) {
        String workflowId = info.getExecution().getWorkflowId();
        String runId = info.getExecution().getRunId();
        WorkflowExecutionHistory history = client.fetchHistory(workflowId, runId);
        String place = "history " + workflowId + " " + runId;
        add(place, history.toJson(false));
        add(place, new String(history.getHistory().toByteArray(), StandardCharsets.UTF_8));
      }
      pageToken = page.getNextPageToken();
    } while (!pageToken.isEmpty());
  }

  /**
   * Every table of the database, dumped row by row with {@code COPY … TO STDOUT}: the embedded
   * PostgreSQL ships no {@code pg_dump}, and a system one refuses a newer server.
   */
  void addDatabase(String jdbcUrl) throws SQLException, IOException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          connection
              .createStatement()
              .executeQuery(
                  "SELECT schemaname || '.' || tablename FROM pg_tables"
                      + " WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String table : tables) {
        StringWriter rows = new StringWriter();
        connection
            .unwrap(PGConnection.class)
            .getCopyAPI()
            .copyOut("COPY " + table + " TO STDOUT", rows);
        add("db " + table, rows.toString());
      }
    }
  }

  /** Every file under {@code directory} (the logs), by its name. */
  void addFiles(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        add("file " + directory.relativize(file), Files.readString(file, StandardCharsets.UTF_8));
      }
    }
  }

  /** Each (place, marker) where the marker was found; empty when nothing leaked. */
  List<String> leaks(List<String> markers) {
    List<String> found = new ArrayList<>();
    places.forEach(
        (place, text) -> {
          for (String marker : markers) {
            int at = text.indexOf(marker);
            if (at >= 0) {
              String around =
                  text.substring(Math.max(0, at - 120), Math.min(text.length(), at + 60))
                      .replaceAll("\\s+", " ");
              found.add(marker + " in " + place + ": …" + around + "…");
            }
          }
        });
    return found;
  }
}
