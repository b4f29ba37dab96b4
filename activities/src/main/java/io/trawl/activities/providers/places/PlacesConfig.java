package io.trawl.activities.providers.places;

import io.trawl.activities.providers.ProviderText;
import java.util.Map;

/**
 * Where and with which key the Places client talks. {@link #toString()} masks the key, which only
 * ever goes into the {@code X-Goog-Api-Key} header.
 *
 * @param baseUrl API root, {@value #DEFAULT_BASE_URL} unless pointed elsewhere
 * @param apiKey the API key (a dummy one for the sandbox)
 */
public record PlacesConfig(String baseUrl, String apiKey) {
  public static final String DEFAULT_BASE_URL = "https://places.googleapis.com/v1";
  public static final String KEY_VARIABLE = "GOOGLE_PLACES_API_KEY";
  public static final String BASE_URL_VARIABLE = "GOOGLE_PLACES_BASE_URL";

  static final String SANDBOX_KEY = "sandbox-no-credentials";

  public PlacesConfig {
    baseUrl = ProviderText.baseUrl(baseUrl, DEFAULT_BASE_URL);
    if (apiKey == null || apiKey.isBlank()) {
      throw new IllegalArgumentException(
          "Google Places API key is empty; set " + KEY_VARIABLE + " or use the sandbox");
    }
    apiKey = apiKey.strip();
  }

  /**
   * Reads {@value #KEY_VARIABLE} and optional {@value #BASE_URL_VARIABLE}; without a key the client
   * talks to the sandbox at {@code sandboxBaseUrl}.
   */
  public static PlacesConfig fromEnvironment(Map<String, String> env, String sandboxBaseUrl) {
    String key = env.get(KEY_VARIABLE);
    if (key != null && !key.isBlank()) {
      return new PlacesConfig(env.get(BASE_URL_VARIABLE), key);
    }
    if (sandboxBaseUrl == null || sandboxBaseUrl.isBlank()) {
      throw new IllegalStateException(
          KEY_VARIABLE + " is not set and no Places sandbox is running");
    }
    return sandbox(sandboxBaseUrl);
  }

  public static PlacesConfig sandbox(String sandboxBaseUrl) {
    return new PlacesConfig(sandboxBaseUrl, SANDBOX_KEY);
  }

  public boolean isSandbox() {
    return SANDBOX_KEY.equals(apiKey);
  }

  @Override
  public String toString() {
    return "PlacesConfig[baseUrl="
        + baseUrl
        + ", apiKey="
        + (isSandbox() ? "sandbox" : "***")
        + "]";
  }
}
