package io.trawl.sandbox.apify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trawl.sandbox.SandboxHttp;
import io.trawl.sandbox.maps.MapsUniverse;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class FakeApifyProtocolTest {
  private FakeApify fake;
  private ApifyHttp http;

  private void start(ApifyFaults.Builder faults) {
    fake =
        new FakeApify(ApifyHttp.TOKEN, new MapsUniverse(), faults.millisPerSecond(5).build())
            .start();
    http = new ApifyHttp(fake);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void startAnswers201WithAReadyRunAndItsDataset() {
    start(ApifyFaults.builder());
    JsonNode run = http.startOk("?waitForFinish=0&maxTotalChargeUsd=1.5");

    assertThat(run.get("status").asText()).isEqualTo("READY");
    assertThat(run.get("actId").asText()).isEqualTo(FakeApify.GOOGLE_MAPS_ACTOR);
    assertThat(run.get("finishedAt").isNull()).isTrue();
    assertThat(run.get("id").asText()).hasSize(17);
    assertThat(run.get("defaultDatasetId").asText()).isNotBlank();
    assertThat(fake.runsStarted()).isEqualTo(1);
  }

  @Test
  void runSucceedsAndItsDatasetHoldsEveryPlaceWithSearchAndRank() {
    start(ApifyFaults.builder());
    JsonNode run = http.startOk("");
    JsonNode done = http.runOk(run.get("id").asText(), 60);
    HttpResponse<String> page = http.items(done.get("defaultDatasetId").asText(), 0, 1000);
    JsonNode items = SandboxHttp.json(page);
    int expected = new MapsUniverse().search("pharmacy", "San Francisco, CA", 100).size();

    assertThat(done.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(done.get("finishedAt").isTextual()).isTrue();
    assertThat(done.get("exitCode").asInt()).isZero();
    assertThat(items.size()).isEqualTo(expected);
    assertThat(ApifyHttp.header(page, "X-Apify-Pagination-Total")).isEqualTo(expected);
    JsonNode first = items.get(0);
    assertThat(first.get("title").asText()).isEqualTo("CVS Pharmacy");
    assertThat(first.get("searchString").asText()).isEqualTo("pharmacy");
    assertThat(first.get("rank").asInt()).isEqualTo(1);
    assertThat(first.get("state").asText()).isEqualTo("California");
    assertThat(first.get("location").get("lat").isNumber()).isTrue();
    assertThat(first.get("placeId").asText()).startsWith("ChIJ");
    assertThat(fake.placesBilled()).isEqualTo(expected);
  }

  @Test
  void longPollAnswersStillRunningAtTheWaitCap() {
    start(ApifyFaults.builder().runSeconds(100_000));
    JsonNode run = http.startOk("");

    JsonNode polled = http.runOk(run.get("id").asText(), 2);

    assertThat(polled.get("status").asText()).isEqualTo("RUNNING");
    assertThat(polled.get("finishedAt").isNull()).isTrue();
  }

  @Test
  void pagesCarryPaginationHeadersAndCleanPagesComeBackShort() {
    start(ApifyFaults.builder().hiddenItemEvery(4));
    JsonNode run = http.runOk(http.startOk("").get("id").asText(), 60);
    String dataset = run.get("defaultDatasetId").asText();

    HttpResponse<String> page = http.items(dataset, 0, 10);
    List<String> ids = new ArrayList<>();
    long total = ApifyHttp.header(page, "X-Apify-Pagination-Total");
    for (int offset = 0; offset < total; offset += 10) {
      SandboxHttp.json(http.items(dataset, offset, 10))
          .forEach(i -> ids.add(i.get("placeId").asText()));
    }

    assertThat(ApifyHttp.header(page, "X-Apify-Pagination-Offset")).isZero();
    assertThat(ApifyHttp.header(page, "X-Apify-Pagination-Limit")).isEqualTo(10);
    assertThat(ApifyHttp.header(page, "X-Apify-Pagination-Count")).isEqualTo(8);
    assertThat(SandboxHttp.json(page).size()).isEqualTo(8);
    assertThat(ids).hasSize((int) fake.placesBilled()).doesNotHaveDuplicates();
    assertThat(total).isGreaterThan(ids.size());
  }

  @Test
  void failedRunKeepsItsPartialItems() {
    start(ApifyFaults.builder().outcome("FAILED").partialShare(0.5));
    JsonNode run = http.runOk(http.startOk("").get("id").asText(), 60);
    int all = new MapsUniverse().search("pharmacy", "San Francisco, CA", 100).size();

    JsonNode items = SandboxHttp.json(http.items(run.get("defaultDatasetId").asText(), 0, 1000));

    assertThat(run.get("status").asText()).isEqualTo("FAILED");
    assertThat(items.size()).isEqualTo(Math.round(all * 0.5));
  }

  @Test
  void runPastItsTimeoutEndsTimedOut() {
    start(ApifyFaults.builder().runSeconds(100));
    JsonNode run = http.runOk(http.startOk("?timeout=10").get("id").asText(), 60);

    assertThat(run.get("status").asText()).isEqualTo("TIMED-OUT");
    assertThat(run.get("statusMessage").asText()).contains("timed out");
  }

  @Test
  void emptyDatasetSucceedsWithZeroItems() {
    start(ApifyFaults.builder().emptyDataset(true));
    JsonNode run = http.runOk(http.startOk("").get("id").asText(), 60);
    HttpResponse<String> page = http.items(run.get("defaultDatasetId").asText(), 0, 100);

    assertThat(run.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(page.body()).isEqualTo("[]");
    assertThat(ApifyHttp.header(page, "X-Apify-Pagination-Total")).isZero();
  }

  @Test
  void abortStopsARunningRun() {
    start(ApifyFaults.builder().runSeconds(100_000));
    String id = http.startOk("").get("id").asText();

    JsonNode aborting =
        SandboxHttp.json(http.http.post("/actor-runs/" + id + "/abort", ApifyHttp.AUTH, null))
            .get("data");
    JsonNode after = http.runOk(id, 0);

    assertThat(aborting.get("status").asText()).isEqualTo("ABORTING");
    assertThat(after.get("status").asText()).isEqualTo("ABORTED");
    assertThat(fake.runsAborted()).isEqualTo(1);
  }

  @Test
  void costIsStartPlusPerPlaceAndSettlesAfterAPreliminaryRead() {
    start(ApifyFaults.builder().preliminaryReads(1));
    String id = http.startOk("").get("id").asText();
    JsonNode first = http.runOk(id, 60);
    JsonNode second = http.runOk(id, 0);
    int places = new MapsUniverse().search("pharmacy", "San Francisco, CA", 100).size();

    assertThat(first.get("usageTotalUsd").asDouble())
        .isLessThan(second.get("usageTotalUsd").asDouble());
    assertThat(second.get("usageTotalUsd").asDouble()).isEqualTo(0.007 + 0.004 * places, within());
    assertThat(second.get("chargedEventCounts").get("place-scraped").asInt()).isEqualTo(places);
  }

  @Test
  void maxTotalChargeCapsThePlacesScraped() {
    start(ApifyFaults.builder());
    JsonNode run = http.runOk(http.startOk("?maxTotalChargeUsd=0.047").get("id").asText(), 60);

    assertThat(run.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(fake.placesBilled()).isEqualTo(10);
    assertThat(run.get("statusMessage").asText()).contains("Maximum cost per run");
  }

  @Test
  void unknownActorRunAndDatasetAnswer404WithApifyErrors() {
    start(ApifyFaults.builder());
    HttpResponse<String> actor =
        http.http.post("/acts/someone~nothing/runs", ApifyHttp.AUTH, ApifyHttp.INPUT);
    HttpResponse<String> run = http.run("nosuchrun", 0);
    HttpResponse<String> dataset = http.items("nosuchdataset", 0, 10);

    assertThat(actor.statusCode()).isEqualTo(404);
    assertThat(SandboxHttp.json(actor).at("/error/type").asText()).isEqualTo("actor-not-found");
    assertThat(run.statusCode()).isEqualTo(404);
    assertThat(SandboxHttp.json(run).at("/error/type").asText()).isEqualTo("record-not-found");
    assertThat(SandboxHttp.json(dataset).at("/error/type").asText()).isEqualTo("record-not-found");
  }

  @Test
  void missingTokenAnswers401TokenNotProvided() {
    start(ApifyFaults.builder());
    HttpResponse<String> answer =
        http.http.post("/acts/compass~crawler-google-places/runs", Map.of(), ApifyHttp.INPUT);

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(SandboxHttp.json(answer).at("/error/type").asText()).isEqualTo("token-not-provided");
    assertThat(fake.runsStarted()).isZero();
  }

  @Test
  void tokenMayComeAsAQueryParameter() {
    start(ApifyFaults.builder());
    HttpResponse<String> answer =
        http.http.post(
            "/acts/compass~crawler-google-places/runs?token=" + ApifyHttp.TOKEN,
            Map.of(),
            ApifyHttp.INPUT);

    assertThat(answer.statusCode()).isEqualTo(201);
  }

  @Test
  void inputWithoutSearchStringsIsRefused() {
    start(ApifyFaults.builder());
    HttpResponse<String> answer = http.start("", "{\"locationQuery\":\"Austin, TX\"}");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(SandboxHttp.json(answer).at("/error/type").asText()).isEqualTo("invalid-input");
  }

  @Test
  void countsRequestsPerEndpoint() {
    start(ApifyFaults.builder());
    String id = http.startOk("").get("id").asText();
    http.run(id, 0);
    http.run(id, 0);

    assertThat(fake.requests())
        .containsEntry(FakeApify.START, 1L)
        .containsEntry(FakeApify.RUN, 2L)
        .containsEntry(FakeApify.ITEMS, 0L);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
