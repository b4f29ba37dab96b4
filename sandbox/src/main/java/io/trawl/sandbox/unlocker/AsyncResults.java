package io.trawl.sandbox.unlocker;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Requests made with {@code ?async=true}: each is unlocked once the Unlocker's latency has passed,
 * and billed then, read or not, as Bright Data bills a request once its page is unlocked; its
 * result stays readable (Bright Data keeps them 48 h; this sandbox as long as it runs).
 */
final class AsyncResults implements AutoCloseable {
  private final Map<String, Pending> byId = new ConcurrentHashMap<>();
  private final ScheduledExecutorService unlocker =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "fake-unlocker-async");
            thread.setDaemon(true);
            return thread;
          });

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

    /** Bills the request once: when it is unlocked, or at its first read if that comes first. */
    void billOnce(Runnable bill) {
      if (billed.compareAndSet(false, true)) {
        bill.run();
      }
    }
  }

  /**
   * Accepts {@code ask}; returns its response id. After {@code latencyMillis} the target's answer
   * is decided by {@code decide} and, when billable, billed through {@code bill}.
   */
  String submit(
      RequestHandler.Ask ask,
      long latencyMillis,
      Supplier<RequestHandler.Reply> decide,
      Runnable bill) {
    String id = UUID.randomUUID().toString();
    Pending pending = new Pending(ask, latencyMillis);
    byId.put(id, pending);
    unlocker.schedule(
        () -> {
          if (pending.reply(decide).billable()) {
            pending.billOnce(bill);
          }
        },
        latencyMillis,
        TimeUnit.MILLISECONDS);
    return id;
  }

  @Override
  public void close() {
    unlocker.shutdownNow();
  }

  Optional<Pending> find(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
  }
}
