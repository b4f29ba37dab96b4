package io.trawl.workflows.jobs;

/**
 * Which provider client a run uses; recorded on the run so demo data is never mistaken for real.
 *
 * @param provider the provider name, e.g. "brightdata"
 * @param mode "sandbox" (local fake, no credentials) or "real"
 */
public record ProviderRef(String provider, String mode) {
  public static final String SANDBOX = "sandbox";
  public static final String REAL = "real";

  public ProviderRef {
    if (!SANDBOX.equals(mode) && !REAL.equals(mode)) {
      throw new IllegalArgumentException("mode must be sandbox or real, got " + mode);
    }
  }
}
