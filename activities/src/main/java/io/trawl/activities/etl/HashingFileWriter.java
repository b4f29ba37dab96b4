package io.trawl.activities.etl;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Hashes and writes the buffers a reader fills, on two threads of their own, so reading the socket,
 * SHA-256 and the file write overlap instead of taking turns. A third thread flushes the file to
 * disk every {@link #FLUSH_EVERY} bytes, so the final fsync does not wait for the whole file at
 * once (measured: 0.5 s of a 2 GiB download otherwise), and reports the position every {@link
 * #KEEPALIVE_MILLIS} ms even while the socket is silent, so a stalled but live transfer keeps
 * heartbeating while a dead worker stops.
 *
 * <p>Memory is fixed: {@link #BUFFERS} buffers of {@link #BUFFER_SIZE} bytes cycle reader → hasher
 * → writer → reader, whatever the file size (8 MiB in all, well inside a 64 MiB heap). Buffers are
 * hashed and written in the order they were submitted.
 */
final class HashingFileWriter {
  /** Large reads amortize per-call costs in the socket read, the digest and the write. */
  static final int BUFFER_SIZE = 1 << 20;

  static final int BUFFERS = 8;

  static final long FLUSH_EVERY = 64L << 20;

  static final long KEEPALIVE_MILLIS = 1000;

  private static final Chunk END = new Chunk(null, 0);

  private final FileChannel channel;
  private final MessageDigest digest;
  private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
  private final BlockingQueue<Chunk> toHash = new ArrayBlockingQueue<>(BUFFERS + 1);
  private final BlockingQueue<Chunk> toWrite = new ArrayBlockingQueue<>(BUFFERS + 1);
  private final AtomicLong position;
  private final LongConsumer written;
  private final LongConsumer synced;
  private final Thread hasher;
  private final Thread writer;
  private final Thread flusher;
  private volatile boolean finished;
  private volatile Throwable failure;

  private record Chunk(byte[] buffer, int length) {}

  /**
   * @param channel written from {@code startOffset} on
   * @param digest already fed with the file's first {@code startOffset} bytes
   * @param written told the file's length after every write, on the writing thread, so the
   *     checkpoint it reports is exactly what is in the file even while the reader waits on a
   *     silent socket; an exception it throws (the activity was cancelled) stops the writer and is
   *     rethrown to the reader
   * @param synced told the file's length after each periodic fsync, on the flushing thread: bytes
   *     that survive a power cut; it must not throw
   */
  HashingFileWriter(
      FileChannel channel,
      MessageDigest digest,
      long startOffset,
      LongConsumer written,
      LongConsumer synced) {
    this.channel = channel;
    this.digest = digest;
    this.written = written;
    this.synced = synced;
    this.position = new AtomicLong(startOffset);
    for (int i = 0; i < BUFFERS; i++) {
      free.add(new byte[BUFFER_SIZE]);
    }
    hasher = Thread.ofPlatform().daemon().name("etl-sha256").start(this::hashLoop);
    writer = Thread.ofPlatform().daemon().name("etl-write").start(this::writeLoop);
    flusher = Thread.ofPlatform().daemon().name("etl-keepalive").start(this::keepaliveLoop);
  }

  /**
   * A buffer to fill. Waits while all are in flight (a slow disk), calling {@code whileWaiting}
   * about once a second so the activity keeps heartbeating.
   */
  byte[] buffer(Runnable whileWaiting) throws IOException {
    try {
      while (true) {
        rethrowFailure();
        byte[] buffer = free.poll(1, TimeUnit.SECONDS);
        rethrowFailure();
        if (buffer != null) {
          return buffer;
        }
        whileWaiting.run();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a buffer");
    }
  }

  /** Queues {@code length} bytes of {@code buffer} for hashing, then writing. */
  void submit(byte[] buffer, int length) throws IOException {
    put(toHash, new Chunk(buffer, length));
  }

  /** Bytes in the file so far: the offset a resumed download may start from. */
  long position() {
    return position.get();
  }

  /**
   * Hashes and writes everything submitted, stops both threads and returns the hex SHA-256 of the
   * whole file. Also used after a failed read: what arrived is still worth keeping for a resume.
   */
  String finish() throws IOException {
    put(toHash, END);
    join(hasher);
    join(writer);
    stopFlusher();
    rethrowFailure();
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Stops both threads without finishing; the file's content past the last write is undefined. */
  void abort() {
    hasher.interrupt();
    writer.interrupt();
    join(hasher);
    join(writer);
    stopFlusher();
  }

  private void stopFlusher() {
    finished = true;
    join(flusher);
  }

  private void keepaliveLoop() {
    long flushed = position.get();
    long reportedAt = System.nanoTime();
    try {
      while (!finished) {
        long now = position.get();
        if (now - flushed >= FLUSH_EVERY) {
          channel.force(false);
          flushed = now;
          synced.accept(now);
        }
        if (System.nanoTime() - reportedAt >= KEEPALIVE_MILLIS * 1_000_000) {
          written.accept(now);
          reportedAt = System.nanoTime();
        }
        Thread.sleep(5);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // The final force of the download reports a real disk problem; this one only saves time.
    } catch (RuntimeException e) {
      failure = e; // the activity was cancelled or its worker is shutting down
    }
  }

  private void hashLoop() {
    try {
      while (true) {
        Chunk chunk = toHash.take();
        if (chunk != END) {
          digest.update(chunk.buffer(), 0, chunk.length());
        }
        toWrite.put(chunk);
        if (chunk == END) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failure = e;
      toWrite.offer(END);
    }
  }

  private void writeLoop() {
    try {
      while (true) {
        Chunk chunk = toWrite.take();
        if (chunk == END) {
          return;
        }
        ByteBuffer bytes = ByteBuffer.wrap(chunk.buffer(), 0, chunk.length());
        while (bytes.hasRemaining()) {
          channel.write(bytes, position.get() + bytes.position());
        }
        written.accept(position.addAndGet(chunk.length()));
        free.put(chunk.buffer());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      failure = e;
      // Wake the reader and the hasher, which may be waiting on this thread.
      free.offer(new byte[0]);
      hasher.interrupt();
    }
  }

  private void put(BlockingQueue<Chunk> queue, Chunk chunk) throws IOException {
    try {
      while (!queue.offer(chunk, 1, TimeUnit.SECONDS)) {
        rethrowFailure();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while queueing a buffer");
    }
  }

  private void rethrowFailure() throws IOException {
    Throwable seen = failure;
    if (seen instanceof IOException io) {
      throw new IOException("writing the partial file failed: " + io.getMessage(), io);
    }
    if (seen instanceof RuntimeException runtime) {
      throw runtime; // e.g. the activity's cancellation, as the heartbeat raised it
    }
    if (seen != null) {
      throw new IOException("hashing or writing failed: " + seen, seen);
    }
  }

  private static void join(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
