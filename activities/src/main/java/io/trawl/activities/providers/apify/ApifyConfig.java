package io.trawl.activities.providers.apify;

import io.trawl.activities.providers.ProviderText;
import java.util.Map;

/**
 * Where and as whom the Apify client talks. {@link #toString()} masks the token, which only ever
 * goes into the {@code Authorization} header.
 *
 * @param baseUrl API root, {@value #DEFAULT_BASE_URL} unless pointed elsewhere
 * @param token the API token (a dummy one for the sandbox)
 */
public record ApifyConfig(String baseUrl, String token) {
  public static final String DEFAULT_BASE_URL = "https://api.apify.com/v2";
  public static final String TOKEN_VARIABLE = "APIFY_TOKEN";
  public static final String BASE_URL_VARIABLE = "APIFY_BASE_URL";

  /** The token sent to the sandbox; its presence is what marks a config as sandbox. */
  static final String SANDBOX_TOKEN = "sandbox-no-credentials";

  public ApifyConfig {
    baseUrl = ProviderText.baseUrl(baseUrl, DEFAULT_BASE_URL);
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException(
          "Apify token is empty; set " + TOKEN_VARIABLE + " or use the sandbox");
    }
    token = token.strip();
  }

  /**
   * Reads {@value #TOKEN_VARIABLE} and optional {@value #BASE_URL_VARIABLE}. Without a token the
   * client talks to the sandbox at {@code sandboxBaseUrl}, so nobody pays for a demo.
   */
  public static ApifyConfig fromEnvironment(Map<String, String> env, String sandboxBaseUrl) {
    String token = env.get(TOKEN_VARIABLE);
    if (token != null && !token.isBlank()) {
      return new ApifyConfig(env.get(BASE_URL_VARIABLE), token);
    }
    if (sandboxBaseUrl == null || sandboxBaseUrl.isBlank()) {
      throw new IllegalStateException(
          TOKEN_VARIABLE + " is not set and no Apify sandbox is running");
    }
    return sandbox(sandboxBaseUrl);
  }

  public static ApifyConfig sandbox(String sandboxBaseUrl) {
    return new ApifyConfig(sandboxBaseUrl, SANDBOX_TOKEN);
  }

  /** True when no real token was given: runs record {@code provider: sandbox}. */
  public boolean isSandbox() {
    return SANDBOX_TOKEN.equals(token);
  }

  @Override
  public String toString() {
    return "ApifyConfig[baseUrl=" + baseUrl + ", token=" + (isSandbox() ? "sandbox" : "***") + "]";
  }
}
