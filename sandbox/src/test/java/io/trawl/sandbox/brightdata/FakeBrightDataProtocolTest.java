package io.trawl.sandbox.brightdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trawl.sandbox.brightdata.FakeBrightData.Faults;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class FakeBrightDataProtocolTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-03-10T08:00:00Z"), ZoneOffset.UTC);

  private FakeBrightData fake;
  private BrightDataHttp http;

  @BeforeEach
  void start() {
    fake = new FakeBrightData(CLOCK, Faults.none()).start();
    http = new BrightDataHttp(fake);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void baseUrlIsLoopback() {
    assertThat(fake.baseUrl()).isEqualTo("http://127.0.0.1:" + fake.port());
  }

  @Test
  void requestWithoutBearerTokenIsRefusedWith401() {
    HttpResponse<String> refused = http.unauthenticated(BrightDataHttp.TRIGGER_QUERY);

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).isEqualTo("Credentials are missing");
    assertThat(fake.triggersRefused()).isEqualTo(1);
  }

  @Test
  void invalidCredentialsFaultRefusesAnyToken() {
    fake.faults(Faults.builder().invalidCredentials(true).build());
    HttpResponse<String> refused =
        http.trigger(BrightDataHttp.input("x", "Netherlands", "Past week"));

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).isEqualTo("Invalid credentials");
  }

  @Test
  void invalidTimeRangeIsAValidationError() {
    HttpResponse<String> invalid =
        http.trigger(BrightDataHttp.input("x", "Netherlands", "Past year"));

    assertThat(invalid.statusCode()).isEqualTo(400);
    JsonNode body = BrightDataHttp.json(invalid);
    assertThat(body.get("code").asText()).isEqualTo("validation_error");
    assertThat(body.get("errors").get(0).get(0).asText()).isEqualTo("time_range");
  }

  @Test
  void timeRangeIsCaseInsensitive() {
    assertThat(http.trigger(BrightDataHttp.input("x", "Netherlands", "Past Week")).statusCode())
        .isEqualTo(200);
  }

  @Test
  void missingLocationIsAValidationError() {
    HttpResponse<String> invalid =
        http.trigger("[{\"keyword\":\"x\",\"time_range\":\"Past week\"}]");

    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.body()).contains("location");
  }

  @Test
  void emptyInputListHasNoDataToTrigger() {
    HttpResponse<String> empty = http.trigger("[]");

    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).isEqualTo("No data to trigger");
  }

  @Test
  void inputsWrappedInAnObjectAreAccepted() {
    String body = "{\"input\":" + BrightDataHttp.input("x", "Netherlands", "Past week") + "}";

    assertThat(http.trigger(body).statusCode()).isEqualTo(200);
  }

  @Test
  void severalInputsAreCollectedIntoOneSnapshot() {
    String two =
        "[{\"keyword\":\"Data Engineer\",\"location\":\"Netherlands\",\"time_range\":\"Past"
            + " week\"},{\"keyword\":\"Data"
            + " Analyst\",\"location\":\"Netherlands\",\"time_range\":\"Past week\"}]";
    String both = BrightDataHttp.json(http.trigger(two)).get("snapshot_id").asText();
    int single =
        http.awaitReady(http.triggerOk("Data Engineer", "Netherlands", "Past week"))
            .get("records")
            .asInt();

    assertThat(http.awaitReady(both).get("records").asInt()).isGreaterThan(single);
  }

  @Test
  void unknownSnapshotIsNotFound() {
    HttpResponse<String> missing = http.progress("s_nope");

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).isEqualTo("Snapshot does not exist");
    assertThat(http.download("s_nope", "json").statusCode()).isEqualTo(404);
  }

  @Test
  void runningSnapshotCanBeCancelledOnce() {
    String id = http.triggerOk("Data Engineer", "Netherlands", "Past week");

    assertThat(http.cancel(id).statusCode()).isEqualTo(200);
    assertThat(BrightDataHttp.json(http.progress(id)).get("status").asText())
        .isEqualTo("cancelled");
    assertThat(http.cancel(id).statusCode()).isEqualTo(400);
  }

  @Test
  void jsonFormatIsOneArrayWithTheSameRecordsAsNdjson() {
    String id = http.triggerOk("Data Engineer", "Netherlands", "Past week");
    http.awaitReady(id);
    JsonNode array = BrightDataHttp.parse(http.download(id, "json").body());
    List<JsonNode> lines = BrightDataHttp.lines(http.download(id, "ndjson").body());

    assertThat(array.isArray()).isTrue();
    assertThat(array).containsExactlyElementsOf(lines);
  }

  @Test
  void countersCountWhatWasServed() {
    String id = http.triggerOk("Data Engineer", "Netherlands", "Past month");
    http.trigger("[]");
    JsonNode ready = http.awaitReady(id);
    List<JsonNode> lines = BrightDataHttp.lines(http.download(id, "ndjson").body());
    long content = lines.stream().filter(r -> !r.has("error_code")).count();

    assertThat(fake.triggersAccepted()).isEqualTo(1);
    assertThat(fake.triggersRefused()).isEqualTo(1);
    assertThat(fake.progressPolls()).isEqualTo(2);
    assertThat(fake.downloads()).isEqualTo(1);
    assertThat(fake.recordsDelivered()).isEqualTo(content).isEqualTo(ready.get("records").asLong());
    assertThat(fake.requests())
        .containsEntry("trigger", 2L)
        .containsEntry("progress", 2L)
        .containsEntry("snapshot", 1L)
        .containsEntry("cancel", 0L);
  }

  @Test
  void adminEndpointArmsFaultsAndReportsStats() {
    HttpResponse<String> armed =
        http.admin("POST", "faults", "{\"rateLimited\":1,\"retryAfterSeconds\":5}");
    HttpResponse<String> limited =
        http.trigger(BrightDataHttp.input("x", "Netherlands", "Past week"));
    JsonNode stats = BrightDataHttp.json(http.admin("GET", "stats", null));

    assertThat(armed.statusCode()).isEqualTo(200);
    assertThat(BrightDataHttp.json(armed).get("pollsBeforeReady").asInt()).isEqualTo(1);
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).contains("5");
    assertThat(stats.get("triggersRefused").asLong()).isEqualTo(1);
    assertThat(stats.get("requests").get("trigger").asLong()).isEqualTo(1);
  }

  @Test
  void adminEndpointRefusesUnknownFaults() {
    HttpResponse<String> refused = http.admin("POST", "faults", "{\"explode\":true}");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("unknown fault explode").contains("rateLimited");
  }

  @Test
  void adminEndpointRefusesInvalidValues() {
    HttpResponse<String> refused = http.admin("POST", "faults", "{\"serverErrorStatus\":200}");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("serverErrorStatus must be 5xx, got 200");
  }

  @Test
  void adminResetDisarmsFaultsAndZeroesCounters() {
    fake.faults(Faults.builder().rateLimitedNoRetryAfter(5).build());
    http.trigger(BrightDataHttp.input("x", "Netherlands", "Past week"));
    JsonNode stats = BrightDataHttp.json(http.admin("POST", "reset", null));

    assertThat(stats.get("triggersRefused").asLong()).isZero();
    assertThat(fake.faults()).isEqualTo(Faults.none());
    http.triggerOk("x", "Netherlands", "Past week");
  }
}
