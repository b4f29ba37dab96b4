package io.trawl.starter;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.worker.TrawlRuntime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Quotes, {@code '; DROP TABLE jobs;--}, LIKE wildcards, NUL and 10 KB strings through every CLI
 * string argument that reaches the database, on the one-shot embedded default: each command ends
 * with its answer or one usage line (never a driver error), the hostile text is stored verbatim
 * where a command stores it, and every table and its rows are still there afterwards.
 */
class SqlInjectionTest {
  private static final String DROP = "'; DROP TABLE jobs;--";
  private static final List<String> HOSTILE =
      List.of(DROP, ("x' OR '1'='1 \" O'Brien \\ 100% _under_ $$dollar$$ " + DROP).repeat(160));

  @TempDir Path home;

  private Map<String, String> env() {
    return Map.of("TRAWL_HOME", home.toString());
  }

  /**
   * Commands that serve, measure or soak instead of answering; they never read an argument into
   * SQL.
   */
  private static final Set<String> LONG_RUNNING =
      Set.of("dev", "worker", "bench", "chaos", "setup");

  @Test
  void hostileTextInEveryStringArgumentOfEveryCommandLeavesEveryTableIntact() throws Exception {
    CliRun seed = CliRun.run(env(), "jobs", "scrape", "Data Engineer", "--location", "Netherlands");
    assertThat(seed.exitCode()).as(seed.err()).isZero();
    Map<String, Long> before = tableRows();
    assertThat(before).containsKey("jobs");

    SoftAssertions softly = new SoftAssertions();
    List<String> tried = new ArrayList<>();
    for (CommandSpec spec : CommandTree.allCommands()) {
      List<String> path = CommandTree.path(spec);
      if (path.isEmpty()
          || !spec.subcommands().isEmpty()
          || LONG_RUNNING.contains(path.getFirst())) {
        continue;
      }
      for (ArgSpec arg : stringArguments(spec)) {
        for (String value : HOSTILE) {
          List<String> args = withValue(spec, arg, value);
          CliRun run = CliRun.run(env(), args.toArray(String[]::new));
          String what = describe(args) + " -> exit " + run.exitCode() + ": " + run.err();
          softly.assertThat(run.exitCode()).as(what).isIn(0, 1, 2);
          softly
              .assertThat(run.err())
              .as(what)
              .doesNotContainIgnoringCase("sql")
              .doesNotContain("\tat ");
          tried.add(describe(args));
        }
      }
    }
    softly.assertAll();
    assertThat(tried)
        .as("the walk reaches the commands that write and filter")
        .anyMatch(a -> a.startsWith("jobs scrape"))
        .anyMatch(a -> a.startsWith("pharmacy list"))
        .anyMatch(a -> a.startsWith("market symbols add"))
        .anyMatch(a -> a.startsWith("cache clear"));
    Map<String, Long> after = tableRows();
    assertThat(after.keySet()).isEqualTo(before.keySet());
    assertThat(after.get("jobs")).isGreaterThanOrEqualTo(before.get("jobs"));
    assertThat(queriesOfScrapeRuns()).as("the hostile query was stored as text").contains(DROP);
  }

  /** The options and positional parameters that take text. */
  private static List<ArgSpec> stringArguments(CommandSpec spec) {
    List<ArgSpec> args = new ArrayList<>();
    for (OptionSpec option : spec.options()) {
      if (option.arity().max() > 0 && takesText(option) && !option.usageHelp()) {
        args.add(option);
      }
    }
    for (PositionalParamSpec positional : spec.positionalParameters()) {
      if (takesText(positional)) {
        args.add(positional);
      }
    }
    return args;
  }

  private static boolean takesText(ArgSpec arg) {
    if (arg.type() == String.class) {
      return true;
    }
    Class<?>[] element = arg.auxiliaryTypes();
    return (List.class.isAssignableFrom(arg.type()) || arg.type().isArray())
        && element.length == 1
        && element[0] == String.class;
  }

  /**
   * What a command needs besides picocli's required arguments to get as far as the database (an
   * option pair the command checks itself), as tokens: a positional first, then options.
   */
  private static final Map<String, List<String>> BASELINES =
      Map.of(
          "jobs scrape",
          List.of("Data Engineer", "--location", "Netherlands"),
          "pharmacy run",
          List.of("--query", "pharmacy", "--location", "San Francisco, CA"),
          "market quotes",
          List.of("AAPL:US"),
          "market symbols add",
          List.of("AAPL:US"),
          "market symbols remove",
          List.of("AAPL:US"),
          "schedule create",
          List.of("nightly", "--workflow", "jobs-scrape", "--every", "6h"));

  /** A valid command line with {@code value} as {@code target}'s value. */
  private static List<String> withValue(CommandSpec spec, ArgSpec target, String value) {
    List<String> path = CommandTree.path(spec);
    List<String> baseline = BASELINES.get(String.join(" ", path));
    if (baseline == null) {
      return requiredOnly(spec, target, value);
    }
    List<String> args = new ArrayList<>(path);
    boolean positionalGiven = !baseline.getFirst().startsWith("--");
    if (target instanceof PositionalParamSpec) {
      args.add(value);
    } else if (positionalGiven) {
      args.add(baseline.getFirst());
    }
    boolean replaced = false;
    for (int i = positionalGiven ? 1 : 0; i < baseline.size(); i += 2) {
      args.add(baseline.get(i));
      boolean isTarget =
          target instanceof OptionSpec o && List.of(o.names()).contains(baseline.get(i));
      args.add(isTarget ? value : baseline.get(i + 1));
      replaced |= isTarget;
    }
    if (target instanceof OptionSpec option && !replaced) {
      args.add(option.longestName());
      args.add(value);
    }
    return args;
  }

  /** Picocli's required arguments with valid values, and {@code value} for {@code target}. */
  private static List<String> requiredOnly(CommandSpec spec, ArgSpec target, String value) {
    List<String> args = new ArrayList<>(CommandTree.path(spec));
    for (OptionSpec option : spec.options()) {
      if (option == target) {
        args.add(option.longestName());
        args.add(value);
      } else if (option.required()) {
        args.add(option.longestName());
        if (option.arity().max() > 0) {
          args.add(CommandTree.validValue(option));
        }
      }
    }
    for (PositionalParamSpec positional : spec.positionalParameters()) {
      int count = Math.max(positional.arity().min(), positional == target ? 1 : 0);
      for (int i = 0; i < count; i++) {
        args.add(positional == target ? value : CommandTree.validValue(positional));
      }
    }
    return args;
  }

  private static String describe(List<String> args) {
    String line = String.join(" ", args);
    return line.substring(0, Math.min(100, line.length()));
  }

  @Test
  void hostileTextInConfigValuesIsStoredAsTextAndLeavesEveryTableIntact() throws Exception {
    String longText = HOSTILE.get(1);
    Path config = home.resolve("hostile.yaml");
    Files.writeString(
        config,
        String.join(
            "\n",
            "jobs:",
            "  queries:",
            "    - {query: " + yamlQuoted(DROP) + ", location: " + yamlQuoted(longText) + "}",
            "pharmacy:",
            "  max_places: 3",
            "  verify: false",
            "  searches:",
            "    - location: " + yamlQuoted(DROP),
            "      queries: [" + yamlQuoted(longText) + "]",
            ""));
    Map<String, String> env =
        Map.of("TRAWL_HOME", home.toString(), "TRAWL_CONFIG", config.toString());

    CliRun jobs = CliRun.run(env, "jobs", "scrape", "--all");
    CliRun pharmacy = CliRun.run(env, "pharmacy", "run", "--all");

    for (CliRun run : List.of(jobs, pharmacy)) {
      assertThat(run.exitCode()).as(run.err()).isIn(0, 1, 2);
      assertThat(run.err()).doesNotContainIgnoringCase("sql").doesNotContain("\tat ");
    }
    assertThat(jobs.exitCode()).as(jobs.err()).isZero();
    assertThat(pharmacy.exitCode()).as(pharmacy.err()).isZero();
    assertThat(queriesOfScrapeRuns()).containsExactly(DROP);
    Map<String, Long> rows = tableRows();
    assertThat(rows).containsKeys("jobs", "pharmacies", "scrape_runs");
    assertThat(rows.get("jobs")).isPositive();
  }

  /** A YAML single-quoted scalar: quotes doubled, nothing else special. */
  private static String yamlQuoted(String text) {
    return "'" + text.replace("'", "''") + "'";
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
