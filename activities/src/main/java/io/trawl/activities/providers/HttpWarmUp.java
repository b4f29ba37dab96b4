package io.trawl.activities.providers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the path of a paid call once, against a loopback server in this JVM, before a worker polls
 * for work: OkHttp's call, codec and event listener, and Jackson on the answer. In a fresh JVM the
 * first call otherwise spends a few hundred milliseconds loading classes between its reservation
 * and its request leaving, and after the request left before its answer is recorded; a worker
 * killed in that time leaves a reservation its retry cannot place. No provider is called.
 */
public final class HttpWarmUp {
  private static final Logger log = LoggerFactory.getLogger(HttpWarmUp.class);
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

  private HttpWarmUp() {}

  /** Runs the warm-up call; returns how long it took. Never throws: it is only a head start. */
  public static Duration run() {
    long started = System.nanoTime();
    HttpServer server = null;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(
          "/",
          exchange -> {
            try (exchange) {
              exchange.getRequestBody().readAllBytes();
              byte[] body = "{\"warm\":true}".getBytes(StandardCharsets.UTF_8);
              exchange.getResponseHeaders().set("Content-Type", "application/json");
              exchange.getResponseHeaders().set("x-response-id", "warm-up");
              exchange.sendResponseHeaders(200, body.length);
              try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
              }
            }
          });
      server.start();
      OkHttpClient http =
          new OkHttpClient.Builder()
              .retryOnConnectionFailure(false)
              .eventListenerFactory(RequestSent.LISTENER)
              .build();
      Request request =
          new Request.Builder()
              .url("http://127.0.0.1:" + server.getAddress().getPort() + "/warm-up?async=true")
              .header("Authorization", "Bearer warm-up")
              .post(RequestBody.create("{\"warm\":true}", JSON_TYPE))
              .tag(RequestSent.class, RequestSent.NONE)
              .build();
      try (Response response = http.newCall(request).execute()) {
        response.header("x-response-id");
        new ObjectMapper().readTree(ResponseText.readCapped(response.body()));
      }
      http.connectionPool().evictAll();
      http.dispatcher().executorService().shutdown();
    } catch (IOException | RuntimeException e) {
      log.debug("HTTP warm-up failed: {}", e.toString());
    } finally {
      if (server != null) {
        server.stop(0);
      }
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    log.debug("HTTP warm-up took {} ms", took.toMillis());
    return took;
  }
}
