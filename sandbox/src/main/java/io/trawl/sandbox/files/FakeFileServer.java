package io.trawl.sandbox.files;

import io.trawl.sandbox.LoopbackServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A static file server over loopback HTTP for the ETL pipeline: {@code GET} and {@code HEAD
 * /files/<name>} with ETag, Last-Modified, byte ranges, If-Range and If-None-Match, and fault knobs
 * per file ({@link FileFaults}): change a file, serve an HTML error page with 200, truncate, drop
 * or stall the connection mid-body, ignore Range, be slow, refuse HEAD.
 *
 * <p>ETags derive from the content and Last-Modified from a fixed epoch plus one minute per change,
 * so a restarted server answers the same validators for the same files.
 */
public final class FakeFileServer implements AutoCloseable {
  /** Last-Modified of a file's first version. */
  public static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  private static final Logger log = LoggerFactory.getLogger(FakeFileServer.class);
  private static final Duration CHANGE_STEP = Duration.ofMinutes(1);

  private final int requestedPort;
  private final Map<String, ServedFile> files = new ConcurrentHashMap<>();
  private final Map<String, FileStats> stats = new ConcurrentHashMap<>();
  private final Stalls stalls = new Stalls();
  private LoopbackServer server;

  /** A server on a free port. */
  public FakeFileServer() {
    this(0);
  }

  public FakeFileServer(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    this.requestedPort = port;
  }

  /** Binds 127.0.0.1 and starts serving; returns this for chaining. */
  public synchronized FakeFileServer start() {
    if (server != null) {
      return this;
    }
    server =
        LoopbackServer.start(
            requestedPort,
            Map.of(
                FileRequestHandler.PREFIX,
                new FileRequestHandler(
                    files::get, name -> stats.computeIfAbsent(name, n -> new FileStats()), stalls)));
    log.info("sandbox file server listening url={} files={}", baseUrl(), files.size());
    return this;
  }

  /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
  public synchronized String baseUrl() {
    if (server == null) {
      throw new IllegalStateException("FakeFileServer is not started; call start() first");
    }
    return server.baseUrl();
  }

  /** The URL of a file: {@code http://127.0.0.1:<port>/files/<name>}. */
  public String url(String name) {
    return baseUrl() + FileRequestHandler.PREFIX + URLEncoder.encode(name, StandardCharsets.UTF_8);
  }

  /**
   * Serves {@code content} under {@code name}. A new file starts at {@link #EPOCH}; replacing an
   * existing one moves Last-Modified a minute on and, when the bytes differ, changes the ETag.
   */
  public FakeFileServer put(String name, FileContent content) {
    files.compute(
        name,
        (n, existing) -> {
          if (existing == null) {
            return new ServedFile(content, EPOCH);
          }
          existing.replace(content, existing.lastModified().plus(CHANGE_STEP));
          return existing;
        });
    return this;
  }

  public FakeFileServer put(String name, byte[] bytes) {
    return put(name, FileContent.of(bytes));
  }

  /** Moves Last-Modified a minute on without changing the bytes or the ETag. */
  public void touch(String name) {
    file(name).touch(file(name).lastModified().plus(CHANGE_STEP));
  }

  /** Stops serving a file: requests for it answer 404. */
  public void remove(String name) {
    files.remove(name);
  }

  /** Arms faults on one file, replacing what was armed; count-limited faults start over. */
  public void faults(String name, FileFaults faults) {
    file(name).arm(faults);
  }

  /** The content currently served under {@code name}. */
  public FileContent content(String name) {
    return file(name).content();
  }

  /** What the server did for {@code name} so far. */
  public FileStats stats(String name) {
    return stats.computeIfAbsent(name, n -> new FileStats());
  }

  /** Forgets the counters of every file. */
  public void resetStats() {
    stats.clear();
  }

  /** Bodies hanging in a stall right now. */
  public int stalledBodies() {
    return stalls.waiting();
  }

  /** Ends every stall in progress: those bodies are cut off and their connections closed. */
  public void releaseStalls() {
    stalls.release();
  }

  private ServedFile file(String name) {
    ServedFile file = files.get(name);
    if (file == null) {
      throw new IllegalArgumentException(
          "no file named " + name + " (known: " + files.keySet() + ")");
    }
    return file;
  }

  @Override
  public synchronized void close() {
    if (server == null) {
      return;
    }
    stalls.close();
    server.close();
    log.info("sandbox file server stopped port={}", server.port());
    server = null;
  }
}
