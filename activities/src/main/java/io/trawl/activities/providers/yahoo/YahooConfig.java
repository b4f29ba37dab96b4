package io.trawl.activities.providers.yahoo;

import java.util.Map;

/**
 * Where the Yahoo chart client talks. Yahoo needs no key, so what marks the sandbox is the absence
 * of {@value #BASE_URL_VARIABLE}: a demo never reaches the real site unasked.
 *
 * @param baseUrl API root without a trailing slash, {@value #DEFAULT_BASE_URL} for the real site
 * @param sandbox true when {@code baseUrl} is the local sandbox
 */
public record YahooConfig(String baseUrl, boolean sandbox) {
  public static final String DEFAULT_BASE_URL = "https://query2.finance.yahoo.com";
  public static final String BASE_URL_VARIABLE = "YAHOO_BASE_URL";

  public YahooConfig {
    baseUrl = baseUrl == null || baseUrl.isBlank() ? DEFAULT_BASE_URL : baseUrl.strip();
    if (baseUrl.endsWith("/")) {
      baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
    }
  }

  /**
   * {@value #BASE_URL_VARIABLE} when set (the real {@value #DEFAULT_BASE_URL}, a proxy or a
   * recorder); else the sandbox at {@code sandboxBaseUrl}; else the real site.
   */
  public static YahooConfig fromEnvironment(Map<String, String> env, String sandboxBaseUrl) {
    String configured = env.get(BASE_URL_VARIABLE);
    if (configured != null && !configured.isBlank()) {
      return new YahooConfig(configured, false);
    }
    if (sandboxBaseUrl != null && !sandboxBaseUrl.isBlank()) {
      return sandbox(sandboxBaseUrl);
    }
    return new YahooConfig(DEFAULT_BASE_URL, false);
  }

  public static YahooConfig sandbox(String sandboxBaseUrl) {
    return new YahooConfig(sandboxBaseUrl, true);
  }
}
