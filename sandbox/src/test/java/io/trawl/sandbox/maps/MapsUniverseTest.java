package io.trawl.sandbox.maps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MapsUniverseTest {
  private final MapsUniverse universe = new MapsUniverse();

  @Test
  void sameSearchGivesTheSamePlacesInEveryUniverse() {
    List<MapsPlace> first = universe.search("pharmacy", "San Francisco, CA", 100);
    List<MapsPlace> second = new MapsUniverse().search("pharmacy", "San Francisco, CA", 100);

    assertThat(first).isEqualTo(second);
    assertThat(first.size()).isBetween(20, 40);
  }

  @Test
  void everySearchOpensWithTheCasesAPipelineMustHandle() {
    List<MapsPlace> places = universe.search("pharmacy", "San Francisco, CA", 100);

    assertThat(places.get(0).title()).isEqualTo("CVS Pharmacy");
    assertThat(places.get(1).title()).isEqualTo("Walgreens");
    assertThat(places.get(3).title())
        .isEqualTo("Kaiser Permanente San Francisco Medical Center Pharmacy");
    assertThat(places.get(4).title()).endsWith("Compounding Pharmacy");
    assertThat(places.get(5).categoryName()).isEqualTo("Veterinary pharmacy");
    assertThat(places).extracting(MapsPlace::kind).contains(PlaceKind.CLINIC, PlaceKind.MALL);
    assertThat(places).anyMatch(MapsPlace::permanentlyClosed);
    assertThat(places).anyMatch(MapsPlace::temporarilyClosed);
    assertThat(places).anyMatch(p -> !p.knownToPlaces());
    assertThat(places).anyMatch(p -> p.totalScore() == null);
    assertThat(places).anyMatch(p -> p.website() != null && !p.website().contains("://"));
    assertThat(places)
        .allMatch(p -> p.state().equals("California") && p.placeId().startsWith("ChIJ"));
  }

  @Test
  void twoSearchesInOneCityShareSomePlaces() {
    Set<String> pharmacy = ids(universe.search("pharmacy", "Austin, TX", 100));
    Set<String> drugstore = ids(universe.search("drugstore", "Austin, Texas, USA", 100));

    Set<String> both = new HashSet<>(pharmacy);
    both.retainAll(drugstore);
    assertThat(both).hasSizeGreaterThanOrEqualTo(15);
    assertThat(pharmacy).isNotEqualTo(drugstore);
  }

  @Test
  void someResultsLieOutsideTheNamedCity() {
    List<MapsPlace> places = universe.search("pharmacy", "San Francisco, CA", 100);

    assertThat(places).anyMatch(p -> p.city().equals("Daly City"));
  }

  @Test
  void searchStringMayNameItsOwnLocation() {
    assertThat(universe.search("pharmacy in Austin, TX", null, 100))
        .isEqualTo(universe.search("pharmacy", "Austin, TX", 100));
  }

  @Test
  void unknownCityGetsAStableMadeUpLocation() {
    List<MapsPlace> places = universe.search("pharmacy", "Springfield, IL", 5);

    assertThat(places).hasSize(5).allMatch(p -> p.state().equals("Illinois"));
    assertThat(places.get(0).city()).isEqualTo("Springfield");
  }

  @Test
  void scaleKnobReturnsTwentyThousandDistinctPlaces() {
    List<MapsPlace> places = new MapsUniverse(20_000).search("pharmacy", "Chicago, IL", 50_000);

    assertThat(places).hasSize(20_000);
    assertThat(ids(places)).hasSize(20_000);
  }

  @Test
  void textSearchFindsAPlaceByItsAddressOrName() {
    MapsPlace cvs = universe.search("pharmacy", "Seattle, WA", 10).get(0);

    assertThat(new MapsUniverse().findByText(cvs.formattedAddress())).containsExactly(cvs);
    assertThat(universe.findByText(cvs.address())).containsExactly(cvs);
    assertThat(universe.findByText("CVS Pharmacy")).contains(cvs);
    assertThat(universe.findByText("CVS Pharmacy, " + cvs.formattedAddress())).containsExactly(cvs);
  }

  @Test
  void textSearchDoesNotFindAPlaceTooNewForThePlacesIndex() {
    MapsPlace unknown =
        universe.search("pharmacy", "Seattle, WA", 100).stream()
            .filter(p -> !p.knownToPlaces())
            .findFirst()
            .orElseThrow();

    assertThat(universe.findByText(unknown.address())).isEmpty();
    assertThat(universe.findByText("123 Nowhere Rd, Seattle, WA 98199")).isEmpty();
  }

  private static Set<String> ids(List<MapsPlace> places) {
    Set<String> ids = new HashSet<>();
    places.forEach(p -> ids.add(p.placeId()));
    return ids;
  }
}
