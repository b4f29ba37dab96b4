package io.trawl.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Helpers every sandbox uses to read a request and answer it the way a provider does: JSON, text or
 * a gateway's HTML page.
 */
public final class Exchanges {
  /** The one Jackson mapper of the sandboxes; thread-safe once configured. */
  public static final ObjectMapper JSON = new ObjectMapper();

  private Exchanges() {}

  public static void json(HttpExchange exchange, int status, Object body) throws IOException {
    send(exchange, status, "application/json; charset=utf-8", JSON.writeValueAsBytes(body));
  }

  public static void text(HttpExchange exchange, int status, String text) throws IOException {
    send(exchange, status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
  }

  /** An error page as a gateway or CDN serves it: HTML where an API client expects JSON. */
  public static void html(HttpExchange exchange, int status, String title) throws IOException {
    send(exchange, status, "text/html; charset=utf-8", htmlPage(title));
  }

  public static byte[] htmlPage(String title) {
    String page =
        "<!DOCTYPE html>\n<html><head><title>"
            + title
            + "</title></head>\n<body><h1>"
            + title
            + "</h1><p>The server is temporarily unable to service your request."
            + " Please try again later.</p></body></html>\n";
    return page.getBytes(StandardCharsets.UTF_8);
  }

  public static void send(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  public static byte[] body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      return in.readAllBytes();
    }
  }

  /** Query parameters, decoded; the last value wins for a repeated name. */
  public static Map<String, String> query(URI uri) {
    Map<String, String> params = new LinkedHashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(decode(name), decode(value));
    }
    return params;
  }

  /** The bearer token of an {@code Authorization} header, or null when there is none. */
  public static String bearer(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null) {
      return null;
    }
    String value = header.strip();
    return value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).strip() : null;
  }

  public static void sleep(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  /**
   * Thrown out of a handler on purpose: the JDK server only drops a connection when its handler
   * throws, and without the drop the client would wait for the missing bytes until it times out.
   */
  public static final class BodyCut extends IOException {
    public BodyCut(String what) {
      super("body of " + what + " cut on purpose (resetMidBody fault)");
    }
  }
}
