package io.trawl.activities.providers.brightdata;

import java.util.Map;

/**
 * Where and as whom the Bright Data client talks.
 *
 * <p>{@link #toString()} masks the token; the token itself is only ever put in the {@code
 * Authorization} header.
 *
 * @param baseUrl API root, {@value #DEFAULT_BASE_URL} unless pointed elsewhere
 * @param token the API key (a dummy one when talking to the sandbox)
 * @param datasetId the LinkedIn job listings dataset, {@value #DEFAULT_DATASET_ID} by default
 */
public record BrightDataConfig(String baseUrl, String token, String datasetId) {
  public static final String DEFAULT_BASE_URL = "https://api.brightdata.com";
  public static final String DEFAULT_DATASET_ID = "gd_lpfll7v5hcqtkxl6l";
  public static final String TOKEN_VARIABLE = "BRIGHTDATA_API_TOKEN";
  public static final String BASE_URL_VARIABLE = "BRIGHTDATA_BASE_URL";
  public static final String DATASET_VARIABLE = "BRIGHTDATA_DATASET_ID";

  /** The token sent to the sandbox; its presence is what marks a config as sandbox. */
  static final String SANDBOX_TOKEN = "sandbox-no-credentials";

  public BrightDataConfig {
    baseUrl = isBlank(baseUrl) ? DEFAULT_BASE_URL : stripTrailingSlash(baseUrl.strip());
    datasetId = isBlank(datasetId) ? DEFAULT_DATASET_ID : datasetId.strip();
    if (isBlank(token)) {
      throw new IllegalArgumentException(
          "Bright Data token is empty; set " + TOKEN_VARIABLE + " or use the sandbox");
    }
    token = token.strip();
  }

  /**
   * Reads {@value #TOKEN_VARIABLE} (and optional {@value #BASE_URL_VARIABLE}, {@value
   * #DATASET_VARIABLE}). Without a token the client talks to the sandbox at {@code sandboxBaseUrl}
   * with a dummy token, so nobody pays for a demo.
   */
  public static BrightDataConfig fromEnvironment(Map<String, String> env, String sandboxBaseUrl) {
    String token = env.get(TOKEN_VARIABLE);
    String datasetId = env.get(DATASET_VARIABLE);
    if (!isBlank(token)) {
      return new BrightDataConfig(env.get(BASE_URL_VARIABLE), token, datasetId);
    }
    if (isBlank(sandboxBaseUrl)) {
      throw new IllegalStateException(
          TOKEN_VARIABLE + " is not set and no Bright Data sandbox is running");
    }
    return sandbox(sandboxBaseUrl, datasetId);
  }

  public static BrightDataConfig sandbox(String sandboxBaseUrl) {
    return sandbox(sandboxBaseUrl, null);
  }

  private static BrightDataConfig sandbox(String sandboxBaseUrl, String datasetId) {
    return new BrightDataConfig(sandboxBaseUrl, SANDBOX_TOKEN, datasetId);
  }

  /** True when no real token was given: runs record {@code provider: sandbox}. */
  public boolean isSandbox() {
    return SANDBOX_TOKEN.equals(token);
  }

  @Override
  public String toString() {
    return "BrightDataConfig[baseUrl="
        + baseUrl
        + ", token="
        + (isSandbox() ? "sandbox" : "***")
        + ", datasetId="
        + datasetId
        + "]";
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
