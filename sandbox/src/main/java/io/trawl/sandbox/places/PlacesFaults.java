package io.trawl.sandbox.places;

import io.trawl.sandbox.CommonFaults;

/**
 * Faults {@link FakePlaces} injects (PROVIDERS.md §8, Google).
 *
 * @param common latency, 5xx, HTML, truncated and reset bodies
 * @param resourceExhausted requests answered 429 RESOURCE_EXHAUSTED
 * @param retryDelay the {@code RetryInfo.retryDelay} those carry ("2s"); null leaves RetryInfo out
 * @param permissionDenied every request answers 403 PERMISSION_DENIED (API disabled, no billing)
 * @param apiKeyInvalid every request answers 400 INVALID_ARGUMENT with reason API_KEY_INVALID
 * @param quotaPerSecond when set, a request beyond this many in one second answers 429, as a
 *     per-project quota does; null for no quota
 */
public record PlacesFaults(
    CommonFaults common,
    int resourceExhausted,
    String retryDelay,
    boolean permissionDenied,
    boolean apiKeyInvalid,
    Integer quotaPerSecond) {

  public PlacesFaults {
    if (common == null) {
      throw new IllegalArgumentException("common faults are required (CommonFaults.none())");
    }
    if (resourceExhausted < 0) {
      throw new IllegalArgumentException(
          "resourceExhausted must be 0 or more, got " + resourceExhausted);
    }
    if (quotaPerSecond != null && quotaPerSecond < 1) {
      throw new IllegalArgumentException("quotaPerSecond must be 1 or more, got " + quotaPerSecond);
    }
  }

  public static PlacesFaults none() {
    return new PlacesFaults(CommonFaults.none(), 0, null, false, false, null);
  }

  public PlacesFaults withCommon(CommonFaults faults) {
    return new PlacesFaults(
        faults, resourceExhausted, retryDelay, permissionDenied, apiKeyInvalid, quotaPerSecond);
  }

  /** {@code times} × 429 RESOURCE_EXHAUSTED, with {@code delay} ("2s") as RetryInfo or none. */
  public PlacesFaults withResourceExhausted(int times, String delay) {
    return new PlacesFaults(common, times, delay, permissionDenied, apiKeyInvalid, quotaPerSecond);
  }

  public PlacesFaults withPermissionDenied(boolean on) {
    return new PlacesFaults(
        common, resourceExhausted, retryDelay, on, apiKeyInvalid, quotaPerSecond);
  }

  public PlacesFaults withApiKeyInvalid(boolean on) {
    return new PlacesFaults(
        common, resourceExhausted, retryDelay, permissionDenied, on, quotaPerSecond);
  }

  public PlacesFaults withQuotaPerSecond(Integer perSecond) {
    return new PlacesFaults(
        common, resourceExhausted, retryDelay, permissionDenied, apiKeyInvalid, perSecond);
  }
}
