package io.trawl.activities.providers.unlocker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trawl.activities.providers.QuoteUnavailableException;
import io.trawl.activities.providers.QuoteUnavailableException.Reason;
import io.trawl.workflows.market.CurrencyUnits;
import io.trawl.workflows.market.MarketStatus;
import io.trawl.workflows.market.MarketSymbol;
import io.trawl.workflows.market.Quote;
import io.trawl.workflows.market.QuoteSource;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@link Quote} out of a Bloomberg quote page (PROVIDERS.md §5).
 *
 * <p>The quote lives only in the Next.js data script, at {@code props.pageProps.quote}; the page's
 * {@code tickerbar} lists other instruments and is never read. Currency comes from {@code
 * issuedCurrency} (London's pence scaled to pounds), the as-of time from {@code lastUpdate}, not
 * the fetch time. Anything short of a quote for the symbol asked — a robot page, an error page,
 * broken JSON, another symbol's quote — is a {@link QuoteUnavailableException}, never another
 * exception.
 */
public final class BloombergPageParser {
  /** Real pages are about 450 KB; ten times that is not a quote page. */
  public static final int MAX_PAGE_CHARS = 5_000_000;

  private static final Pattern NEXT_DATA_OPEN =
      Pattern.compile(
          "<script\\b[^>]*\\bid\\s*=\\s*[\"']__NEXT_DATA__[\"'][^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern BLOCK_REFERENCE =
      Pattern.compile("Block reference ID:\\s*([0-9a-fA-F-]{8,})");

  private final Clock clock;
  private final BigDecimal costPerRequestUsd;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param clock for each quote's {@code fetchedAt}
   * @param costPerRequestUsd what one Unlocker request costs, recorded on the quote
   */
  public BloombergPageParser(Clock clock, BigDecimal costPerRequestUsd) {
    this.clock = clock;
    this.costPerRequestUsd = costPerRequestUsd;
  }

  /** The quote of {@code symbol} on {@code html}, or a {@link QuoteUnavailableException}. */
  public Quote parse(MarketSymbol symbol, String html) {
    String id = symbol.bloomberg();
    if (html == null || html.isBlank()) {
      throw unavailable(id, Reason.NO_QUOTE, "the page is empty");
    }
    if (html.length() > MAX_PAGE_CHARS) {
      throw unavailable(id, Reason.TOO_LARGE, html.length() + " characters");
    }
    if (isRobotPage(html)) {
      Matcher ref = BLOCK_REFERENCE.matcher(html);
      throw unavailable(
          id,
          Reason.ROBOT_PAGE,
          "\"Are you a robot?\"" + (ref.find() ? " (block reference " + ref.group(1) + ")" : ""));
    }
    JsonNode quote = quoteNode(id, html);
    try {
      return toQuote(symbol, quote);
    } catch (RuntimeException e) {
      if (e instanceof QuoteUnavailableException unavailable) {
        throw unavailable;
      }
      // A field shaped like nothing seen before must still end as a typed failure.
      throw unavailable(id, Reason.MALFORMED, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private JsonNode quoteNode(String id, String html) {
    Matcher open = NEXT_DATA_OPEN.matcher(html);
    if (!open.find()) {
      throw unavailable(id, Reason.NO_QUOTE, "the page has no __NEXT_DATA__ script");
    }
    int end = html.indexOf("</script>", open.end());
    if (end < 0) {
      throw unavailable(id, Reason.MALFORMED, "the __NEXT_DATA__ script is not closed");
    }
    JsonNode root;
    try {
      root = json.readTree(html.substring(open.end(), end));
    } catch (JsonProcessingException e) {
      throw unavailable(
          id, Reason.MALFORMED, "__NEXT_DATA__ is not JSON: " + e.getOriginalMessage());
    }
    JsonNode quote = root == null ? null : root.at("/props/pageProps/quote");
    if (quote == null || !quote.isObject()) {
      String page = root == null ? "" : root.path("page").asText("");
      throw unavailable(
          id, Reason.NO_QUOTE, "props.pageProps.quote is missing (page \"" + page + "\")");
    }
    String quoteId = quote.path("id").asText("");
    if (!quoteId.equalsIgnoreCase(id)) {
      throw unavailable(id, Reason.SYMBOL_MISMATCH, "the page's quote id is \"" + quoteId + "\"");
    }
    return quote;
  }

  private Quote toQuote(MarketSymbol symbol, JsonNode quote) {
    String id = symbol.bloomberg();
    String issued = text(quote, "issuedCurrency");
    BigDecimal price = money(issued, quote.get("price"));
    if (price == null || price.signum() <= 0) {
      throw unavailable(id, Reason.NO_PRICE, "price is " + quote.path("price"));
    }
    Instant asOf = asOf(quote);
    if (asOf == null) {
      throw unavailable(id, Reason.NO_PRICE, "lastUpdate is " + quote.path("lastUpdate"));
    }
    BigDecimal previousClose = money(issued, quote.get("prevClose"));
    if (previousClose == null) {
      previousClose = money(issued, quote.get("previousClosingPriceOneTradingDayAgo"));
    }
    BigDecimal change = money(issued, quote.get("priceChange1Day"));
    if (change == null && previousClose != null) {
      change = price.subtract(previousClose);
    }
    JsonNode dayRange = quote.path("dayRange");
    BigDecimal high = money(issued, quote.get("highPrice"));
    BigDecimal low = money(issued, quote.get("lowPrice"));
    if (high == null && dayRange.isArray() && dayRange.size() == 2) {
      high = money(issued, dayRange.get(1));
    }
    if (low == null && dayRange.isArray() && dayRange.size() == 2) {
      low = money(issued, dayRange.get(0));
    }
    BigDecimal volume = BloombergNumbers.read(quote.get("volume"));
    return new Quote(
        id,
        text(quote, "name") != null ? text(quote, "name") : text(quote, "shortName"),
        price,
        CurrencyUnits.majorCode(issued),
        change,
        BloombergNumbers.read(quote.get("percentChange1Day")),
        volume == null || volume.signum() < 0 ? null : volume.longValue(),
        high,
        low,
        previousClose,
        status(quote),
        asOf,
        QuoteSource.BRIGHT_DATA,
        costPerRequestUsd,
        clock.instant());
  }

  private static BigDecimal money(String currency, JsonNode node) {
    return CurrencyUnits.toMajor(currency, BloombergNumbers.read(node));
  }

  private static Instant asOf(JsonNode quote) {
    String lastUpdate = text(quote, "lastUpdate");
    if (lastUpdate != null) {
      try {
        return OffsetDateTime.parse(lastUpdate).toInstant();
      } catch (DateTimeParseException e) {
        // Fall through to the epoch form some pages also carry.
      }
    }
    BigDecimal epochMillis = BloombergNumbers.read(quote.get("lastUpdateEpoch"));
    return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis.longValue());
  }

  /** {@code marketStatus} codes first; {@code isOpen}/{@code isAfterHours} when it is unknown. */
  static MarketStatus status(JsonNode quote) {
    String code = text(quote, "marketStatus");
    if (code != null) {
      switch (code.toUpperCase(Locale.ROOT)) {
        case "ACTV", "OPEN", "TRADING" -> {
          return MarketStatus.OPEN;
        }
        case "CLSD", "CLOS", "CLOSED" -> {
          return MarketStatus.CLOSED;
        }
        case "PRE", "PREM", "PREOPEN", "PRE_MARKET" -> {
          return MarketStatus.PRE_MARKET;
        }
        case "POST", "AFTER", "POSTCLOSE", "POST_MARKET" -> {
          return MarketStatus.POST_MARKET;
        }
        case "HALT", "HLTD", "HALTED", "SUSP", "SUSPENDED" -> {
          return MarketStatus.HALTED;
        }
        default -> {}
      }
    }
    JsonNode isOpen = quote.get("isOpen");
    if (isOpen != null && isOpen.isBoolean()) {
      if (isOpen.asBoolean()) {
        return MarketStatus.OPEN;
      }
      return quote.path("isAfterHours").asBoolean(false)
          ? MarketStatus.POST_MARKET
          : MarketStatus.CLOSED;
    }
    return MarketStatus.UNKNOWN;
  }

  private static boolean isRobotPage(String html) {
    // Bot checks are small pages; look at their start only, not at a 450 KB quote page's news.
    String head = html.length() > 20_000 ? html.substring(0, 20_000) : html;
    return head.contains("Are you a robot?")
        || head.contains("id=\"px-captcha\"")
        || head.contains("/tosv2.html");
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() && !value.asText().isBlank()
        ? value.asText().strip()
        : null;
  }

  private static QuoteUnavailableException unavailable(String id, Reason reason, String detail) {
    return new QuoteUnavailableException(QuoteSource.BRIGHT_DATA, id, reason, detail);
  }
}
