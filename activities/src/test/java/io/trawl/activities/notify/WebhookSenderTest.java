package io.trawl.activities.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import io.temporal.failure.ApplicationFailure;
import io.trawl.sandbox.LoopbackServer;
import io.trawl.workflows.notify.NotificationFailures;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How webhook answers turn into retryable or final failures that never quote the URL. */
class WebhookSenderTest {
  private static final String PATH = "/hooks/T000/SECRET-TOKEN-123";

  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private volatile int status = 200;
  private LoopbackServer server;
  private final WebhookSender sender =
      new WebhookSender(Duration.ofSeconds(2), Duration.ofSeconds(5));

  private HttpUrl url() {
    if (server == null) {
      server = LoopbackServer.start(0, Map.of("/", this::answer));
    }
    return HttpUrl.get(server.baseUrl() + PATH);
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange;
        InputStream in = exchange.getRequestBody()) {
      bodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(status, -1);
    }
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void postsTheBodyAndReturnsTheStatus() {
    status = 204;

    assertThat(sender.send("ops", url(), "{\"text\":\"hi\"}")).isEqualTo(204);
    assertThat(bodies).containsExactly("{\"text\":\"hi\"}");
  }

  @Test
  void aServerErrorIsRetryableAndNamesTargetAndStatusButNotTheUrl() {
    status = 500;

    assertThatThrownBy(() -> sender.send("ops-slack", url(), "{}"))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(NotificationFailures.WEBHOOK_UNAVAILABLE);
              assertThat(failure.isNonRetryable()).isFalse();
              assertThat(failure.getOriginalMessage())
                  .isEqualTo("webhook ops-slack answered 500 Internal Server Error");
            });
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 429, 502, 503})
  void timeoutAndRateLimitAnswersAreRetryable(int answer) {
    status = answer;

    assertThatThrownBy(() -> sender.send("ops", url(), "{}"))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(NotificationFailures.WEBHOOK_UNAVAILABLE);
              assertThat(failure.isNonRetryable()).isFalse();
            });
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 403, 404, 410})
  void otherClientErrorsAreFinal(int answer) {
    status = answer;

    assertThatThrownBy(() -> sender.send("ops", url(), "{}"))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(NotificationFailures.WEBHOOK_REJECTED);
              assertThat(failure.isNonRetryable()).isTrue();
              assertThat(failure.getOriginalMessage())
                  .startsWith("webhook ops answered " + answer)
                  .doesNotContain("SECRET");
            });
  }

  @Test
  void anUnreachableReceiverIsRetryableWithoutItsAddress() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    HttpUrl closed = HttpUrl.get("http://127.0.0.1:" + port + PATH);

    assertThatThrownBy(() -> sender.send("ops", closed, "{}"))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(NotificationFailures.WEBHOOK_UNAVAILABLE);
              assertThat(failure.isNonRetryable()).isFalse();
              assertThat(failure.getOriginalMessage())
                  .startsWith("webhook ops unreachable (")
                  .doesNotContain("SECRET")
                  .doesNotContain(Integer.toString(port));
              assertThat(failure.getCause()).isNull();
            });
  }
}
