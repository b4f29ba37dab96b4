package io.trawl.sandbox.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The file server speaks enough HTTP for resumable, conditional downloads, and breaks on cue. */
class FakeFileServerTest {
  private static final byte[] DATA = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);

  private final FakeFileServer server = new FakeFileServer().start().put("data.bin", DATA);
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void headAnnouncesLengthAndValidatorsWithoutABody() throws Exception {
    HttpResponse<byte[]> head =
        send(request("data.bin").method("HEAD", HttpRequest.BodyPublishers.noBody()));

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("Content-Length")).hasValue("20");
    assertThat(head.headers().firstValue("ETag"))
        .hasValueSatisfying(tag -> assertThat(tag).startsWith("\""));
    assertThat(head.headers().firstValue("Last-Modified")).hasValue("Thu, 1 Jan 2026 00:00:00 GMT");
    assertThat(head.headers().firstValue("Accept-Ranges")).hasValue("bytes");
    assertThat(head.body()).isEmpty();
  }

  @Test
  void servesARangeWith206AndContentRange() throws Exception {
    HttpResponse<byte[]> partial = send(request("data.bin").header("Range", "bytes=5-"));

    assertThat(partial.statusCode()).isEqualTo(206);
    assertThat(partial.headers().firstValue("Content-Range")).hasValue("bytes 5-19/20");
    assertThat(partial.body()).isEqualTo(Arrays.copyOfRange(DATA, 5, 20));
    assertThat(server.stats("data.bin").partialResponses()).isEqualTo(1);
  }

  @Test
  void ignoresTheRangeWhenIfRangeNoLongerMatches() throws Exception {
    HttpResponse<byte[]> full =
        send(request("data.bin").header("Range", "bytes=5-").header("If-Range", "\"old\""));

    assertThat(full.statusCode()).isEqualTo(200);
    assertThat(full.body()).isEqualTo(DATA);
  }

  @Test
  void answers304WhenIfNoneMatchHoldsTheCurrentEtag() throws Exception {
    String etag = etag();

    HttpResponse<byte[]> notModified = send(request("data.bin").header("If-None-Match", etag));

    assertThat(notModified.statusCode()).isEqualTo(304);
    assertThat(server.stats("data.bin").notModified()).isEqualTo(1);
  }

  @Test
  void changingAFileChangesItsEtagAndLastModified() throws Exception {
    String before = etag();
    server.put("data.bin", "new content".getBytes(StandardCharsets.US_ASCII));

    HttpResponse<byte[]> head =
        send(request("data.bin").method("HEAD", HttpRequest.BodyPublishers.noBody()));

    assertThat(head.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(before);
    assertThat(head.headers().firstValue("Last-Modified")).hasValue("Thu, 1 Jan 2026 00:01:00 GMT");
  }

  @Test
  void answers416ForARangePastTheEnd() throws Exception {
    assertThat(send(request("data.bin").header("Range", "bytes=20-")).statusCode()).isEqualTo(416);
  }

  @Test
  void refusesHeadWhenAsked() throws Exception {
    server.faults("data.bin", FileFaults.builder().refuseHead(true).build());

    assertThat(
            send(request("data.bin").method("HEAD", HttpRequest.BodyPublishers.noBody()))
                .statusCode())
        .isEqualTo(405);
    assertThat(send(request("data.bin")).statusCode()).isEqualTo(200);
  }

  @Test
  void truncatedFileIsShorterOnGetThanHeadAnnounced() throws Exception {
    server.faults("data.bin", FileFaults.builder().truncateTo(8).build());

    HttpResponse<byte[]> get = send(request("data.bin"));
    HttpResponse<byte[]> head =
        send(request("data.bin").method("HEAD", HttpRequest.BodyPublishers.noBody()));

    assertThat(get.body()).isEqualTo(Arrays.copyOf(DATA, 8));
    assertThat(head.headers().firstValue("Content-Length")).hasValue("20");
  }

  @Test
  void htmlFaultFromTheQueryServesAnErrorPageWith200() throws Exception {
    HttpResponse<byte[]> get =
        send(HttpRequest.newBuilder(URI.create(server.url("data.bin") + "?fault=html")));

    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(new String(get.body(), StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>");
    assertThat(get.headers().firstValue("ETag")).isEmpty();
  }

  @Test
  void dropsTheConnectionMidBodyThenServesWhole() throws Exception {
    server.faults("data.bin", FileFaults.builder().dropAfterBytes(10, 1).build());

    CompletableFuture<HttpResponse<byte[]>> cut = sendAsync(request("data.bin"));
    assertThat(cut)
        .failsWithin(Duration.ofSeconds(5))
        .withThrowableThat()
        .havingRootCause()
        .isInstanceOf(IOException.class);
    assertThat(send(request("data.bin")).body()).isEqualTo(DATA);
    assertThat(server.stats("data.bin").bodyBytes()).isEqualTo(30);
  }

  @Test
  void stallsAfterTheGivenBytesUntilReleased() throws Exception {
    server.faults("data.bin", FileFaults.builder().stallAfterBytes(12).build());

    CompletableFuture<HttpResponse<byte[]>> stalled = sendAsync(request("data.bin"));
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (server.stalledBodies() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(server.stalledBodies()).isEqualTo(1);
    assertThat(server.stats("data.bin").bodyBytes()).isEqualTo(12);
    server.releaseStalls();

    assertThat(stalled).failsWithin(Duration.ofSeconds(5));
    assertThat(send(request("data.bin")).body()).isEqualTo(DATA);
  }

  @Test
  void syntheticContentKeepsItsHeadAndTailMarkers() {
    byte[] par1 = "PAR1".getBytes(StandardCharsets.US_ASCII);
    FileContent content = FileContent.synthetic(3 << 20, 7, par1, par1);

    byte[] all = content.toByteArray();

    assertThat(Arrays.copyOf(all, 4)).isEqualTo(par1);
    assertThat(Arrays.copyOfRange(all, all.length - 4, all.length)).isEqualTo(par1);
    assertThat(content.sha256()).isEqualTo(FileContent.of(all).sha256());
  }

  private String etag() throws Exception {
    return send(request("data.bin").method("HEAD", HttpRequest.BodyPublishers.noBody()))
        .headers()
        .firstValue("ETag")
        .orElseThrow();
  }

  private HttpRequest.Builder request(String name) {
    return HttpRequest.newBuilder(URI.create(server.url(name))).timeout(Duration.ofSeconds(10));
  }

  private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private CompletableFuture<HttpResponse<byte[]>> sendAsync(HttpRequest.Builder request) {
    return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
