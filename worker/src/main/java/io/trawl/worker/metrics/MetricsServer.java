package io.trawl.worker.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * The worker's operations endpoint: {@code /metrics} for Prometheus and {@code /healthz} for
 * container health checks and load balancers.
 *
 * <p>The JDK's HTTP server is enough for two read-only paths scraped every few seconds; a web
 * framework would be the largest dependency in the worker.
 */
public final class MetricsServer implements AutoCloseable {
  public static final String PORT_ENV = "TRAWL_METRICS_PORT";
  public static final int DEFAULT_PORT = 9464;

  private final HttpServer server;

  private MetricsServer(HttpServer server) {
    this.server = server;
  }

  /** The port from {@value #PORT_ENV}, else {@value #DEFAULT_PORT}; 0 picks a free port. */
  public static int port(Map<String, String> env) {
    String configured = env.get(PORT_ENV);
    if (configured == null || configured.isBlank()) {
      return DEFAULT_PORT;
    }
    try {
      int port = Integer.parseInt(configured.trim());
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          PORT_ENV + " must be a port number (0-65535), got \"" + configured + "\"");
    }
  }

  public static MetricsServer start(int port, HealthCheck health) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.createContext(
          "/metrics",
          exchange ->
              respond(
                  exchange,
                  200,
                  "text/plain; version=0.0.4; charset=utf-8",
                  TrawlMetrics.registry().scrape()));
      server.createContext("/healthz", exchange -> health(exchange, health));
      server.start();
      return new MetricsServer(server);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve metrics on port " + port, e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void health(HttpExchange exchange, HealthCheck health) throws IOException {
    Map<String, String> checks = health.check();
    boolean healthy = HealthCheck.healthy(checks);
    String body =
        checks.entrySet().stream()
            .map(e -> "\"" + e.getKey() + "\":\"" + jsonEscape(e.getValue()) + "\"")
            .collect(
                Collectors.joining(",", "{\"status\":\"" + (healthy ? "ok" : "fail") + "\",", "}"));
    respond(exchange, healthy ? 200 : 503, "application/json", body + "\n");
  }

  private static String jsonEscape(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> out.append(c < 0x20 ? ' ' : c);
      }
    }
    return out.toString();
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
