package io.trawl.starter.chaos;

import io.trawl.starter.chaos.Measure.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;

/** Reads the figures every pipeline shares: counts, the cost ledger and leftover files. */
final class Figures {
  private static final String LEDGER =
      """
      SELECT coalesce(sum(units) FILTER (WHERE state = 'settled'), 0),
             coalesce(sum(cost_usd) FILTER (WHERE state = 'settled'), 0),
             count(*) FILTER (WHERE state = 'reserved'),
             count(*) FILTER (WHERE lost_in_flight)
      FROM cost_ledger WHERE provider = ?
      """;

  private Figures() {}

  /** The single number {@code sql} selects. */
  static long count(DataSource database, String sql) {
    try (Connection connection = database.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read `" + sql + "`: " + e.getMessage(), e);
    }
  }

  /** {@code rows <table>}: must match the reference. */
  static Measure rows(DataSource database, String table) {
    return Measure.same(
        "rows " + table, Kind.ROWS, count(database, "SELECT count(*) FROM " + table));
  }

  /** Rows of {@code table} sharing {@code key} with another row: must be none. */
  static Measure duplicates(DataSource database, String table, String key) {
    long value = count(database, "SELECT count(*) - count(DISTINCT (" + key + ")) FROM " + table);
    return Measure.exactly("duplicates " + table + " by " + key, Kind.DUPLICATES, value, 0);
  }

  /**
   * The ledger figures of every provider the run paid, {@code billed} giving what each one's
   * sandbox billed in the ledger's units (null when the sandbox cannot tell: then only the
   * reference is the yardstick).
   */
  static List<Measure> ledger(
      DataSource database, java.util.function.Function<String, Long> billed) {
    List<Measure> measures = new java.util.ArrayList<>();
    for (String provider : providers(database)) {
      measures.addAll(ledger(database, provider, billed.apply(provider)));
    }
    return measures;
  }

  private static List<String> providers(DataSource database) {
    try (Connection connection = database.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT DISTINCT provider FROM cost_ledger ORDER BY provider");
        ResultSet rows = statement.executeQuery()) {
      List<String> providers = new java.util.ArrayList<>();
      while (rows.next()) {
        providers.add(rows.getString(1));
      }
      return providers;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the cost ledger: " + e.getMessage(), e);
    }
  }

  /**
   * The settled units and micro-dollars the ledger holds for {@code provider}, the first checked
   * against what its sandbox billed ({@code billedUnits}), the holds never settled or released, and
   * the calls booked because their request was in flight when their worker was killed.
   */
  static List<Measure> ledger(DataSource database, String provider, Long billedUnits) {
    try (Connection connection = database.getConnection();
        PreparedStatement statement = connection.prepareStatement(LEDGER)) {
      statement.setString(1, provider);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        long units = rows.getLong(1);
        BigDecimal usd = rows.getBigDecimal(2);
        long open = rows.getLong(3);
        long inFlight = rows.getLong(4);
        return List.of(
            new Measure("ledger " + provider + " units", Kind.LEDGER, units, billedUnits, true),
            Measure.same(
                "ledger " + provider + " micro-USD",
                Kind.LEDGER,
                usd.movePointRight(6).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact()),
            Measure.exactly("ledger " + provider + " open holds", Kind.LEFTOVER, open, 0),
            new Measure(
                "ledger " + provider + " calls in flight at a kill",
                Kind.IN_FLIGHT,
                inFlight,
                null,
                false));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the cost ledger: " + e.getMessage(), e);
    }
  }

  /**
   * Partial downloads ({@code .part}) and temporary files left under a worker's directories: its
   * data directory and the JVM temporary directory the crash run gave it.
   */
  static Measure leftoverFiles(Path sideDirectory) {
    long count = 0;
    for (Path dir : List.of(sideDirectory.resolve("data"), sideDirectory.resolve("tmp"))) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        count += files.filter(Files::isRegularFile).filter(file -> isLeftover(dir, file)).count();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + dir, e);
      }
    }
    return Measure.exactly("partial or temporary files", Kind.LEFTOVER, count, 0);
  }

  private static boolean isLeftover(Path dir, Path file) {
    String name = file.getFileName().toString();
    // Under tmp/ every file is a leftover of the worker, except what the JVM and gRPC's native
    // transport put there for themselves (perf data, the extracted epoll library).
    return name.endsWith(".part")
        || name.endsWith(".tmp")
        || (dir.endsWith("tmp")
            && !file.toString().contains("hsperfdata")
            && !name.endsWith(".so"));
  }
}
