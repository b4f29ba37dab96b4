package io.trawl.activities.etl;

import io.trawl.workflows.common.Failures;
import io.trawl.workflows.etl.EtlSource;
import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * Turns a configured source URL into the URL to fetch. Only http and https are fetched; {@code
 * sandbox://files/<name>} names a file on the sandbox file server this worker started, whose port
 * is only known at run time, so the manifest keeps the {@code sandbox://} form.
 */
public final class SourceUrls {
  public static final String SANDBOX_PREFIX = "sandbox://files/";

  private final String sandboxBaseUrl;

  /**
   * @param sandboxBaseUrl base URL of the running sandbox file server ({@code
   *     http://127.0.0.1:<port>}), or null when this worker has none
   */
  public SourceUrls(String sandboxBaseUrl) {
    this.sandboxBaseUrl = sandboxBaseUrl;
  }

  /**
   * @throws io.temporal.failure.ApplicationFailure non-retryable {@code InvalidInput} naming the
   *     source and the URL when it is not http(s) or names the sandbox without one
   */
  public HttpUrl resolve(EtlSource source) {
    String url = source.url().strip();
    if (url.toLowerCase(Locale.ROOT).startsWith(SANDBOX_PREFIX)) {
      if (sandboxBaseUrl == null) {
        throw Failures.invalidInput(
            "etl source \""
                + source.id()
                + "\": "
                + url
                + " needs the sandbox file server, which this worker did not start");
      }
      return parse(source, sandboxBaseUrl + "/files/" + url.substring(SANDBOX_PREFIX.length()));
    }
    return parse(source, url);
  }

  private static HttpUrl parse(EtlSource source, String url) {
    String scheme =
        url.contains(":") ? url.substring(0, url.indexOf(':')).toLowerCase(Locale.ROOT) : "";
    HttpUrl parsed = (scheme.equals("http") || scheme.equals("https")) ? HttpUrl.parse(url) : null;
    if (parsed == null) {
      throw Failures.invalidInput(
          "etl source \"" + source.id() + "\": url must be http or https, got \"" + url + "\"");
    }
    return parsed;
  }
}
