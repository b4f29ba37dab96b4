package io.trawl.worker.notify;

import com.sun.net.httpserver.HttpExchange;
import io.trawl.sandbox.LoopbackServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook receiver on loopback HTTP: records every POST by path and answers 200, or the statuses
 * scripted for that path first.
 */
final class WebhookReceiver implements AutoCloseable {
  /** One request as received. */
  record Received(String path, String body) {}

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();
  private final LoopbackServer server = LoopbackServer.start(0, Map.of("/", this::answer));

  /** The URL of {@code path} on this receiver. */
  String url(String path) {
    return server.baseUrl() + path;
  }

  /** Answers the next requests to {@code path} with these statuses, then 200 again. */
  void script(String path, int... statuses) {
    Deque<Integer> queue = new ArrayDeque<>();
    for (int status : statuses) {
      queue.add(status);
    }
    scripts.put(path, queue);
  }

  /** Bodies received on {@code path}, in order. */
  List<String> bodies(String path) {
    List<String> bodies = new ArrayList<>();
    received.stream().filter(r -> r.path().equals(path)).forEach(r -> bodies.add(r.body()));
    return bodies;
  }

  List<Received> all() {
    return List.copyOf(received);
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange;
        InputStream in = exchange.getRequestBody()) {
      String path = exchange.getRequestURI().getPath();
      received.add(new Received(path, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      Deque<Integer> script = scripts.get(path);
      Integer scripted = script == null ? null : script.poll();
      exchange.sendResponseHeaders(scripted == null ? 200 : scripted, -1);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
