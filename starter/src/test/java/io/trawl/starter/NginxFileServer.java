package io.trawl.starter;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx serving the files of a temporary directory on a free loopback port, throttled by
 * {@code limit_rate} so a download takes seconds, with an access log of each response's status,
 * body bytes sent and {@code Range} header: the real server a resumed download must convince. Runs
 * as the test's own process in the foreground ({@code daemon off}, {@code master_process off}),
 * with every path under the directory, so it needs no root and no fixed port.
 */
final class NginxFileServer implements AutoCloseable {
  /** One response as nginx logged it. */
  record Logged(int status, long bodyBytes, String range) {}

  private final Process process;
  private final Path dir;
  private final int port;

  private NginxFileServer(Process process, Path dir, int port) {
    this.process = process;
    this.dir = dir;
    this.port = port;
  }

  /** Starts nginx serving {@code dir/www} at {@code bytesPerSecond} per connection. */
  static NginxFileServer start(Path dir, long bytesPerSecond)
      throws IOException, InterruptedException {
    Files.createDirectories(dir.resolve("www"));
    Files.createDirectories(dir.resolve("tmp"));
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path conf = dir.resolve("nginx.conf");
    Files.writeString(conf, config(dir, port, bytesPerSecond));
    Process process =
        new ProcessBuilder(
                nginx().toString(),
                "-p",
                dir.toString(),
                "-c",
                conf.toString(),
                "-e",
                dir.resolve("error.log").toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("nginx.out").toFile())
            .start();
    NginxFileServer server = new NginxFileServer(process, dir, port);
    server.awaitListening(Duration.ofSeconds(20));
    return server;
  }

  /** Where a file to serve goes. */
  Path root() {
    return dir.resolve("www");
  }

  /** The URL of {@code name} under {@link #root()}. */
  String url(String name) {
    return "http://127.0.0.1:" + port + "/" + name;
  }

  /** Every response logged so far, in order; a cut connection is logged once nginx notices. */
  List<Logged> log() throws IOException {
    Path log = dir.resolve("access.log");
    if (!Files.exists(log)) {
      return List.of();
    }
    return Files.readAllLines(log).stream()
        .map(line -> line.split(" ", 3))
        .map(f -> new Logged(Integer.parseInt(f[0]), Long.parseLong(f[1]), f[2]))
        .toList();
  }

  /** Body bytes sent in all logged responses. */
  long bodyBytesSent() throws IOException {
    return log().stream().mapToLong(Logged::bodyBytes).sum();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private void awaitListening(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(
            "nginx exited "
                + process.exitValue()
                + ": "
                + Files.readString(dir.resolve("nginx.out"))
                + Files.readString(dir.resolve("error.log")));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException e) {
        Thread.sleep(50);
      }
    }
    throw new AssertionError("nginx not listening on " + port + " after " + timeout);
  }

  private static Path nginx() {
    String configured = System.getenv("TRAWL_NGINX");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    for (String candidate : List.of("/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/bin/nginx")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return Path.of(candidate);
      }
    }
    throw new AssertionError(
        "nginx is not installed: the resume test needs it; run scripts/install-nginx.sh"
            + " (./scripts/test does) or set TRAWL_NGINX to an nginx binary");
  }

  private static String config(Path dir, int port, long bytesPerSecond) {
    return """
    daemon off;
    master_process off;
    pid %1$s/nginx.pid;
    error_log %1$s/error.log warn;
    events { worker_connections 64; }
    http {
      log_format bytes '$status $body_bytes_sent $http_range';
      access_log %1$s/access.log bytes;
      client_body_temp_path %1$s/tmp/body;
      proxy_temp_path %1$s/tmp/proxy;
      fastcgi_temp_path %1$s/tmp/fastcgi;
      uwsgi_temp_path %1$s/tmp/uwsgi;
      scgi_temp_path %1$s/tmp/scgi;
      default_type application/octet-stream;
      server {
        listen 127.0.0.1:%2$d;
        root %1$s/www;
        limit_rate %3$d;
      }
    }
    """
        .formatted(dir, port, bytesPerSecond);
  }
}
