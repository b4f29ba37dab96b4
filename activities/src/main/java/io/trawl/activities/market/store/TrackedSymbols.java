package io.trawl.activities.market.store;

import io.trawl.activities.store.Jdbc;
import io.trawl.workflows.market.AssetClass;
import io.trawl.workflows.market.MarketSymbol;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The {@code tracked_symbols} table: what a collection quotes, changed while workers run. Symbols
 * are stored in canonical Bloomberg form; either form is accepted ({@code AAPL} → {@code AAPL:US}).
 */
public final class TrackedSymbols {
  private static final String INSERT =
      """
      INSERT INTO tracked_symbols (symbol, asset_class) VALUES (?, ?)
      ON CONFLICT (symbol) DO NOTHING
      """;

  private static final String DELETE = "DELETE FROM tracked_symbols WHERE symbol = ?";

  private static final String LIST =
      "SELECT symbol, asset_class, added_at FROM tracked_symbols ORDER BY symbol";

  private static final String COUNT = "SELECT count(*) FROM tracked_symbols";

  /** One tracked symbol. */
  public record TrackedSymbol(String symbol, AssetClass assetClass, Instant addedAt) {}

  private final Jdbc jdbc;

  public TrackedSymbols(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /**
   * Starts tracking {@code symbol}; false when it already was. {@code assetClass} null takes the
   * class the symbol implies. An unknown symbol is refused naming it.
   */
  public boolean add(String symbol, AssetClass assetClass) {
    MarketSymbol parsed = MarketSymbol.of(symbol);
    AssetClass effective = assetClass == null ? parsed.assetClass() : assetClass;
    return jdbc.update(
            "track " + parsed,
            INSERT,
            ps -> {
              ps.setString(1, parsed.bloomberg());
              ps.setString(2, effective.wireName());
            })
        == 1;
  }

  /** Stops tracking {@code symbol}; false when it was not tracked. */
  public boolean remove(String symbol) {
    String canonical = MarketSymbol.of(symbol).bloomberg();
    return jdbc.update("untrack " + canonical, DELETE, ps -> ps.setString(1, canonical)) == 1;
  }

  /** Every tracked symbol, sorted. */
  public List<TrackedSymbol> list() {
    return jdbc.query(
        "list tracked symbols",
        LIST,
        ps -> {},
        rs -> {
          List<TrackedSymbol> rows = new ArrayList<>();
          while (rs.next()) {
            rows.add(
                new TrackedSymbol(
                    rs.getString(1),
                    AssetClass.fromWireName(rs.getString(2)),
                    rs.getTimestamp(3).toInstant()));
          }
          return rows;
        });
  }

  /** Tracks {@code symbols} when nothing is tracked yet (a fresh database); returns how many. */
  public int seedIfEmpty(List<String> symbols) {
    long tracked =
        jdbc.query(
            "count tracked symbols",
            COUNT,
            ps -> {},
            rs -> {
              rs.next();
              return rs.getLong(1);
            });
    if (tracked > 0) {
      return 0;
    }
    int added = 0;
    for (String symbol : symbols) {
      added += add(symbol, null) ? 1 : 0;
    }
    return added;
  }
}
