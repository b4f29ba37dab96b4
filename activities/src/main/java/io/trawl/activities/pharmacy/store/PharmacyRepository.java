package io.trawl.activities.pharmacy.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trawl.activities.pharmacy.Classification;
import io.trawl.activities.pharmacy.PlaceDeduper.UniquePlace;
import io.trawl.activities.providers.apify.ApifyPlace;
import io.trawl.activities.store.Jdbc;
import io.trawl.workflows.pharmacy.PharmacySearch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code pharmacies} table (one row per place across runs) and {@code pharmacy_run_places}
 * (which places a run saw).
 *
 * <p>An upsert keeps the fuller record and adds the run's searches to the ones already known;
 * classification and verification results stay until a later stage rewrites them.
 */
public final class PharmacyRepository {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String UPSERT_PLACE =
      """
      INSERT INTO pharmacies AS p
        (place_key, place_id, name, address, city, state, postal_code, country_code, phone,
         website, latitude, longitude, category, categories, business_status, searches, fields,
         item)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb)
      ON CONFLICT (place_key) DO UPDATE SET
        name = CASE WHEN EXCLUDED.fields >= p.fields THEN EXCLUDED.name ELSE p.name END,
        address = CASE WHEN EXCLUDED.fields >= p.fields THEN EXCLUDED.address ELSE p.address END,
        city = CASE WHEN EXCLUDED.fields >= p.fields THEN EXCLUDED.city ELSE p.city END,
        state = CASE WHEN EXCLUDED.fields >= p.fields THEN EXCLUDED.state ELSE p.state END,
        postal_code =
          CASE WHEN EXCLUDED.fields >= p.fields THEN EXCLUDED.postal_code ELSE p.postal_code END,
        country_code =
          CASE WHEN EXCLUDED.fields >= p.fields THEN EXCLUDED.country_code ELSE p.country_code END,
        phone = CASE WHEN EXCLUDED.fields >= p.fields THEN EXCLUDED.phone ELSE p.phone END,
        website = CASE WHEN EXCLUDED.fields >= p.fields THEN EXCLUDED.website ELSE p.website END,
        latitude = CASE WHEN EXCLUDED.fields >= p.fields THEN EXCLUDED.latitude ELSE p.latitude END,
        longitude =
          CASE WHEN EXCLUDED.fields >= p.fields THEN EXCLUDED.longitude ELSE p.longitude END,
        category = CASE WHEN EXCLUDED.fields >= p.fields THEN EXCLUDED.category ELSE p.category END,
        categories =
          CASE WHEN EXCLUDED.fields >= p.fields THEN EXCLUDED.categories ELSE p.categories END,
        item = CASE WHEN EXCLUDED.fields >= p.fields THEN EXCLUDED.item ELSE p.item END,
        fields = greatest(EXCLUDED.fields, p.fields),
        -- Apify's closed flags stand until a verification has spoken.
        business_status =
          CASE WHEN p.verified_at IS NULL THEN EXCLUDED.business_status ELSE p.business_status END,
        searches = (SELECT coalesce(jsonb_agg(DISTINCT s), '[]'::jsonb)
                    FROM jsonb_array_elements(p.searches || EXCLUDED.searches) s),
        last_seen_at = now()
      """;

  private static final String LINK_RUN =
      """
      INSERT INTO pharmacy_run_places (run_id, place_key) VALUES (?, ?)
      ON CONFLICT DO NOTHING
      """;

  private static final String RUN_PLACES =
      """
      SELECT p.place_key, p.item::text FROM pharmacy_run_places rp JOIN pharmacies p USING (place_key)
      WHERE rp.run_id = ? ORDER BY p.place_key
      """;

  static final String SET_CLASSIFICATION =
      """
      UPDATE pharmacies SET classification = ?, is_chain = ?, is_compounding = ?, is_veterinary = ?,
        confidence = ?, rule = ?, class_source = ?
      WHERE place_key = ?
      """;

  private static final String TO_VERIFY =
      """
      SELECT p.place_key FROM pharmacy_run_places rp JOIN pharmacies p USING (place_key)
      JOIN pharmacy_runs r ON r.id = rp.run_id
      WHERE rp.run_id = ? AND p.place_key > ?
        AND (p.verified_at IS NULL OR (? AND p.verified_at < r.started_at))
      ORDER BY p.place_key LIMIT ?
      """;

  private static final String FOR_VERIFICATION =
      """
      SELECT name, address, latitude, longitude, verified_at, verified, verification_confidence,
             business_status
      FROM pharmacies WHERE place_key = ?
      """;

  private static final String SET_VERIFICATION =
      """
      UPDATE pharmacies SET verified = ?, verification_confidence = ?, matched_place_id = ?,
        business_status = coalesce(?, business_status), verified_at = now()
      WHERE place_key = ?
      """;

  private final Jdbc jdbc;

  public PharmacyRepository(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /** Upserts the run's deduplicated places and links them to the run, on the caller's tx. */
  public void upsertPlaces(Connection tx, long runId, List<UniquePlace> places)
      throws SQLException {
    try (PreparedStatement upsert = tx.prepareStatement(UPSERT_PLACE);
        PreparedStatement link = tx.prepareStatement(LINK_RUN)) {
      int pending = 0;
      for (UniquePlace unique : places) {
        bindPlace(tx, upsert, unique);
        upsert.addBatch();
        link.setLong(1, runId);
        link.setString(2, unique.key());
        link.addBatch();
        if (++pending == 500) {
          upsert.executeBatch();
          link.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        upsert.executeBatch();
        link.executeBatch();
      }
    }
  }

  /** Hands every place of the run (key and stored item) to {@code reader}. */
  public void forEachRunPlace(Connection tx, long runId, PlaceReader reader) throws SQLException {
    try (PreparedStatement ps = tx.prepareStatement(RUN_PLACES)) {
      ps.setLong(1, runId);
      ps.setFetchSize(500);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          reader.read(rs.getString(1), rs.getString(2));
        }
      }
    }
  }

  /** Batches a classification for {@code placeKey}; the caller executes the batch. */
  public static void bindClassification(PreparedStatement ps, String placeKey, Classification c)
      throws SQLException {
    ps.setString(1, c.label());
    ps.setBoolean(2, c.chain());
    ps.setBoolean(3, c.compounding());
    ps.setBoolean(4, c.veterinary());
    ps.setDouble(5, Math.round(c.confidence() * 1000) / 1000.0);
    ps.setString(6, c.rule());
    ps.setString(7, c.source());
    ps.setString(8, placeKey);
  }

  public PreparedStatement prepareClassification(Connection tx) throws SQLException {
    return tx.prepareStatement(SET_CLASSIFICATION);
  }

  public List<String> toVerify(long runId, boolean all, String afterKey, int limit) {
    return jdbc.query(
        "list places to verify for run " + runId,
        TO_VERIFY,
        ps -> {
          ps.setLong(1, runId);
          ps.setString(2, afterKey == null ? "" : afterKey);
          ps.setBoolean(3, all);
          ps.setInt(4, limit);
        },
        rs -> {
          List<String> keys = new ArrayList<>();
          while (rs.next()) {
            keys.add(rs.getString(1));
          }
          return keys;
        });
  }

  /** What verification needs of a place, and its verdict if it has one. */
  public Optional<PlaceToVerify> forVerification(String placeKey) {
    return jdbc.query(
        "read place " + placeKey,
        FOR_VERIFICATION,
        ps -> ps.setString(1, placeKey),
        rs -> {
          if (!rs.next()) {
            return Optional.empty();
          }
          var verifiedAt = rs.getTimestamp("verified_at");
          return Optional.of(
              new PlaceToVerify(
                  placeKey,
                  rs.getString("name"),
                  rs.getString("address"),
                  (Double) rs.getObject("latitude"),
                  (Double) rs.getObject("longitude"),
                  verifiedAt == null ? null : verifiedAt.toInstant(),
                  rs.getBoolean("verified"),
                  rs.getDouble("verification_confidence"),
                  rs.getString("business_status")));
        });
  }

  public void setVerification(
      String placeKey,
      boolean verified,
      double confidence,
      String matchedPlaceId,
      String businessStatus) {
    jdbc.update(
        "store verification of " + placeKey,
        SET_VERIFICATION,
        ps -> {
          ps.setBoolean(1, verified);
          ps.setDouble(2, confidence);
          ps.setString(3, matchedPlaceId);
          ps.setString(4, businessStatus);
          ps.setString(5, placeKey);
        });
  }

  private static void bindPlace(Connection tx, PreparedStatement ps, UniquePlace unique)
      throws SQLException {
    ApifyPlace place = unique.place();
    ps.setString(1, unique.key());
    ps.setString(2, place.placeId());
    ps.setString(3, place.title());
    ps.setString(4, place.address());
    ps.setString(5, place.city());
    ps.setString(6, place.state());
    ps.setString(7, place.postalCode());
    ps.setString(8, place.countryCode());
    ps.setString(9, place.dialPhone());
    ps.setString(10, place.website());
    setDouble(ps, 11, place.latitude());
    setDouble(ps, 12, place.longitude());
    ps.setString(13, place.categoryName());
    ps.setArray(14, tx.createArrayOf("text", place.allCategories().toArray()));
    ps.setString(15, place.businessStatus());
    ps.setString(16, searchesJson(unique.searches()));
    ps.setInt(17, unique.fields());
    ps.setString(18, unique.raw().toString());
  }

  private static void setDouble(PreparedStatement ps, int index, Double value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.DOUBLE);
    } else {
      ps.setDouble(index, value);
    }
  }

  private static String searchesJson(List<PharmacySearch> searches) {
    try {
      return JSON.writeValueAsString(searches);
    } catch (Exception e) {
      throw new IllegalStateException("cannot write searches as JSON", e);
    }
  }

  /** Receives one place of a run. */
  @FunctionalInterface
  public interface PlaceReader {
    void read(String placeKey, String itemJson) throws SQLException;
  }

  /** A place as verification reads it. */
  public record PlaceToVerify(
      String placeKey,
      String name,
      String address,
      Double latitude,
      Double longitude,
      java.time.Instant verifiedAt,
      boolean verified,
      double confidence,
      String businessStatus) {
    public String query() {
      return address != null && !address.isBlank() ? address : name;
    }
  }
}
