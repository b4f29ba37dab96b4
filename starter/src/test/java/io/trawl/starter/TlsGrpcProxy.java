package io.trawl.starter;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secured Temporal endpoints made on loopback: Debian's nginx terminates TLS with a certificate
 * from a throwaway CA and passes gRPC to a plain server. One port refuses (HTTP 401, which gRPC
 * reads as UNAUTHENTICATED) any request whose {@code authorization} is not {@code Bearer <key>} —
 * what Temporal Cloud does with an API key; the other wants a client certificate from the same CA
 * (mTLS), as a self-hosted cluster with {@code requireClientAuth} does.
 *
 * <p>nginx comes from {@code TRAWL_NGINX} (set by {@code scripts/test}, which runs {@code
 * scripts/install-nginx.sh}), else {@code PATH} or {@code /usr/sbin/nginx}; without it the test
 * fails saying so rather than skipping.
 */
final class TlsGrpcProxy implements AutoCloseable {
  /** The name on the server certificate; clients reach 127.0.0.1 and verify this name. */
  static final String SERVER_NAME = "temporal.trawl.test";

  private final Process process;
  private final Path dir;
  private final int port;
  private final int mtlsPort;

  private TlsGrpcProxy(Process process, Path dir, int port, int mtlsPort) {
    this.process = process;
    this.dir = dir;
    this.port = port;
    this.mtlsPort = mtlsPort;
  }

  /** Makes the CA and certificate in {@code dir} and starts nginx in front of {@code upstream}. */
  static TlsGrpcProxy start(Path dir, String upstream, String apiKey)
      throws IOException, InterruptedException {
    Path nginx = nginx();
    makeCertificates(dir);
    int port = freePort();
    int mtlsPort = freePort();
    Files.createDirectories(dir.resolve("tmp"));
    Path conf = dir.resolve("nginx.conf");
    Files.writeString(conf, config(dir, port, mtlsPort, upstream, apiKey, modernHttp2(nginx)));
    Process process =
        new ProcessBuilder(
                nginx.toString(),
                "-p",
                dir.toString(),
                "-c",
                conf.toString(),
                "-e",
                dir.resolve("error.log").toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("nginx.out").toFile())
            .start();
    TlsGrpcProxy proxy = new TlsGrpcProxy(process, dir, port, mtlsPort);
    proxy.awaitListening(port, Duration.ofSeconds(20));
    proxy.awaitListening(mtlsPort, Duration.ofSeconds(20));
    return proxy;
  }

  /** {@code 127.0.0.1:port}, for {@code TEMPORAL_ADDRESS}. */
  String address() {
    return "127.0.0.1:" + port;
  }

  /** The port that wants a client certificate instead of an API key. */
  String mtlsAddress() {
    return "127.0.0.1:" + mtlsPort;
  }

  /** A client certificate the CA signed, for {@code TEMPORAL_TLS_CLIENT_CERT_PATH}. */
  Path clientCertificate() {
    return dir.resolve("client.pem");
  }

  /** Its key (PKCS#8 PEM), for {@code TEMPORAL_TLS_CLIENT_KEY_PATH}. */
  Path clientKey() {
    return dir.resolve("client.key");
  }

  /** The throwaway CA's certificate, for {@code TEMPORAL_TLS_SERVER_CA_CERT_PATH}. */
  Path caCertificate() {
    return dir.resolve("ca.pem");
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
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
        "nginx is not installed: the TLS proxy test needs it; run scripts/install-nginx.sh"
            + " (./scripts/test does) or set TRAWL_NGINX to an nginx binary");
  }

  /** nginx 1.25.1 replaced {@code listen … http2} with {@code http2 on;}. */
  private static boolean modernHttp2(Path nginx) throws IOException, InterruptedException {
    String version = run(List.of(nginx.toString(), "-v"), nginx.getParent());
    Matcher m = Pattern.compile("nginx/(\\d+)\\.(\\d+)\\.(\\d+)").matcher(version);
    if (!m.find()) {
      throw new AssertionError("cannot read the nginx version from: " + version);
    }
    int major = Integer.parseInt(m.group(1));
    int minor = Integer.parseInt(m.group(2));
    int patch = Integer.parseInt(m.group(3));
    return major > 1 || minor > 25 || (minor == 25 && patch >= 1);
  }

  private static String config(
      Path dir, int port, int mtlsPort, String upstream, String apiKey, boolean modernHttp2) {
    String tmp = dir.resolve("tmp").toString();
    return """
    daemon off;
    master_process off;
    pid %1$s/nginx.pid;
    error_log %1$s/error.log warn;
    events { worker_connections 512; }
    http {
      access_log off;
      client_body_temp_path %2$s/body;
      proxy_temp_path %2$s/proxy;
      fastcgi_temp_path %2$s/fastcgi;
      uwsgi_temp_path %2$s/uwsgi;
      scgi_temp_path %2$s/scgi;
      server {
        listen 127.0.0.1:%3$d ssl%4$s;
        %5$s
        ssl_certificate %1$s/server.pem;
        ssl_certificate_key %1$s/server.key;
        keepalive_requests 100000;
        client_max_body_size 0;
        location / {
          if ($http_authorization != "Bearer %6$s") {
            return 401;
          }
          # Workers' long polls last up to 70 s; nginx's default would cut them at 60.
          grpc_read_timeout 300s;
          grpc_send_timeout 300s;
          grpc_pass grpc://%7$s;
        }
      }
      server {
        listen 127.0.0.1:%8$d ssl%4$s;
        %5$s
        ssl_certificate %1$s/server.pem;
        ssl_certificate_key %1$s/server.key;
        ssl_client_certificate %1$s/ca.pem;
        ssl_verify_client on;
        keepalive_requests 100000;
        client_max_body_size 0;
        location / {
          grpc_read_timeout 300s;
          grpc_send_timeout 300s;
          grpc_pass grpc://%7$s;
        }
      }
    }
    """
        .formatted(
            dir,
            tmp,
            port,
            modernHttp2 ? "" : " http2",
            modernHttp2 ? "http2 on;" : "",
            apiKey,
            upstream,
            mtlsPort);
  }

  private static void makeCertificates(Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    String ec = "-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes";
    openssl(
        dir,
        "req -x509 "
            + ec
            + " -keyout ca.key -out ca.pem -days 2 -subj /CN=trawl-test-CA"
            + " -addext basicConstraints=critical,CA:TRUE"
            + " -addext keyUsage=critical,keyCertSign,cRLSign");
    openssl(dir, "req " + ec + " -keyout server.key -out server.csr -subj /CN=" + SERVER_NAME);
    Files.writeString(
        dir.resolve("server.ext"),
        "subjectAltName=DNS:"
            + SERVER_NAME
            + "\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\n"
            + "extendedKeyUsage=serverAuth\n");
    sign(dir, "server");
    openssl(dir, "req " + ec + " -keyout client.key -out client.csr -subj /CN=trawl-worker");
    Files.writeString(
        dir.resolve("client.ext"),
        "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=clientAuth\n");
    sign(dir, "client");
  }

  private static void sign(Path dir, String name) throws IOException, InterruptedException {
    openssl(
        dir,
        "x509 -req -in %1$s.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out %1$s.pem -days 2"
                .formatted(name)
            + " -extfile "
            + name
            + ".ext");
  }

  /** Runs openssl with space-separated arguments (none of them contains a space). */
  private static void openssl(Path dir, String args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args.split(" ")));
    run(command, dir);
  }

  private static String run(List<String> command, Path dir)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
    }
    return output;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private void awaitListening(int port, Duration timeout) throws InterruptedException, IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(
            "nginx exited "
                + process.exitValue()
                + ":\n"
                + Files.readString(dir.resolve("nginx.out"))
                + readIfPresent(dir.resolve("error.log")));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("nginx not listening on " + port + " after " + timeout);
  }

  private static String readIfPresent(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file) : "";
  }
}
