package io.trawl.activities.providers;

import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Told when a paid request starts to leave this process (OkHttp is about to write its headers) and
 * when the provider's answer begins. Attach it with {@code Request.Builder.tag(RequestSent.class,
 * …)} on a client built with {@link #LISTENER}; until then a crash cannot have cost anything, after
 * it the provider may bill.
 */
@FunctionalInterface
public interface RequestSent {
  RequestSent NONE = () -> {};

  void sending();

  /**
   * The provider's answer started with {@code status}: with a non-2xx status it refused the request
   * (a 429, a 5xx), so nothing was bought however the call ends. Nothing by default.
   */
  default void answered(int status) {}

  /** Calls a request's {@link RequestSent} tag, if it has one, as its headers start to go out. */
  EventListener.Factory LISTENER =
      call ->
          new EventListener() {
            @Override
            public void requestHeadersStart(Call call) {
              Request request = call.request();
              RequestSent sent = request.tag(RequestSent.class);
              if (sent != null) {
                sent.sending();
              }
            }

            @Override
            public void responseHeadersEnd(Call call, Response response) {
              RequestSent sent = call.request().tag(RequestSent.class);
              if (sent != null) {
                sent.answered(response.code());
              }
            }
          };
}
