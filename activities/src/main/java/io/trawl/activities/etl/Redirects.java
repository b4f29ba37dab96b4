package io.trawl.activities.etl;

import io.trawl.workflows.common.Failures;
import java.io.IOException;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Follows redirects by hand: at most {@link #MAX} hops, each to http(s) only, and credentials are
 * not carried to another host (a redirect to a CDN must not receive our Authorization header).
 */
final class Redirects {
  static final int MAX = 5;
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

  private Redirects() {}

  /** The final response (open; the caller closes it) and the hops it took. */
  record Followed(Response response, int hops) {}

  static Followed execute(OkHttpClient client, Request request, String sourceId)
      throws IOException {
    Request current = request;
    for (int hops = 0; ; hops++) {
      Response response = client.newCall(current).execute();
      if (!REDIRECTS.contains(response.code())) {
        return new Followed(response, hops);
      }
      String location = response.header("Location");
      response.close();
      if (hops == MAX) {
        throw Failures.rejected(
            "etl source \""
                + sourceId
                + "\": more than "
                + MAX
                + " redirects from "
                + HttpStatusFailures.withoutSecrets(request.url()));
      }
      HttpUrl next = location == null ? null : current.url().resolve(location);
      if (next == null) {
        throw Failures.rejected(
            "etl source \""
                + sourceId
                + "\": "
                + HttpStatusFailures.withoutSecrets(current.url())
                + " redirects to \""
                + location
                + "\", which is not an http(s) URL");
      }
      current = follow(current, next, response.code());
    }
  }

  private static Request follow(Request previous, HttpUrl next, int status) {
    Request.Builder builder = previous.newBuilder().url(next);
    if (status == 303 && !previous.method().equals("HEAD")) {
      builder.get();
    }
    if (!previous.url().host().equals(next.host())) {
      builder.removeHeader("Authorization").removeHeader("Cookie");
    }
    return builder.build();
  }
}
