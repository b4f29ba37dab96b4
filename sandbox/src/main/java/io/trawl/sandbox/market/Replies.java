package io.trawl.sandbox.market;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Answering an {@link HttpExchange} as the market sandboxes' real counterparts do. */
public final class Replies {
  public static final ObjectMapper JSON = new ObjectMapper();

  private Replies() {}

  public static void text(HttpExchange exchange, int status, String text) throws IOException {
    send(exchange, status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
  }

  public static void json(HttpExchange exchange, int status, Object body) throws IOException {
    send(exchange, status, "application/json;charset=utf-8", JSON.writeValueAsBytes(body));
  }

  public static void html(HttpExchange exchange, int status, String page) throws IOException {
    send(exchange, status, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
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

  /**
   * Sends the head and the first half of {@code body}, waits {@code pauseMillis}, then the rest: a
   * body that stalls mid-way, past a client's read or call timeout.
   */
  public static void sendSlowly(
      HttpExchange exchange, int status, String contentType, byte[] body, long pauseMillis)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      int half = body.length / 2;
      out.write(body, 0, half);
      out.flush();
      sleep(pauseMillis);
      out.write(body, half, body.length - half);
    }
  }

  /**
   * Declares the whole length, sends half of {@code body}, then throws {@link BodyCut} so the
   * server drops the connection: a body cut off mid-way. The handler must let it propagate.
   */
  public static void sendTruncated(
      HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, body.length);
    OutputStream out = exchange.getResponseBody();
    out.write(body, 0, body.length / 2);
    out.flush();
    throw new BodyCut();
  }

  /**
   * Thrown out of a handler on purpose: the JDK server only drops a connection when its handler
   * throws; otherwise the client would wait for the missing bytes until it times out.
   */
  public static final class BodyCut extends IOException {
    BodyCut() {
      super("body cut on purpose (truncateBody fault)");
    }
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
}
