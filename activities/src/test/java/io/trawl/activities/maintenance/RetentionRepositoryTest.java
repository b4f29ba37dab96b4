package io.trawl.activities.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What retention deletes and what it keeps, table by table, on the production schema. */
class RetentionRepositoryTest {
  @RegisterExtension
  final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

  private RetentionActivitiesImpl activities(int days) {
    return new RetentionActivitiesImpl(
        new RetentionRepository(db.getTestDatabase()), days, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  /** Runs that ended 40 days ago (old), 5 days ago (recent), and one still running for 40. */
  private void seed() throws SQLException {
    execute(
        """
        INSERT INTO scrape_runs (id, workflow_id, temporal_run_id, query, location, status,
                                 started_at, finished_at) VALUES
          (1, 'w', 'r1', 'q', 'l', 'failed',    '2026-10-26', '2026-10-26'),
          (2, 'w', 'r2', 'q', 'l', 'completed', '2026-11-30', '2026-11-30'),
          (3, 'w', 'r3', 'q', 'l', 'running',   '2026-10-26', NULL);
        INSERT INTO job_staging (run_id, seq, raw)
          SELECT r, s, '{}' FROM unnest(ARRAY[1, 2, 3]) r, generate_series(1, 3) s;
        INSERT INTO job_rejects (run_id, seq, reason, raw)
          SELECT r, s, 'bad', '{}' FROM unnest(ARRAY[1, 2, 3]) r, generate_series(1, 2) s;
        INSERT INTO pharmacy_runs (id, workflow_id, temporal_run_id, search_key, queries,
                                   locations, status, started_at, finished_at) VALUES
          (1, 'w', 'p1', 'k', '{q}', '{l}', 'completed', '2026-10-26', '2026-10-26'),
          (2, 'w', 'p2', 'k', '{q}', '{l}', 'partial',   '2026-11-30', '2026-11-30');
        INSERT INTO pharmacy_stage (run_id, stage) VALUES (1, 'dedup'), (2, 'dedup');
        INSERT INTO pharmacy_searches (run_id, query, location) VALUES (1, 'q', 'l'), (2, 'q', 'l');
        INSERT INTO pharmacy_staging (run_id, query, location, seq, item)
          VALUES (1, 'q', 'l', 1, '{}'), (2, 'q', 'l', 1, '{}');
        INSERT INTO pharmacies (place_key, name, item) VALUES ('p', 'A pharmacy', '{}');
        INSERT INTO pharmacy_run_places (run_id, place_key) VALUES (1, 'p'), (2, 'p');
        INSERT INTO market_calls (source, symbol, outcome, at) VALUES
          ('yahoo', 'AAPL:US', 'success', '2026-10-01'), ('yahoo', 'AAPL:US', 'success', '2026-12-01');
        INSERT INTO market_breaker_events (source, from_state, to_state, at) VALUES
          ('yahoo', 'closed', 'open', '2026-10-01'),
          ('yahoo', 'reset', 'closed', '2026-10-02'),
          ('yahoo', 'open', 'half_open', '2026-10-03'),
          ('bright_data', 'closed', 'open', '2026-12-01');
        INSERT INTO quotes (symbol, name, price, as_of, source, fetched_at) VALUES
          ('AAPL:US', 'Apple', 1, '2026-10-01', 'yahoo', '2026-10-01'),
          ('AAPL:US', 'Apple', 2, '2026-12-01', 'yahoo', '2026-12-01'),
          ('GC1:COM', 'Gold', 3, '2026-09-01', 'yahoo', '2026-09-01'),
          ('GC1:COM', 'Gold', 4, '2026-09-02', 'yahoo', '2026-09-02');
        INSERT INTO unlocker_requests (call_prefix, ledger_key, response_id, submitted_at) VALUES
          ('market/bright_data/AAPL:US/old#', 'market/bright_data/AAPL:US/old#1', 'r1', '2026-10-01'),
          ('market/bright_data/AAPL:US/new#', 'market/bright_data/AAPL:US/new#1', 'r2', '2026-12-05');
        INSERT INTO api_cache (key, provider, value, expires_at) VALUES
          ('gone', 'x', '{}', '2026-12-05T11:00:00Z'), ('fresh', 'x', '{}', '2026-12-05T13:00:00Z'),
          ('forever', 'x', '{}', NULL);
        INSERT INTO budgets (scope, day, limit_usd) VALUES ('places', '2026-12-05', 10);
        INSERT INTO cost_ledger (scope, day, provider, mode, run_key, state, reserved_usd,
                                 created_at, sent_at) VALUES
          ('places', '2026-12-05', 'places', 'real', 'pharmacy_runs/1/places/a#8', 'reserved',
           0.035, '2026-12-05T09:00Z', '2026-12-05T09:00Z'),
          ('places', '2026-12-05', 'places', 'real', 'pharmacy_runs/1/places/b#8', 'reserved',
           0.035, '2026-12-05T09:00Z', NULL),
          ('places', '2026-12-05', 'places', 'real', 'pharmacy_runs/2/places/c#1', 'reserved',
           0.035, '2026-12-05T11:30Z', '2026-12-05T11:30Z'),
          ('places', '2026-12-05', 'places', 'real', 'scrape_runs/9', 'reserved',
           1.5, '2026-12-05T01:00Z', NULL);
        """);
  }

  @Test
  void prunesTheDetailOfRunsThatEndedBeforeTheCutoffAndKeepsTheRunRows() throws Exception {
    seed();

    var result = activities(30).prune(false);

    assertThat(result.dryRun()).isFalse();
    assertThat(result.cutoff()).isEqualTo(Instant.parse("2026-11-05T12:00:00Z"));
    assertThat(result.rows())
        .containsExactly(
            entry("job_staging", 3L),
            entry("job_rejects", 2L),
            entry("pharmacy_staging", 1L),
            entry("pharmacy_stage", 1L),
            entry("pharmacy_searches", 1L),
            entry("pharmacy_run_places", 1L),
            entry("market_calls", 1L),
            entry("market_breaker_events", 1L),
            entry("quotes", 2L),
            entry("unlocker_requests", 1L),
            entry("api_cache", 1L),
            entry(RetentionRepository.STALE_HOLDS_BOOKED, 1L),
            entry(RetentionRepository.STALE_HOLDS_RELEASED, 1L));
    assertThat(result.total()).isEqualTo(17);
    assertThat(ints("SELECT DISTINCT run_id FROM job_staging ORDER BY 1"))
        .as("a recent run and a run still going keep their staging")
        .containsExactly(2, 3);
    assertThat(ints("SELECT DISTINCT run_id FROM pharmacy_stage")).containsExactly(2);
    assertThat(ints("SELECT count(*) FROM scrape_runs")).containsExactly(3);
    assertThat(ints("SELECT count(*) FROM pharmacy_runs")).containsExactly(2);
    assertThat(ints("SELECT count(*) FROM pharmacies")).containsExactly(1);
    assertThat(ints("SELECT price::int FROM quotes ORDER BY 1"))
        .as("the newest quote of each symbol stays, however old")
        .containsExactly(2, 4);
    assertThat(strings("SELECT from_state FROM market_breaker_events ORDER BY id"))
        .as("each source's newest event and newest reset stay")
        .containsExactly("reset", "open", "closed");
    assertThat(strings("SELECT key FROM api_cache ORDER BY key"))
        .containsExactly("forever", "fresh");
  }

  @Test
  void holdsNoAttemptWillFinishAreBookedIfTheirRequestLeftAndReleasedIfNot() throws Exception {
    seed();

    activities(30).prune(false);

    assertThat(
            strings(
                "SELECT run_key || ' ' || state || ' ' || cost_usd::numeric(6,3) || ' '"
                    + " || lost_in_flight FROM cost_ledger ORDER BY run_key"))
        .containsExactly(
            "pharmacy_runs/1/places/a#8 settled 0.035 true",
            "pharmacy_runs/1/places/b#8 released 0.000 false",
            "pharmacy_runs/2/places/c#1 reserved 0.000 false",
            "scrape_runs/9 reserved 0.000 false");
  }

  @Test
  void aDryRunCountsWhatAPruneDeletesAndDeletesNothing() throws Exception {
    seed();
    long before = ints("SELECT count(*) FROM job_staging").get(0);

    var dry = activities(30).prune(true);

    assertThat(dry.dryRun()).isTrue();
    assertThat(ints("SELECT count(*) FROM job_staging")).containsExactly((int) before);
    var real = activities(30).prune(false);
    assertThat(real.rows()).isEqualTo(dry.rows());
  }

  @Test
  void aSecondPruneFindsNothingLeft() throws Exception {
    seed();
    activities(30).prune(false);

    assertThat(activities(30).prune(false).total()).isZero();
  }

  @Test
  void aLongerRetentionKeepsMore() throws Exception {
    seed();

    var result = activities(60).prune(false);

    assertThat(result.rows().get("job_staging")).isZero();
    assertThat(result.rows().get("pharmacy_stage")).isZero();
    assertThat(result.rows().get("api_cache")).as("expiry is not age").isEqualTo(1L);
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = db.getTestDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private List<Integer> ints(String sql) throws SQLException {
    return strings(sql).stream().map(Integer::valueOf).toList();
  }

  private List<String> strings(String sql) throws SQLException {
    try (Connection c = db.getTestDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<String> values = new java.util.ArrayList<>();
      while (rs.next()) {
        values.add(rs.getString(1));
      }
      return values;
    }
  }
}
