package io.trawl.activities.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trawl.activities.store.Jdbc;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code api_cache} table: provider answers worth keeping (a pharmacy search's places, a market
 * quote), shared by every pipeline. An entry past {@code expires_at} is a miss.
 */
public final class ApiCacheRepository {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String SELECT_FRESH =
      """
      SELECT value::text, created_at, expires_at FROM api_cache
      WHERE key = ? AND (expires_at IS NULL OR expires_at > ?)
      """;

  private static final String UPSERT =
      """
      INSERT INTO api_cache (key, provider, value, created_at, expires_at)
      VALUES (?, ?, ?::jsonb, ?, ?)
      ON CONFLICT (key) DO UPDATE
        SET provider = EXCLUDED.provider, value = EXCLUDED.value,
            created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
      """;

  // LIKE with the prefix's own wildcards escaped: a prefix is text, never a pattern.
  private static final String LIST =
      """
      SELECT key, provider, created_at, expires_at, octet_length(value::text) AS bytes,
             CASE WHEN jsonb_typeof(value) = 'array' THEN jsonb_array_length(value) END AS items
      FROM api_cache WHERE key LIKE ? ESCAPE '\\' ORDER BY key
      """;

  private static final String DELETE_PREFIX = "DELETE FROM api_cache WHERE key LIKE ? ESCAPE '\\'";
  private static final String DELETE_EXPIRED =
      "DELETE FROM api_cache WHERE expires_at IS NOT NULL AND expires_at <= ?";
  private static final String DELETE_EXPIRED_PREFIX =
      "DELETE FROM api_cache WHERE key LIKE ? ESCAPE '\\' AND expires_at IS NOT NULL"
          + " AND expires_at <= ?";
  private static final String DELETE_KEY = "DELETE FROM api_cache WHERE key = ?";

  private final Jdbc jdbc;

  public ApiCacheRepository(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /** A fresh entry's stored value; empty when missing or expired at {@code now}. */
  public Optional<CachedValue> fresh(String key, Instant now) {
    return jdbc.query(
        "read cache entry " + key,
        SELECT_FRESH,
        ps -> {
          ps.setString(1, key);
          ps.setTimestamp(2, Timestamp.from(now));
        },
        rs -> {
          if (!rs.next()) {
            return Optional.empty();
          }
          Timestamp expires = rs.getTimestamp(3);
          return Optional.of(
              new CachedValue(
                  key,
                  rs.getString(1),
                  rs.getTimestamp(2).toInstant(),
                  expires == null ? null : expires.toInstant()));
        });
  }

  /** Writes or replaces an entry that expires at {@code expiresAt} (null: never). */
  public void put(String key, String provider, JsonNode value, Instant now, Instant expiresAt) {
    String text;
    try {
      text = JSON.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalArgumentException("cache value for " + key + " is not JSON", e);
    }
    jdbc.update(
        "write cache entry " + key,
        UPSERT,
        ps -> {
          ps.setString(1, key);
          ps.setString(2, provider);
          ps.setString(3, text);
          ps.setTimestamp(4, Timestamp.from(now));
          ps.setTimestamp(5, expiresAt == null ? null : Timestamp.from(expiresAt));
        });
  }

  public void delete(String key) {
    jdbc.update("delete cache entry " + key, DELETE_KEY, ps -> ps.setString(1, key));
  }

  /** Entries whose key starts with {@code prefix} (all when empty), by key. */
  public List<CacheEntry> list(String prefix) {
    return jdbc.query(
        "list cache entries",
        LIST,
        ps -> ps.setString(1, likePrefix(prefix)),
        rs -> {
          List<CacheEntry> entries = new ArrayList<>();
          while (rs.next()) {
            Timestamp expires = rs.getTimestamp("expires_at");
            long items = rs.getLong("items");
            entries.add(
                new CacheEntry(
                    rs.getString("key"),
                    rs.getString("provider"),
                    rs.getTimestamp("created_at").toInstant(),
                    expires == null ? null : expires.toInstant(),
                    rs.getLong("bytes"),
                    rs.wasNull() ? null : items));
          }
          return entries;
        });
  }

  /** Deletes entries whose key starts with {@code prefix}; returns how many. */
  public int clear(String prefix) {
    return jdbc.update(
        "clear cache entries", DELETE_PREFIX, ps -> ps.setString(1, likePrefix(prefix)));
  }

  /** Deletes entries expired at {@code now}; returns how many. */
  public int clearExpired(Instant now) {
    return jdbc.update(
        "clear expired cache entries",
        DELETE_EXPIRED,
        ps -> ps.setTimestamp(1, Timestamp.from(now)));
  }

  /** Deletes entries under {@code prefix} expired at {@code now}; returns how many. */
  public int clearExpired(String prefix, Instant now) {
    return jdbc.update(
        "clear expired cache entries under " + prefix,
        DELETE_EXPIRED_PREFIX,
        ps -> {
          ps.setString(1, likePrefix(prefix));
          ps.setTimestamp(2, Timestamp.from(now));
        });
  }

  private static String likePrefix(String prefix) {
    String text = prefix == null ? "" : prefix;
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  /** A stored value as text: the caller decides whether it has the right shape. */
  public record CachedValue(String key, String json, Instant createdAt, Instant expiresAt) {}

  /** One row of {@code trawl cache list}. */
  public record CacheEntry(
      String key, String provider, Instant createdAt, Instant expiresAt, long bytes, Long items) {}
}
