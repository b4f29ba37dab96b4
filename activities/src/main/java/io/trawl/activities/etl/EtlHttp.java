package io.trawl.activities.etl;

import java.time.Duration;
import okhttp3.OkHttpClient;

/** The HTTP client of the ETL activities, with the timeouts the activity options rely on. */
public final class EtlHttp {
  /**
   * A connection silent for 30 s fails the attempt, which then retries and resumes. Downloads keep
   * heartbeating while they wait (see {@code HashingFileWriter}), so this is independent of the
   * activity's heartbeat timeout.
   */
  static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

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
        .socketFactory(new BufferedSocketFactory())
        .build();
  }
}
