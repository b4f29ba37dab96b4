package io.trawl.starter;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.worker.TrawlRuntime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quotes, {@code '; DROP TABLE jobs;--}, LIKE wildcards, NUL and 10 KB strings through every CLI
 * string argument that reaches the database, on the one-shot embedded default: each command ends
 * with its answer or one usage line (never a driver error), the hostile text is stored verbatim
 * where a command stores it, and every table and its rows are still there afterwards.
 */
class SqlInjectionTest {
  private static final String DROP = "'; DROP TABLE jobs;--";
  private static final List<String> HOSTILE =
      List.of(
          DROP,
          "\" OR 1=1 --",
          "O'Brien \\ 100% _under_ $$dollar$$ ;",
          ("x' OR '1'='1 " + DROP).repeat(400));

  @TempDir Path home;

  private Map<String, String> env() {
    return Map.of("TRAWL_HOME", home.toString());
  }

  @Test
  void hostileTextInEveryDatabaseArgumentLeavesEveryTableIntact() throws Exception {
    CliRun seed = CliRun.run(env(), "jobs", "scrape", "Data Engineer", "--location", "Netherlands");
    assertThat(seed.exitCode()).as(seed.err()).isZero();
    Map<String, Long> before = tableRows();
    assertThat(before).containsKey("jobs");

    SoftAssertions softly = new SoftAssertions();
    for (String value : HOSTILE) {
      for (List<String> args :
          List.of(
              List.of("etl", "quarantine", "--source", value),
              List.of("pharmacy", "list", "--state", value),
              List.of("pharmacy", "list", "--class", value),
              List.of("cache", "list", "--prefix", value),
              List.of("cache", "clear", "--prefix", value),
              List.of("etl", "run", "--source", value))) {
        CliRun run = CliRun.run(env(), args.toArray(String[]::new));
        String what =
            String.join(" ", args).substring(0, Math.min(80, String.join(" ", args).length()))
                + " -> "
                + run.err();
        softly.assertThat(run.exitCode()).as(what).isIn(0, 2);
        softly.assertThat(run.err()).as(what).doesNotContainIgnoringCase("sql");
      }
    }
    softly.assertAll();
    assertThat(tableRows()).isEqualTo(before);

    CliRun scrape = CliRun.run(env(), "jobs", "scrape", DROP, "--location", HOSTILE.get(2));
    assertThat(scrape.exitCode()).as(scrape.err()).isZero();
    assertThat(queriesOfScrapeRuns()).contains(DROP);
    Map<String, Long> after = tableRows();
    assertThat(after.keySet()).isEqualTo(before.keySet());
    assertThat(after.get("jobs")).isGreaterThanOrEqualTo(before.get("jobs"));
  }

  @Test
  void aNulInAnArgumentIsOneUsageLineBeforeAnythingStarts() {
    CliRun run = CliRun.run(env(), "jobs", "scrape", "Data\0Engineer", "--location", "NL");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err()).contains("argument 3 contains a NUL character");
  }

  /** Every table of the trawl schema with its row count. */
  private Map<String, Long> tableRows() throws Exception {
    Map<String, Long> rows = new TreeMap<>();
    withDatabase(
        connection -> {
          List<String> tables = new ArrayList<>();
          try (PreparedStatement ps =
                  connection.prepareStatement(
                      "SELECT table_name FROM information_schema.tables"
                          + " WHERE table_schema = 'public' AND table_type = 'BASE TABLE'");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              tables.add(rs.getString(1));
            }
          }
          for (String table : tables) {
            // Names come from the catalogue, not from input; quoted as identifiers all the same.
            try (PreparedStatement ps =
                    connection.prepareStatement(
                        "SELECT count(*) FROM \"" + table.replace("\"", "\"\"") + "\"");
                ResultSet rs = ps.executeQuery()) {
              rs.next();
              rows.put(table, rs.getLong(1));
            }
          }
        });
    return rows;
  }

  private List<String> queriesOfScrapeRuns() throws Exception {
    List<String> queries = new ArrayList<>();
    withDatabase(
        connection -> {
          try (PreparedStatement ps = connection.prepareStatement("SELECT query FROM scrape_runs");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              queries.add(rs.getString(1));
            }
          }
        });
    return queries;
  }

  private interface DatabaseWork {
    void run(Connection connection) throws Exception;
  }

  private void withDatabase(DatabaseWork work) throws Exception {
    CliEnvironment.override(env());
    try (TrawlRuntime runtime =
            Runtimes.open(Runtimes.Needs.DATABASE, new PrintWriter(new StringWriter()));
        Connection connection = runtime.dataSource().getConnection()) {
      work.run(connection);
    } finally {
      CliEnvironment.reset();
    }
  }
}
