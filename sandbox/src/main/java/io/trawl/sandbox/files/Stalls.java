package io.trawl.sandbox.files;

/**
 * Where stalled bodies wait: until the test releases them or the server closes. A generation
 * counter lets one release free every body stalled before it, and none stalled after.
 */
final class Stalls {
  private long generation;
  private boolean closed;
  private int waiting;

  synchronized long generation() {
    return generation;
  }

  synchronized void release() {
    generation++;
    notifyAll();
  }

  synchronized void close() {
    closed = true;
    notifyAll();
  }

  /** Blocks until {@link #release} or {@link #close} after {@code seen} was read. */
  synchronized void await(long seen) throws InterruptedException {
    waiting++;
    notifyAll();
    try {
      while (generation == seen && !closed) {
        wait();
      }
    } finally {
      waiting--;
    }
  }

  /** Bodies hanging right now. */
  synchronized int waiting() {
    return waiting;
  }
}
