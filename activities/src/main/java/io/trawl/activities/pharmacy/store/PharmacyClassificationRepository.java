package io.trawl.activities.pharmacy.store;

import io.trawl.activities.pharmacy.Classification;
import io.trawl.activities.store.Jdbc;
import io.trawl.workflows.pharmacy.ClassificationResult;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The classification columns of {@code pharmacies} as the LLM fallback reads and writes them, and
 * the stage's counts over a run's places.
 */
public final class PharmacyClassificationRepository {
  private static final String FOR_LLM =
      """
      SELECT p.place_key FROM pharmacy_run_places rp JOIN pharmacies p USING (place_key)
      WHERE rp.run_id = ? AND p.place_key > ? AND p.class_source = ?
        AND p.confidence < ? AND NOT coalesce(p.is_compounding, false)
      ORDER BY p.place_key LIMIT ?
      """;

  private static final String READ =
      """
      SELECT name, address, category, categories, classification, is_chain, is_compounding,
             is_veterinary, confidence, rule, class_source
      FROM pharmacies WHERE place_key = ?
      """;

  private static final String COUNTS =
      """
      SELECT count(*) FILTER (WHERE p.classification = 'chain'),
             count(*) FILTER (WHERE p.classification = 'independent'),
             count(*) FILTER (WHERE p.classification = 'hospital'),
             count(*) FILTER (WHERE p.classification = 'not_pharmacy'),
             count(*) FILTER (WHERE p.is_compounding),
             count(*) FILTER (WHERE p.is_veterinary)
      FROM pharmacy_run_places rp JOIN pharmacies p USING (place_key) WHERE rp.run_id = ?
      """;

  private final Jdbc jdbc;

  public PharmacyClassificationRepository(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /** A place as the LLM is told about it, with the label it has now. */
  public record LabelledPlace(
      String placeKey,
      String name,
      String address,
      List<String> categories,
      Classification classification) {}

  /** Up to {@code limit} keys after {@code afterKey} the rules labelled below {@code below}. */
  public List<String> unsure(long runId, double below, String afterKey, int limit) {
    return jdbc.query(
        "list places for the LLM in run " + runId,
        FOR_LLM,
        ps -> {
          ps.setLong(1, runId);
          ps.setString(2, afterKey == null ? "" : afterKey);
          ps.setString(3, Classification.RULES);
          ps.setDouble(4, below);
          ps.setInt(5, limit);
        },
        rs -> {
          List<String> keys = new ArrayList<>();
          while (rs.next()) {
            keys.add(rs.getString(1));
          }
          return keys;
        });
  }

  /** The place and its current label; empty when it is missing or was never classified. */
  public Optional<LabelledPlace> read(String placeKey) {
    return jdbc.query(
        "read classification of " + placeKey,
        READ,
        ps -> ps.setString(1, placeKey),
        rs -> rs.next() ? labelled(placeKey, rs) : Optional.empty());
  }

  public void set(String placeKey, Classification c) {
    jdbc.update(
        "store classification of " + placeKey,
        PharmacyRepository.SET_CLASSIFICATION,
        ps -> PharmacyRepository.bindClassification(ps, placeKey, c));
  }

  /** The run's label counts, in the stage's shape. */
  public ClassificationResult counts(Connection tx, long runId, int llmCalls) throws SQLException {
    try (PreparedStatement ps = tx.prepareStatement(COUNTS)) {
      ps.setLong(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new ClassificationResult(
            rs.getInt(1),
            rs.getInt(2),
            rs.getInt(3),
            rs.getInt(4),
            rs.getInt(5),
            rs.getInt(6),
            llmCalls,
            0);
      }
    }
  }

  private static Optional<LabelledPlace> labelled(String placeKey, ResultSet rs)
      throws SQLException {
    String label = rs.getString("classification");
    if (label == null) {
      return Optional.empty();
    }
    List<String> categories = new ArrayList<>();
    String category = rs.getString("category");
    if (category != null) {
      categories.add(category);
    }
    Array array = rs.getArray("categories");
    if (array != null) {
      for (String c : Arrays.asList((String[]) array.getArray())) {
        if (!categories.contains(c)) {
          categories.add(c);
        }
      }
    }
    return Optional.of(
        new LabelledPlace(
            placeKey,
            rs.getString("name"),
            rs.getString("address"),
            List.copyOf(categories),
            new Classification(
                label,
                rs.getBoolean("is_chain"),
                rs.getBoolean("is_compounding"),
                rs.getBoolean("is_veterinary"),
                rs.getDouble("confidence"),
                rs.getString("rule"),
                rs.getString("class_source"))));
  }
}
