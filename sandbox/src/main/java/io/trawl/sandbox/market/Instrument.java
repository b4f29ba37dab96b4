package io.trawl.sandbox.market;

/**
 * One instrument the market sandboxes know, under the names each real site uses. The two names are
 * written out, not derived, so a client that converts symbols wrongly gets a 404 here as it would
 * from the real site.
 *
 * @param bloomberg Bloomberg's id ({@code AAPL:US})
 * @param yahoo Yahoo's symbol ({@code AAPL})
 * @param name display name
 * @param type Yahoo's {@code instrumentType}: EQUITY, ETF, INDEX, CURRENCY, FUTURE, CRYPTOCURRENCY
 * @param currency the quote currency as both sites print it, sub-units included ({@code GBp})
 * @param basePrice the level prices wander around, in {@code currency}
 * @param decimals decimals prices are rounded to
 * @param averageVolume typical session volume; 0 for instruments without one (indices, currencies)
 * @param sharesOutstanding for the market cap; 0 when not an equity
 * @param venue where and when it trades
 */
public record Instrument(
    String bloomberg,
    String yahoo,
    String name,
    String type,
    String currency,
    double basePrice,
    int decimals,
    long averageVolume,
    long sharesOutstanding,
    Venue venue) {

  public Instrument {
    if (bloomberg == null || yahoo == null || name == null || venue == null || currency == null) {
      throw new IllegalArgumentException("bloomberg, yahoo, name, currency and venue are required");
    }
    if (basePrice <= 0 || decimals < 0 || averageVolume < 0 || sharesOutstanding < 0) {
      throw new IllegalArgumentException(
          bloomberg + ": basePrice must be > 0 and counts 0 or more");
    }
  }
}
