package io.trawl.activities.pharmacy;

import java.util.Locale;

/**
 * The original's verification score: 0.7 × name similarity + 0.3 × distance score, where the
 * distance score falls from 1 at the same point to 0 at 500 m (1 when a side has no coordinates),
 * and a match is verified at 0.6 or more.
 */
public final class VerificationScorer {
  public static final double DEFAULT_THRESHOLD = 0.6;
  private static final double NAME_WEIGHT = 0.7;
  private static final double DISTANCE_WEIGHT = 0.3;
  private static final double FULL_DISTANCE_METRES = 500.0;
  private static final double EARTH_RADIUS_METRES = 6_371_000.0;

  private final double threshold;

  public VerificationScorer(double threshold) {
    if (threshold < 0 || threshold > 1) {
      throw new IllegalArgumentException(
          "verification threshold must be within 0..1: " + threshold);
    }
    this.threshold = threshold;
  }

  /** The score of a candidate, rounded to 3 decimals as the original stored it. */
  public Score score(
      String name, Double lat, Double lng, String candidateName, Double candLat, Double candLng) {
    double nameScore = similarity(name, candidateName);
    double distanceScore = 1.0;
    if (lat != null && lng != null && candLat != null && candLng != null) {
      distanceScore = Math.max(0, 1 - metres(lat, lng, candLat, candLng) / FULL_DISTANCE_METRES);
    }
    double confidence =
        Math.round((NAME_WEIGHT * nameScore + DISTANCE_WEIGHT * distanceScore) * 1000) / 1000.0;
    return new Score(confidence, confidence >= threshold);
  }

  /** The score and whether it verifies. */
  public record Score(double confidence, boolean verified) {}

  /**
   * Ratcliff/Obershelp similarity (what Python's {@code difflib.SequenceMatcher.ratio} computes,
   * without its junk heuristic): twice the matched characters over both lengths, ignoring case.
   */
  static double similarity(String a, String b) {
    if (a == null || b == null) {
      return 0;
    }
    String x = a.toLowerCase(Locale.ROOT);
    String y = b.toLowerCase(Locale.ROOT);
    if (x.isEmpty() && y.isEmpty()) {
      return 1;
    }
    return 2.0 * matched(x, 0, x.length(), y, 0, y.length()) / (x.length() + y.length());
  }

  private static int matched(String x, int xFrom, int xTo, String y, int yFrom, int yTo) {
    int best = 0;
    int bestX = xFrom;
    int bestY = yFrom;
    // Longest common substring by dynamic programming over the two windows.
    int[] previous = new int[yTo - yFrom + 1];
    for (int i = xFrom; i < xTo; i++) {
      int[] current = new int[yTo - yFrom + 1];
      for (int j = yFrom; j < yTo; j++) {
        if (x.charAt(i) == y.charAt(j)) {
          int length = previous[j - yFrom] + 1;
          current[j - yFrom + 1] = length;
          if (length > best) {
            best = length;
            bestX = i - length + 1;
            bestY = j - length + 1;
          }
        }
      }
      previous = current;
    }
    if (best == 0) {
      return 0;
    }
    return best
        + matched(x, xFrom, bestX, y, yFrom, bestY)
        + matched(x, bestX + best, xTo, y, bestY + best, yTo);
  }

  static double metres(double lat1, double lng1, double lat2, double lng2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLng = Math.toRadians(lng2 - lng1);
    double h =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2))
                * Math.sin(dLng / 2)
                * Math.sin(dLng / 2);
    return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
  }
}
