package io.trawl.activities.spend;

import io.trawl.activities.store.Jdbc;
import io.trawl.activities.store.Transactions;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Reservations a paid call's attempt took and nobody finished: the attempt died and no retry came
 * to settle it (its workflow was terminated, or its last attempt was killed). A held reservation
 * counts against its day's budget, so left alone it would block spending that day for good.
 *
 * <p>Only per-attempt entries ({@code <call>#<attempt>}) are swept: each is held for one HTTP
 * exchange, minutes at most, so one older than {@link #AGE} is dead. A run's reservation (a
 * scrape's, held from trigger to download) is never swept. The rule is a retry's (see {@link
 * AttemptLedger#bookUnfinished}): a hold whose request had left is booked as spent, since the
 * provider may have billed it; one whose request never left goes back.
 */
public final class StaleHolds {
  /** Far past the longest paid exchange (the Unlocker's minute, Places' 30 s). */
  public static final Duration AGE = Duration.ofHours(1);

  private static final String STALE = "run_key ~ '#[0-9]+$' AND created_at < ?";

  private final DataSource dataSource;

  public StaleHolds(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * What sweeping at {@code now} books and gives back.
   *
   * @param booked holds whose request had left, booked as spent at the price they held
   * @param released holds whose request never left, given back
   */
  public record Swept(long booked, long released) {}

  /** Books or releases every stale hold; with {@code dryRun}, only counts them. */
  public Swept sweep(Instant now, boolean dryRun) {
    Timestamp before = Timestamp.from(now.minus(AGE));
    if (dryRun) {
      return new Jdbc(dataSource)
          .query(
              "count stale reservations",
              "SELECT count(*) FILTER (WHERE sent_at IS NOT NULL),"
                  + " count(*) FILTER (WHERE sent_at IS NULL) FROM cost_ledger"
                  + " WHERE state = 'reserved' AND "
                  + STALE,
              ps -> ps.setTimestamp(1, before),
              rs -> {
                rs.next();
                return new Swept(rs.getLong(1), rs.getLong(2));
              });
    }
    AttemptLedger.Closed closed =
        Transactions.inTransaction(
            dataSource,
            "sweep stale reservations",
            tx -> AttemptLedger.closeDead(tx, STALE, ps -> ps.setTimestamp(1, before)));
    return new Swept(closed.booked().size(), closed.released());
  }
}
