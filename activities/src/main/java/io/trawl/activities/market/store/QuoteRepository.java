package io.trawl.activities.market.store;

import io.trawl.activities.store.Jdbc;
import io.trawl.workflows.market.MarketStatus;
import io.trawl.workflows.market.Quote;
import io.trawl.workflows.market.QuoteSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/** The {@code quotes} table: every quote a provider delivered, history kept. */
public final class QuoteRepository {
  private static final String INSERT =
      """
      INSERT INTO quotes (symbol, name, price, currency, change, change_pct, volume, day_high,
                          day_low, previous_close, market_status, as_of, source, cost_usd,
                          fetched_at, provider_mode, fetch_key)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (fetch_key) WHERE fetch_key IS NOT NULL DO NOTHING
      """;

  private static final String BY_FETCH_KEY = "SELECT * FROM quotes WHERE fetch_key = ?";

  private static final String LATEST =
      """
      SELECT * FROM quotes WHERE symbol = ? ORDER BY fetched_at DESC, id DESC LIMIT 1
      """;

  private static final String COUNT = "SELECT count(*) FROM quotes WHERE symbol = ?";

  private final Jdbc jdbc;

  public QuoteRepository(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /** Adds {@code quote} (from a provider, never the cache) to the history. */
  public void insert(Quote quote, boolean sandbox) {
    insert(quote, sandbox, null);
  }

  /**
   * Adds {@code quote} fetched by the activity {@code fetchKey} (null outside one); a second quote
   * of the same activity is not stored.
   */
  public void insert(Quote quote, boolean sandbox, String fetchKey) {
    if (quote.source() == QuoteSource.CACHE) {
      throw new IllegalArgumentException("a cache hit is not a new quote: " + quote.symbol());
    }
    jdbc.update(
        "store the quote of " + quote.symbol(),
        INSERT,
        ps -> {
          ps.setString(1, quote.symbol());
          ps.setString(2, quote.name());
          ps.setBigDecimal(3, quote.price());
          ps.setString(4, quote.currency());
          ps.setBigDecimal(5, quote.change());
          ps.setBigDecimal(6, quote.changePercent());
          if (quote.volume() == null) {
            ps.setNull(7, Types.BIGINT);
          } else {
            ps.setLong(7, quote.volume());
          }
          ps.setBigDecimal(8, quote.dayHigh());
          ps.setBigDecimal(9, quote.dayLow());
          ps.setBigDecimal(10, quote.previousClose());
          ps.setString(11, quote.marketStatus().wireName());
          ps.setTimestamp(12, Timestamp.from(quote.asOf()));
          ps.setString(13, quote.source().wireName());
          ps.setBigDecimal(14, quote.costUsd());
          ps.setTimestamp(15, Timestamp.from(quote.fetchedAt()));
          ps.setString(16, sandbox ? "sandbox" : "real");
          ps.setString(17, fetchKey);
        });
  }

  /** The quote the activity {@code fetchKey} stored, if an attempt of it got that far. */
  public Optional<Quote> byFetchKey(String fetchKey) {
    return jdbc.query(
        "read the quote fetched by " + fetchKey,
        BY_FETCH_KEY,
        ps -> ps.setString(1, fetchKey),
        rs -> rs.next() ? Optional.of(read(rs)) : Optional.<Quote>empty());
  }

  /** The newest stored quote of {@code symbol}. */
  public Optional<Quote> latest(String symbol) {
    return jdbc.query(
        "read the latest quote of " + symbol,
        LATEST,
        ps -> ps.setString(1, symbol),
        rs -> rs.next() ? Optional.of(read(rs)) : Optional.<Quote>empty());
  }

  /** How many quotes of {@code symbol} the history holds. */
  public long count(String symbol) {
    return jdbc.query(
        "count the quotes of " + symbol,
        COUNT,
        ps -> ps.setString(1, symbol),
        rs -> {
          rs.next();
          return rs.getLong(1);
        });
  }

  private static Quote read(ResultSet rs) throws SQLException {
    long volume = rs.getLong("volume");
    Long volumeOrNull = rs.wasNull() ? null : volume;
    return new Quote(
        rs.getString("symbol"),
        rs.getString("name"),
        rs.getBigDecimal("price"),
        rs.getString("currency"),
        rs.getBigDecimal("change"),
        rs.getBigDecimal("change_pct"),
        volumeOrNull,
        rs.getBigDecimal("day_high"),
        rs.getBigDecimal("day_low"),
        rs.getBigDecimal("previous_close"),
        MarketStatus.valueOf(rs.getString("market_status").toUpperCase(Locale.ROOT)),
        rs.getTimestamp("as_of").toInstant(),
        QuoteSource.fromWireName(rs.getString("source")),
        rs.getBigDecimal("cost_usd"),
        rs.getTimestamp("fetched_at").toInstant());
  }
}
