package io.trawl.activities.providers.unlocker;

import java.util.Map;

/**
 * Where and as whom the Web Unlocker client talks, and through which zone.
 *
 * <p>{@link #toString()} masks the token; the token itself is only ever put in the {@code
 * Authorization} header.
 *
 * @param baseUrl API root, {@value #DEFAULT_BASE_URL} unless pointed elsewhere
 * @param token the account's API token (a dummy one when talking to the sandbox)
 * @param zone the Web Unlocker zone requests go through
 */
public record UnlockerConfig(String baseUrl, String token, String zone) {
  public static final String DEFAULT_BASE_URL = "https://api.brightdata.com";
  public static final String TOKEN_VARIABLE = "BRIGHTDATA_API_TOKEN";
  public static final String BASE_URL_VARIABLE = "BRIGHTDATA_BASE_URL";
  public static final String ZONE_VARIABLE = "BRIGHTDATA_UNLOCKER_ZONE";

  /** The zone the sandbox knows ({@code FakeUnlocker.ZONE}) and the default name of a new zone. */
  public static final String DEFAULT_ZONE = "web_unlocker1";

  /** The token sent to the sandbox; its presence is what marks a config as sandbox. */
  static final String SANDBOX_TOKEN = "sandbox-no-credentials";

  public UnlockerConfig {
    baseUrl = isBlank(baseUrl) ? DEFAULT_BASE_URL : stripTrailingSlash(baseUrl.strip());
    if (isBlank(token)) {
      throw new IllegalArgumentException(
          "Bright Data token is empty; set " + TOKEN_VARIABLE + " or use the sandbox");
    }
    token = token.strip();
    zone = isBlank(zone) ? DEFAULT_ZONE : zone.strip();
  }

  /**
   * Reads {@value #TOKEN_VARIABLE}, {@value #BASE_URL_VARIABLE} and {@value #ZONE_VARIABLE}; the
   * variable wins over {@code configuredZone} ({@code market.bright_data.zone}). Without a token
   * the client talks to the sandbox at {@code sandboxBaseUrl} with a dummy token, so nobody pays
   * for a demo.
   */
  public static UnlockerConfig fromEnvironment(
      Map<String, String> env, String configuredZone, String sandboxBaseUrl) {
    String zone = isBlank(env.get(ZONE_VARIABLE)) ? configuredZone : env.get(ZONE_VARIABLE);
    String token = env.get(TOKEN_VARIABLE);
    if (!isBlank(token)) {
      return new UnlockerConfig(env.get(BASE_URL_VARIABLE), token, zone);
    }
    if (isBlank(sandboxBaseUrl)) {
      throw new IllegalStateException(
          TOKEN_VARIABLE + " is not set and no Bright Data Unlocker sandbox is running");
    }
    return sandbox(sandboxBaseUrl, zone);
  }

  public static UnlockerConfig sandbox(String sandboxBaseUrl, String zone) {
    return new UnlockerConfig(sandboxBaseUrl, SANDBOX_TOKEN, zone);
  }

  /** True when no real token was given: quotes record that they are sandbox data. */
  public boolean isSandbox() {
    return SANDBOX_TOKEN.equals(token);
  }

  @Override
  public String toString() {
    return "UnlockerConfig[baseUrl="
        + baseUrl
        + ", token="
        + (isSandbox() ? "sandbox" : "***")
        + ", zone="
        + zone
        + "]";
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
