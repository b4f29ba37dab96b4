package io.trawl.starter;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.sandbox.apify.ApifyFaults;
import io.trawl.sandbox.apify.FakeApify;
import io.trawl.sandbox.maps.MapsUniverse;
import io.trawl.sandbox.places.FakePlaces;
import io.trawl.sandbox.places.PlacesFaults;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code APIFY_TOKEN}, {@code APIFY_BASE_URL}, {@code GOOGLE_PLACES_API_KEY} and {@code
 * GOOGLE_PLACES_BASE_URL} set, the README's pharmacy commands talk to those servers, unchanged:
 * here two real-shaped servers on loopback that refuse any request without the credentials.
 */
class PharmacyRealProvidersTest {
  private static final String APIFY_TOKEN = "apify-token-for-test";
  private static final String PLACES_KEY = "places-key-for-test";

  @TempDir Path home;
  private FakeApify apify;
  private FakePlaces places;

  @BeforeEach
  void startProviders() {
    MapsUniverse universe = new MapsUniverse();
    apify = new FakeApify(APIFY_TOKEN, universe, ApifyFaults.none()).start();
    places = new FakePlaces(PLACES_KEY, universe, PlacesFaults.none()).start();
  }

  @AfterEach
  void stopProviders() {
    apify.close();
    places.close();
  }

  @Test
  void theReadmeCommandsRunAgainstConfiguredProvidersAndRecordTheRunAsReal() {
    Map<String, String> env =
        Map.of(
            "TRAWL_HOME", home.toString(),
            "APIFY_TOKEN", APIFY_TOKEN,
            "APIFY_BASE_URL", apify.baseUrl(),
            "GOOGLE_PLACES_API_KEY", PLACES_KEY,
            "GOOGLE_PLACES_BASE_URL", places.baseUrl());

    CliRun run =
        CliRun.run(
            env, "pharmacy", "run", "--query", "pharmacy", "--location", "San Francisco, CA");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("Apify: real API").doesNotContain(APIFY_TOKEN);
    assertThat(run.out())
        .contains("Collected: 25")
        .contains("Verified:")
        .contains("Provider: apify");
    assertThat(apify.runsStarted()).isEqualTo(1);
    assertThat(places.requests()).isPositive();

    CliRun again =
        CliRun.run(
            env, "pharmacy", "run", "--query", "pharmacy", "--location", "San Francisco, CA");
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(apify.runsStarted()).as("the second run is served from the cache").isEqualTo(1);

    CliRun runs = CliRun.run(env, "pharmacy", "runs", "--json");
    assertThat(runs.exitCode()).as(runs.err()).isZero();
    assertThat(runs.out().replace(" ", ""))
        .contains("\"provider\":\"apify\"")
        .doesNotContain("\"sandbox\"");
  }
}
