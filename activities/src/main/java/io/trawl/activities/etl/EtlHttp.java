package io.trawl.activities.etl;

import java.time.Duration;
import okhttp3.OkHttpClient;

/** The HTTP client of the ETL activities, with the timeouts the activity options rely on. */
public final class EtlHttp {
  /**
   * A silent connection fails the attempt after 8 s, below the download's 10 s heartbeat timeout:
   * a stalled transfer then retries (and resumes) instead of timing out the activity.
   */
  static final Duration READ_TIMEOUT = Duration.ofSeconds(8);

  private EtlHttp() {}

  /**
   * Redirects are followed by {@link Redirects}, not OkHttp, so their number is bounded and every
   * hop is checked to be http(s).
   */
  public static OkHttpClient newClient() {
    return new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(READ_TIMEOUT)
        .writeTimeout(Duration.ofSeconds(10))
        .followRedirects(false)
        .followSslRedirects(false)
        .build();
  }
}
