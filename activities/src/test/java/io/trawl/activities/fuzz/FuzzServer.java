package io.trawl.activities.fuzz;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A loopback HTTP server that answers every request with the status and body of the current try, so
 * a property test drives a real client over a real socket.
 */
public final class FuzzServer implements AutoCloseable {
  /** What the server answers next. */
  public record Answer(int status, String body) {}

  private final AtomicReference<Answer> answer = new AtomicReference<>(new Answer(200, "{}"));
  private final HttpServer server;

  public FuzzServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          Answer now = answer.get();
          byte[] body = now.body().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.getResponseHeaders().add("X-Apify-Pagination-Total", "1");
          exchange.sendResponseHeaders(now.status(), body.length == 0 ? -1 : body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public void answer(int status, String body) {
    answer.set(new Answer(status, body));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
