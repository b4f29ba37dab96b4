package io.trawl.sandbox.brightdata;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The fictional employers of the universe. Some have several spellings, as LinkedIn shows the same
 * employer as "Acme B.V.", "ACME BV " and "Acme", so the ingest's canonicalization has work to do.
 * Names are invented on purpose: sandbox data must never pass for real postings.
 */
final class Companies {
  /**
   * @param id LinkedIn-style numeric company id, the same for every spelling
   * @param slug the company page slug
   * @param spellings names as they appear on postings; the first is the usual one
   */
  record Company(String id, String slug, List<String> spellings) {}

  static final List<Company> ALL =
      List.of(
          company("10482201", "acme", "Acme B.V.", "ACME BV ", "Acme"),
          company("10482233", "polder-data", "Polder Data", "Polder Data B.V."),
          company("10482277", "tulip-systems", "Tulip Systems", "TULIP SYSTEMS B.V.", "Tulip"),
          company("10482290", "grachten-analytics", "Grachten Analytics"),
          company("10482311", "molenaar-zonen", "Molenaar & Zonen", "Molenaar en Zonen B.V."),
          company("10482345", "delta-werken", "Delta Werken", "Delta Werken N.V."),
          company("10482378", "northwind-analytics", "Northwind Analytics"),
          company("10482390", "globex", "Globex Corporation", "Globex", "GLOBEX CORP."),
          company("10482412", "initech", "Initech"),
          company("10482455", "hooli-europe", "Hooli Europe", "Hooli Europe B.V."),
          company("10482467", "vandelay", "Vandelay Industries", "Vandelay Industries N.V."),
          company("10482489", "zuidas-fintech", "Zuidas Fintech"),
          company("10482503", "kanaal-logistics", "Kanaal Logistics", "Kanaal Logistics B.V."),
          company("10482530", "dijk-energy", "Dijk Energy"),
          company("10482561", "haven-robotics", "Haven Robotics", "Haven Robotics BV"),
          company("10482588", "fietsbank", "Fietsbank", "FietsBank N.V."),
          company("10482602", "klompen-cloud", "Klompen Cloud"),
          company("10482619", "lowlands-retail", "Lowlands Retail Group"),
          company("10482640", "tegel-health", "Tegel Health"),
          company("10482666", "noordzee-insurance", "Noordzee Verzekeringen", "Noordzee"),
          company("10482681", "brug-consulting", "Brug Consulting", "Brug Consulting B.V."),
          company("10482707", "stroopwafel-labs", "Stroopwafel Labs"),
          company("10482722", "windmolen-tech", "Windmolen Technologies"),
          company("10482748", "oranje-talent", "Oranje Talent", "Oranje Talent B.V."),
          company("10482769", "blauwe-dataworks", "Blauwe Dataworks"),
          company("10482785", "veluwe-software", "Veluwe Software"),
          company("10482801", "randmeer-media", "Randmeer Media"),
          company("10482823", "sluis-payments", "Sluis Payments", "SLUIS PAYMENTS"),
          company("10482846", "duin-mobility", "Duin Mobility"),
          company("10482867", "gouda-foods", "Gouda Foods International"),
          company("10482889", "tjalk-shipping", "Tjalk Shipping"),
          company("10482904", "lepel-games", "Lepel Games"),
          company("10482926", "ijssel-pharma", "IJssel Pharma", "Ijssel Pharma B.V."),
          company("10482941", "kade-recruitment", "Kade Recruitment"),
          company("10482963", "vlinder-ai", "Vlinder AI"),
          company("10482988", "schelde-bank", "Schelde Bank"),
          company("10483005", "kroket-commerce", "Kroket Commerce"),
          company("10483027", "hofje-govtech", "Hofje GovTech"),
          company("10483049", "tulp-telecom", "Tulp Telecom"),
          company("10483066", "mosselbank-data", "Mosselbank Data"));

  private Companies() {}

  /** Picks an employer and, for a third of the postings of a multi-spelling employer, a variant. */
  static Company pick(SplittableRandom random) {
    return ALL.get(random.nextInt(ALL.size()));
  }

  static String spelling(Company company, SplittableRandom random) {
    List<String> spellings = company.spellings();
    if (spellings.size() == 1 || random.nextInt(3) != 0) {
      return spellings.get(0);
    }
    return spellings.get(1 + random.nextInt(spellings.size() - 1));
  }

  private static Company company(String id, String slug, String... spellings) {
    return new Company(id, slug, List.of(spellings));
  }
}
