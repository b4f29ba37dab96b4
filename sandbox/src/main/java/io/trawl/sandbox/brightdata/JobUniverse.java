package io.trawl.sandbox.brightdata;

import io.trawl.sandbox.brightdata.Companies.Company;
import io.trawl.sandbox.brightdata.Places.Place;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Every posting that ever exists for one (keyword, location): 4 to 6 go up each UTC day, each stays
 * listed for a seeded life, and all of it follows from a hash of the normalized pair.
 *
 * <p>Most postings live 35–75 days so a past-month request returns about 150 records; 15% live only
 * 10–25 days, so a daily lifecycle job always has something to retire.
 */
final class JobUniverse {
  /** How far back "Any time" reaches; the real dataset has no fixed horizon. */
  static final int ANY_TIME_DAYS = 90;

  private static final long MAX_LIFE_DAYS = 75;
  private static final String[] TITLE_FORMS = {
    "%s",
    "%s",
    "%s",
    "Senior %s",
    "Senior %s",
    "Junior %s",
    "Medior %s",
    "Lead %s",
    "%s II",
    "Staff %s",
    "Principal %s",
    "%s (m/v/x)",
    "%s - Cloud",
    "Freelance %s",
    "%s | Hybrid",
    "%s Intern",
    "%s Consultant",
    "Senior %s (Azure)"
  };
  private static final String[] SENIORITY = {
    "Mid-Senior level", "Mid-Senior level", "Associate", "Entry level", "Not Applicable"
  };
  private static final String[] EMPLOYMENT = {
    "Full-time", "Full-time", "Full-time", "Full-time", "Part-time", "Contract", "Temporary"
  };
  private static final String[] FUNCTIONS = {
    "Information Technology", "Engineering and Information Technology", "Analyst", "Other"
  };
  private static final String[] INDUSTRIES = {
    "IT Services and IT Consulting",
    "Software Development",
    "Financial Services",
    "Staffing and Recruiting",
    "Retail",
    "Banking",
    "Insurance",
    "Transportation, Logistics," + " Supply Chain and Storage"
  };
  private static final String[] DUTIES = {
    "You will build and run reliable data pipelines.",
    "You will work closely with analysts and product owners.",
    "You will own services from design to production.",
    "You will help the team move to the cloud.",
    "You will mentor colleagues and review their work.",
    "You will turn messy sources into trusted datasets."
  };

  private final String keyword;
  private final String location;
  private final long seed;
  private final Place place;

  JobUniverse(String keyword, String location, String country) {
    this.keyword = keyword == null ? "" : keyword.strip();
    this.location = location.strip();
    this.seed = Seeds.of(this.keyword, this.location);
    this.place = Places.resolve(this.location, country);
  }

  long seed() {
    return seed;
  }

  /**
   * Postings listed on {@code day} that went up within the last {@code rangeDays} days, newest
   * first: what a request with that time range sees on that day.
   */
  List<Posting> visible(LocalDate day, int rangeDays) {
    List<Posting> postings = new ArrayList<>();
    long today = day.toEpochDay();
    long oldest = today - Math.min(rangeDays, MAX_LIFE_DAYS);
    for (long postedDay = today - 1; postedDay >= oldest; postedDay--) {
      for (Posting posting : postedOn(postedDay)) {
        if (posting.listedOn(day)) {
          postings.add(posting);
        }
      }
    }
    postings.sort(Comparator.comparing(Posting::postedAt).reversed());
    return postings;
  }

  /** The postings that went up on one day; the same list every time it is asked for. */
  List<Posting> postedOn(long epochDay) {
    SplittableRandom day = new SplittableRandom(Seeds.mix(seed, epochDay));
    int count = 4 + day.nextInt(3);
    List<Posting> postings = new ArrayList<>(count);
    for (int index = 0; index < count; index++) {
      postings.add(posting(epochDay, index, day.split()));
    }
    return postings;
  }

  private Posting posting(long epochDay, int index, SplittableRandom random) {
    String title = String.format(TITLE_FORMS[random.nextInt(TITLE_FORMS.length)], baseTitle());
    boolean retitled = random.nextInt(100) < 6;
    Company company = Companies.pick(random);
    String jobLocation = Places.pick(place, random);
    return new Posting(
        postingId(epochDay, index),
        LocalDate.ofEpochDay(epochDay)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant()
            .plus(Duration.ofSeconds(random.nextInt(86_400), random.nextInt(1000) * 1_000_000L)),
        random.nextInt(100) < 15 ? 10 + random.nextInt(16) : 35 + random.nextInt(41),
        title,
        retitled ? retitle(title) : title,
        retitled ? 1 + random.nextInt(6) : -1,
        company,
        Companies.spelling(company, random),
        jobLocation,
        place.countryCode(),
        seniority(title, random),
        title.contains("Intern") ? "Internship" : pick(EMPLOYMENT, random),
        pick(FUNCTIONS, random),
        pick(INDUSTRIES, random),
        summary(title, company.spellings().get(0), jobLocation, random),
        random.nextInt(201),
        random.nextInt(100) < 10 ? salary(random) : null,
        random.nextInt(100) < 70 ? "https://careers." + company.slug() + ".example/jobs/" : null);
  }

  /**
   * 10-digit ids: a universe part from the seed, then (day, index) scrambled by a multiplier
   * coprime with 100000, so ids never repeat inside a universe yet do not look sequential.
   */
  private String postingId(long epochDay, int index) {
    long universePart = Math.floorMod(seed, 9_000L) + 1_000;
    long dayPart = (Math.floorMod(epochDay, 10_000L) * 10 + index) * 7_919L % 100_000L;
    return Long.toString(3_000_000_000L + universePart * 100_000L + dayPart);
  }

  private String baseTitle() {
    if (keyword.isEmpty()) {
      return "Specialist";
    }
    return Arrays.stream(keyword.split("\\s+"))
        .map(w -> w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1))
        .collect(Collectors.joining(" "));
  }

  private static String retitle(String title) {
    return title.startsWith("Senior ") ? title.replace("Senior ", "Lead ") : "Senior " + title;
  }

  private static String seniority(String title, SplittableRandom random) {
    if (title.contains("Intern")) {
      return "Internship";
    }
    if (title.startsWith("Junior")) {
      return "Entry level";
    }
    if (title.matches("(Senior|Lead|Staff|Principal) .*")) {
      return "Mid-Senior level";
    }
    return pick(SENIORITY, random);
  }

  private static String summary(
      String title, String company, String jobLocation, SplittableRandom random) {
    String first = pick(DUTIES, random);
    String second = pick(DUTIES, random);
    return "We are looking for a "
        + title
        + " to join "
        + company
        + " in "
        + jobLocation
        + ". "
        + first
        + (second.equals(first) ? "" : " " + second);
  }

  private static Posting.Salary salary(SplittableRandom random) {
    int min = 40_000 + random.nextInt(40) * 1_000;
    return new Posting.Salary(min, min + 10_000 + random.nextInt(30) * 1_000, "EUR", "YEAR");
  }

  private static String pick(String[] options, SplittableRandom random) {
    return options[random.nextInt(options.length)];
  }
}
