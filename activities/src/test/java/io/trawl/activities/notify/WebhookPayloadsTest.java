package io.trawl.activities.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trawl.workflows.notify.NotificationEvent;
import io.trawl.workflows.notify.NotificationKind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two bodies a webhook gets: snake_case JSON, and Slack's one-to-three line text. */
class WebhookPayloadsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long AT = Instant.parse("2024-05-01T10:15:30Z").toEpochMilli();

  private final WebhookPayloads payloads = new WebhookPayloads();

  private static NotificationEvent runFailed() {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("query", "Data Engineer");
    details.put("location", "Netherlands");
    details.put("run_id", "42");
    return new NotificationEvent(
        "run_failed",
        "jobs",
        "jobs-scrape/Data Engineer/Netherlands",
        "run-1",
        "Data Engineer in Netherlands",
        "Bright Data collection s_1 failed: Account is suspended",
        details,
        AT);
  }

  @Test
  void jsonCarriesTheEventUnderSnakeCaseKeys() throws Exception {
    JsonNode body = JSON.readTree(payloads.render(WebhookFormat.JSON, runFailed()));

    assertThat(iterableOf(body.fieldNames()))
        .containsExactly(
            "event",
            "pipeline",
            "workflow_id",
            "run_id",
            "title",
            "message",
            "details",
            "occurred_at");
    assertThat(body.get("event").asText()).isEqualTo("run_failed");
    assertThat(body.get("pipeline").asText()).isEqualTo("jobs");
    assertThat(body.get("workflow_id").asText()).isEqualTo("jobs-scrape/Data Engineer/Netherlands");
    assertThat(body.get("run_id").asText()).isEqualTo("run-1");
    assertThat(body.get("title").asText()).isEqualTo("Data Engineer in Netherlands");
    assertThat(body.get("message").asText()).contains("Account is suspended");
    assertThat(body.get("details").get("run_id").asText()).isEqualTo("42");
    assertThat(body.get("occurred_at").asText()).isEqualTo("2024-05-01T10:15:30Z");
  }

  @Test
  void jsonOfAWorkerEventHasNullWorkflowIds() throws Exception {
    NotificationEvent budget =
        NotificationEvent.of(
            NotificationKind.BUDGET_WARNING,
            "market",
            "brightdata daily budget at 82 %",
            "8.20 of 10.00 USD spent",
            Map.of(),
            AT);

    JsonNode body = JSON.readTree(payloads.json(budget));

    assertThat(body.get("workflow_id").isNull()).isTrue();
    assertThat(body.get("run_id").isNull()).isTrue();
    assertThat(body.get("details").isEmpty()).isTrue();
  }

  @Test
  void slackTextSaysWhatFailedWhereAndWhy() throws Exception {
    String text =
        JSON.readTree(payloads.render(WebhookFormat.SLACK, runFailed())).get("text").asText();

    assertThat(text.lines().toList())
        .containsExactly(
            ":rotating_light: trawl jobs run failed — Data Engineer in Netherlands: Bright Data"
                + " collection s_1 failed: Account is suspended",
            "query: Data Engineer · location: Netherlands · run_id: 42",
            "workflow jobs-scrape/Data Engineer/Netherlands");
  }

  @Test
  void slackBodyHasOnlyTheTextField() throws Exception {
    JsonNode body = JSON.readTree(payloads.slack(runFailed()));

    assertThat(iterableOf(body.fieldNames())).containsExactly("text");
  }

  @Test
  void slackTextEscapesMarkupCharacters() throws Exception {
    NotificationEvent event =
        NotificationEvent.of(
            NotificationKind.BREAKER_OPENED,
            "market",
            "yahoo <quotes> & more",
            "",
            Map.of(),
            AT);

    String text = JSON.readTree(payloads.slack(event)).get("text").asText();

    assertThat(text)
        .isEqualTo(
            ":electric_plug: trawl market breaker opened — yahoo &lt;quotes&gt; &amp; more");
  }

  private static List<String> iterableOf(java.util.Iterator<String> names) {
    List<String> list = new java.util.ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }
}
