package io.trawl.sandbox.unlocker;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Requests made with {@code ?async=true}: each is ready once the Unlocker's latency has passed, and
 * its result stays readable (Bright Data keeps them 48 h; this sandbox as long as it runs).
 */
final class AsyncResults {
  private final Map<String, Pending> byId = new ConcurrentHashMap<>();

  /** One accepted request. Readiness runs on the real clock, whatever clock pages are dated by. */
  static final class Pending {
    private final RequestHandler.Ask ask;
    private final long readyAtNanos;
    private final AtomicBoolean billed = new AtomicBoolean();
    private RequestHandler.Reply reply;

    private Pending(RequestHandler.Ask ask, long latencyMillis) {
      this.ask = ask;
      this.readyAtNanos = System.nanoTime() + latencyMillis * 1_000_000L;
    }

    RequestHandler.Ask ask() {
      return ask;
    }

    boolean ready() {
      return System.nanoTime() - readyAtNanos >= 0;
    }

    /** The target's answer, decided on the first read and the same on every later one. */
    synchronized RequestHandler.Reply reply(Supplier<RequestHandler.Reply> decide) {
      if (reply == null) {
        reply = decide.get();
      }
      return reply;
    }

    /** Bills the request the first time its page is delivered. */
    void billOnce(Runnable bill) {
      if (billed.compareAndSet(false, true)) {
        bill.run();
      }
    }
  }

  /** Accepts {@code ask}; returns its response id. */
  String submit(RequestHandler.Ask ask, long latencyMillis) {
    String id = UUID.randomUUID().toString();
    byId.put(id, new Pending(ask, latencyMillis));
    return id;
  }

  Optional<Pending> find(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
  }
}
