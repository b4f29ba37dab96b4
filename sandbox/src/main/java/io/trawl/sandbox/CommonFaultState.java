package io.trawl.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The armed {@link CommonFaults} plus what is left of their counts, applied around a sandbox's own
 * answer. Thread-safe: handlers run on many threads and each count is consumed exactly once.
 */
public final class CommonFaultState {
  private volatile CommonFaults current;
  private final AtomicInteger serverErrors = new AtomicInteger();
  private final AtomicInteger gatewayErrors = new AtomicInteger();
  private final AtomicInteger htmlPages = new AtomicInteger();
  private final AtomicInteger truncatedJson = new AtomicInteger();
  private final AtomicInteger resetMidBody = new AtomicInteger();
  private Random random;

  public CommonFaultState(CommonFaults initial) {
    arm(initial);
  }

  public synchronized void arm(CommonFaults faults) {
    current = faults;
    serverErrors.set(faults.serverErrors());
    gatewayErrors.set(faults.gatewayErrors());
    htmlPages.set(faults.htmlPages());
    truncatedJson.set(faults.truncatedJson());
    resetMidBody.set(faults.resetMidBody());
    random = new Random(faults.seed());
  }

  public CommonFaults current() {
    return current;
  }

  /**
   * Waits the armed latency, then answers with a fault if one is due for {@code endpoint}.
   *
   * @param serverErrorJson the provider's own JSON body for a 500
   * @return true when a fault answered and the handler must stop
   */
  public boolean answerBefore(HttpExchange exchange, String endpoint, Object serverErrorJson)
      throws IOException {
    CommonFaults faults = current;
    Exchanges.sleep(faults.latencyMillis() + jitter(faults));
    if (hits(endpoint) && take(serverErrors)) {
      Exchanges.json(exchange, 500, serverErrorJson);
      return true;
    }
    if (hits(endpoint) && take(gatewayErrors)) {
      gateway(exchange, faults.gatewayStatus());
      return true;
    }
    if (hits(endpoint) && take(htmlPages)) {
      Exchanges.html(exchange, 200, "Service temporarily unavailable");
      return true;
    }
    if (faults.randomFailureRate() > 0 && draw() < faults.randomFailureRate()) {
      gateway(exchange, 503);
      return true;
    }
    return false;
  }

  /**
   * Sends a JSON answer, cut short when a body fault is due.
   *
   * @throws Exchanges.BodyCut after a mid-body reset; the handler must let it escape so the server
   *     drops the connection
   */
  public void sendJson(HttpExchange exchange, String endpoint, int status, Object body)
      throws IOException {
    byte[] bytes = Exchanges.JSON.writeValueAsBytes(body);
    if (hits(endpoint) && take(truncatedJson)) {
      Exchanges.send(
          exchange,
          status,
          "application/json; charset=utf-8",
          Arrays.copyOf(bytes, Math.max(1, bytes.length / 2)));
      return;
    }
    if (hits(endpoint) && take(resetMidBody)) {
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      exchange.sendResponseHeaders(status, bytes.length);
      OutputStream out = exchange.getResponseBody();
      out.write(bytes, 0, Math.max(1, bytes.length / 2));
      out.flush();
      throw new Exchanges.BodyCut(endpoint);
    }
    Exchanges.send(exchange, status, "application/json; charset=utf-8", bytes);
  }

  private static void gateway(HttpExchange exchange, int status) throws IOException {
    Exchanges.html(
        exchange, status, status + (status == 502 ? " Bad Gateway" : " Service Unavailable"));
  }

  private boolean hits(String endpoint) {
    String target = current.endpoint();
    return target == null || target.equals(endpoint);
  }

  private synchronized long jitter(CommonFaults faults) {
    return faults.jitterMillis() == 0 ? 0 : (long) (random.nextDouble() * faults.jitterMillis());
  }

  private synchronized double draw() {
    return random.nextDouble();
  }

  private static boolean take(AtomicInteger remaining) {
    return remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
  }
}
