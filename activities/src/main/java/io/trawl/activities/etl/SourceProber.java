package io.trawl.activities.etl;

import io.trawl.workflows.common.Failures;
import io.trawl.workflows.etl.EtlSource;
import io.trawl.workflows.etl.ProbeResult;
import java.io.IOException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** Asks a server for a file's validators and length without downloading it. */
public final class SourceProber {
  /**
   * Answers meaning "no HEAD here" rather than "no file here": object stores with GET-only
   * signatures answer 403, CGI scripts 405 or 501, some proxies 400.
   */
  private static final Set<Integer> HEAD_REFUSED = Set.of(400, 403, 405, 501);

  private static final Pattern TOTAL = Pattern.compile("bytes \\d+-\\d+/(\\d+)");

  private final OkHttpClient client;
  private final SourceUrls urls;
  private final RequestHeaders headers;

  public SourceProber(OkHttpClient client, SourceUrls urls, RequestHeaders headers) {
    this.client = client;
    this.urls = urls;
    this.headers = headers;
  }

  /** HEAD, or a one-byte ranged GET when HEAD is refused. See {@code EtlProbeActivities}. */
  public ProbeResult probe(EtlSource source) {
    Request.Builder request =
        new Request.Builder()
            .url(urls.resolve(source))
            .headers(headers.of(source))
            .header("Accept-Encoding", "identity");
    String what = "probe of etl source \"" + source.id() + "\"";
    try {
      Redirects.Followed head = Redirects.execute(client, request.head().build(), source.id());
      try (Response response = head.response()) {
        if (response.isSuccessful()) {
          return result(response, lengthHeader(response), false, head.hops());
        }
        if (!HEAD_REFUSED.contains(response.code())) {
          throw HttpStatusFailures.of(response, what);
        }
      }
      Redirects.Followed ranged =
          Redirects.execute(
              client, request.get().header("Range", "bytes=0-0").build(), source.id());
      // Closing without reading the body: a server that ignores the Range is not read to the end.
      try (Response response = ranged.response()) {
        if (response.code() == 206) {
          Matcher total = TOTAL.matcher(response.header("Content-Range", ""));
          return result(
              response, total.matches() ? Long.parseLong(total.group(1)) : -1, true, ranged.hops());
        }
        if (response.code() == 200) {
          return result(response, lengthHeader(response), true, ranged.hops());
        }
        throw HttpStatusFailures.of(response, what);
      }
    } catch (IOException e) {
      throw Failures.unavailable(what + " failed: " + e.getMessage(), null);
    }
  }

  private static ProbeResult result(Response response, long length, boolean headRefused, int hops) {
    return new ProbeResult(
        response.code(),
        response.header("ETag"),
        response.header("Last-Modified"),
        length,
        response.header("Content-Type"),
        headRefused,
        hops);
  }

  private static long lengthHeader(Response response) {
    String value = response.header("Content-Length");
    try {
      return value == null ? -1 : Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
