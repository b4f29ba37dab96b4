package io.trawl.sandbox.files;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.function.LongConsumer;

/**
 * Writes a byte range of a file to a response body in large chunks, throttled when asked, and cut
 * off after a given byte count (dropped at once, or stalled first) to fake a dying transfer.
 */
final class BodyWriter {
  private final FileContent content;
  private final long bytesPerSecond;
  private final Stalls stalls;
  private final LongConsumer counted;

  BodyWriter(FileContent content, long bytesPerSecond, Stalls stalls, LongConsumer counted) {
    this.content = content;
    this.bytesPerSecond = bytesPerSecond;
    this.stalls = stalls;
    this.counted = counted;
  }

  /**
   * @param dropAfter body bytes after which the connection is closed, or -1
   * @param stallAfter body bytes after which the body hangs until released and is then closed, or
   *     -1
   * @throws IOException when the body was cut off: the server closes the connection on it, so the
   *     client sees fewer bytes than Content-Length announced
   */
  void write(OutputStream out, long from, long to, long dropAfter, long stallAfter)
      throws IOException {
    long cut = Math.min(cutAt(dropAfter, to - from), cutAt(stallAfter, to - from));
    int chunk = FileContent.CHUNK;
    if (bytesPerSecond > 0) {
      chunk = (int) Math.max(1, Math.min(chunk, bytesPerSecond / 20));
    }
    byte[] buffer = new byte[(int) Math.max(1, Math.min(chunk, to - from))];
    long started = System.nanoTime();
    long sent = 0;
    while (sent < to - from) {
      if (sent == cut) {
        out.flush();
        if (cut == stallAfter) {
          stall();
        }
        throw new IOException("connection cut after " + sent + " body bytes (fault)");
      }
      int n = (int) Math.min(buffer.length, Math.min(to - from, cut) - sent);
      content.writeTo(out, from + sent, n, buffer);
      sent += n;
      counted.accept(n);
      throttle(started, sent);
    }
    out.flush();
  }

  private static long cutAt(long after, long length) {
    return after >= 0 && after < length ? after : Long.MAX_VALUE;
  }

  private void stall() throws IOException {
    try {
      stalls.await(stalls.generation());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("stall interrupted");
    }
  }

  private void throttle(long startedNanos, long sent) throws IOException {
    if (bytesPerSecond <= 0) {
      return;
    }
    long dueNanos = startedNanos + sent * 1_000_000_000L / bytesPerSecond;
    long waitMillis = (dueNanos - System.nanoTime()) / 1_000_000;
    if (waitMillis > 0) {
      try {
        Thread.sleep(waitMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("throttle interrupted");
      }
    }
  }
}
