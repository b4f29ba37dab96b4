package io.trawl.starter;

import com.sun.net.httpserver.HttpExchange;
import io.trawl.sandbox.LoopbackServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One {@code BRIGHTDATA_BASE_URL} for both Bright Data APIs trawl calls, as the real one is: {@code
 * /request} goes to the Web Unlocker sandbox, everything else to the datasets sandbox. It demands
 * {@code Authorization: Bearer <token>} (401 otherwise), and can be told to answer every call with
 * a 401 or a 500 whose body quotes the credentials it received, as careless real servers do, so a
 * test sees whether trawl repeats a provider's words with the token in them.
 */
final class BrightDataGateway implements AutoCloseable {
  private static final Set<String> HOP_HEADERS =
      Set.of("host", "connection", "content-length", "transfer-encoding", "upgrade", "expect");

  private final String token;
  private final String datasetsUrl;
  private final String unlockerUrl;
  private final HttpClient http = HttpClient.newHttpClient();
  private final LoopbackServer server;
  private final AtomicInteger authorized = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private volatile int failWith;

  BrightDataGateway(String token, String datasetsUrl, String unlockerUrl) {
    this.token = token;
    this.datasetsUrl = datasetsUrl;
    this.unlockerUrl = unlockerUrl;
    this.server = LoopbackServer.start(0, Map.of("/", this::handle));
  }

  String baseUrl() {
    return server.baseUrl();
  }

  /**
   * From now on every call answers {@code status} (401 or 500) quoting its credentials; 0 stops.
   */
  void failWith(int status) {
    failWith = status;
  }

  /** Calls that carried the expected token. */
  int authorized() {
    return authorized.get();
  }

  /** Calls refused for a missing or wrong token. */
  int refused() {
    return refused.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String given = exchange.getRequestHeaders().getFirst("Authorization");
      if (!("Bearer " + token).equals(given)) {
        refused.incrementAndGet();
        reply(exchange, 401, "application/json", "{\"error\":\"invalid token\"}");
        return;
      }
      authorized.incrementAndGet();
      int status = failWith;
      if (status == 401) {
        reply(
            exchange,
            401,
            "application/json",
            "{\"error\":\"unauthorized\",\"detail\":\"credentials '" + given + "' were refused\"}");
        return;
      }
      if (status >= 500) {
        reply(
            exchange,
            status,
            "text/html",
            // Quoted as 'HTML page "<title>"' and cut at 200 characters, the token starts at 183:
            // the cut leaves "SECRETMARKER-bd-7", which masking the whole token cannot find.
            "<html><head><title>Internal error "
                + "x".repeat(140)
                + " handling "
                + given
                + "</title></head></html>");
        return;
      }
      forward(exchange);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void forward(HttpExchange exchange) throws IOException, InterruptedException {
    URI uri = exchange.getRequestURI();
    String target =
        (uri.getPath().startsWith("/request") ? unlockerUrl : datasetsUrl) + uri.getRawPath();
    if (uri.getRawQuery() != null) {
      target += "?" + uri.getRawQuery();
    }
    byte[] body = exchange.getRequestBody().readAllBytes();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(target))
            .method(
                exchange.getRequestMethod(),
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> {
              if (!HOP_HEADERS.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
              }
            });
    HttpResponse<byte[]> answer =
        http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    answer
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              if (!HOP_HEADERS.contains(name.toLowerCase()) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, List.copyOf(values));
              }
            });
    byte[] bytes = answer.body();
    exchange.sendResponseHeaders(answer.statusCode(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
  }

  private static void reply(HttpExchange exchange, int status, String type, String text)
      throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.close();
  }
}
