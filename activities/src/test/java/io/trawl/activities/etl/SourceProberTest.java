package io.trawl.activities.etl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.temporal.failure.ApplicationFailure;
import io.trawl.sandbox.files.FakeFileServer;
import io.trawl.sandbox.files.FileFaults;
import io.trawl.workflows.common.Failures;
import io.trawl.workflows.etl.EtlFormat;
import io.trawl.workflows.etl.EtlSource;
import io.trawl.workflows.etl.ProbeResult;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The probe: HEAD, the ranged-GET fallback, bounded redirects and refusals. */
class SourceProberTest {
  private static final byte[] DATA = "station,value\nNL001,4\n".getBytes();

  private final FakeFileServer server = new FakeFileServer().start().put("data.csv", DATA);
  private final SourceProber prober =
      new SourceProber(
          EtlHttp.newClient(), new SourceUrls(server.baseUrl()), new RequestHeaders(Map.of()));
  private HttpServer redirector;

  @AfterEach
  void stop() {
    server.close();
    if (redirector != null) {
      redirector.stop(0);
    }
  }

  @Test
  void readsValidatorsAndLengthFromHead() {
    ProbeResult probe = prober.probe(source("sandbox://files/data.csv"));

    assertThat(probe.status()).isEqualTo(200);
    assertThat(probe.etag()).startsWith("\"");
    assertThat(probe.lastModified()).isEqualTo("Thu, 1 Jan 2026 00:00:00 GMT");
    assertThat(probe.contentLength()).isEqualTo(DATA.length);
    assertThat(probe.headRefused()).isFalse();
    assertThat(server.stats("data.csv").gets()).isZero();
  }

  @Test
  void fallsBackToAOneByteRangedGetWhenHeadIsRefused() {
    server.faults("data.csv", FileFaults.builder().refuseHead(true).build());

    ProbeResult probe = prober.probe(source("sandbox://files/data.csv"));

    assertThat(probe.headRefused()).isTrue();
    assertThat(probe.contentLength()).isEqualTo(DATA.length);
    assertThat(probe.etag()).startsWith("\"");
    assertThat(server.stats("data.csv").bodyBytes()).isEqualTo(1);
  }

  @Test
  void refusesAMissingFileForGood() {
    assertThatThrownBy(() -> prober.probe(source("sandbox://files/missing.csv")))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> assertThat(failure.getType()).isEqualTo(Failures.PROVIDER_REJECTED))
        .hasMessageContaining("answered 404");
  }

  @Test
  void followsRedirectsButAtMostFive() throws Exception {
    redirector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    redirector.createContext(
        "/hop/",
        exchange -> {
          int hop = Integer.parseInt(exchange.getRequestURI().getPath().substring(5));
          String next = hop == 0 ? server.url("data.csv") : "/hop/" + (hop - 1);
          exchange.getResponseHeaders().set("Location", next);
          exchange.sendResponseHeaders(302, -1);
          exchange.close();
        });
    redirector.start();
    String base = "http://127.0.0.1:" + redirector.getAddress().getPort();

    ProbeResult followed = prober.probe(source(base + "/hop/4"));
    assertThat(followed.redirects()).isEqualTo(5);
    assertThat(followed.contentLength()).isEqualTo(DATA.length);

    assertThatThrownBy(() -> prober.probe(source(base + "/hop/5")))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> assertThat(failure.getType()).isEqualTo(Failures.PROVIDER_REJECTED))
        .hasMessageContaining("more than 5 redirects");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "file:///etc/passwd",
        "ftp://127.0.0.1/data.csv",
        "gopher://127.0.0.1:70/_SET%20x",
        "jar:file:///tmp/x.jar!/a",
        "data:text/plain,hi"
      })
  void refusesARedirectToAnotherScheme(String location) throws Exception {
    redirector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    redirector.createContext(
        "/",
        exchange -> {
          exchange.getResponseHeaders().set("Location", location);
          exchange.sendResponseHeaders(302, -1);
          exchange.close();
        });
    redirector.start();

    assertThatThrownBy(
            () ->
                prober.probe(
                    source("http://127.0.0.1:" + redirector.getAddress().getPort() + "/x.csv")))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(Failures.PROVIDER_REJECTED);
              assertThat(failure.isNonRetryable()).isTrue();
            })
        .hasMessageContaining("redirects to \"" + location + "\", which is not an http(s) URL");
  }

  private static EtlSource source(String url) {
    return new EtlSource("demo", url, EtlFormat.CSV, null, 1 << 20, "data.csv", Map.of());
  }
}
