package io.trawl.workflows.market;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One instrument, named in Bloomberg's {@code TICKER:CODE} form ({@code AAPL:US}, {@code
 * EURUSD:CUR}), which is trawl's canonical form; converts to and from Yahoo's form.
 *
 * <p>The conversion follows fixed tables ({@link SymbolTables}): equity exchanges become Yahoo
 * suffixes ({@code VOD:LN} ↔ {@code VOD.L}, Hong Kong zero-padded: {@code 700:HK} ↔ {@code
 * 0700.HK}), share classes swap {@code /} for {@code -} ({@code BRK/B:US} ↔ {@code BRK-B}),
 * currency pairs gain {@code =X}, crypto pairs use Yahoo's coin codes ({@code XBTUSD:CUR} ↔ {@code
 * BTC-USD}), generic futures and indices map by name ({@code GC1:COM} ↔ {@code GC=F}, {@code
 * SPX:IND} ↔ {@code ^GSPC}). A form outside the tables is refused with an {@link
 * IllegalArgumentException} naming it: guessing a symbol would quote some other instrument.
 *
 * @param ticker the part before the colon, upper case ({@code BRK/B}, {@code 700}, {@code GC1})
 * @param code Bloomberg's exchange or market-sector code ({@code US}, {@code LN}, {@code CUR})
 */
public record MarketSymbol(String ticker, String code) {
  private static final Pattern BLOOMBERG = Pattern.compile("([A-Z0-9][A-Z0-9/]*):([A-Z]{2,4})");
  private static final Pattern EQUITY_TICKER = Pattern.compile("[A-Z0-9][A-Z0-9/]*");
  private static final Pattern YAHOO_SUFFIXED = Pattern.compile("([A-Z0-9][A-Z0-9-]*)\\.([A-Z]+)");
  private static final Pattern YAHOO_PLAIN = Pattern.compile("[A-Z0-9][A-Z0-9-]*");
  private static final Pattern YAHOO_CRYPTO = Pattern.compile("([A-Z0-9]{2,10})-([A-Z]{3})");
  private static final Pattern FX_PAIR = Pattern.compile("[A-Z]{6}");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");

  public MarketSymbol {
    String text = ticker + ":" + code;
    if (ticker == null || code == null || !BLOOMBERG.matcher(text).matches()) {
      throw unknown(text);
    }
    boolean known =
        switch (code) {
          case SymbolTables.CURRENCY -> isCurrencyPair(ticker);
          case SymbolTables.COMMODITY -> SymbolTables.FUTURES.containsKey(ticker);
          case SymbolTables.INDEX -> SymbolTables.INDICES.containsKey(ticker);
          default ->
              SymbolTables.EXCHANGE_SUFFIXES.containsKey(code)
                  && EQUITY_TICKER.matcher(ticker).matches()
                  && (!code.equals("HK") || isHongKongNumber(ticker));
        };
    if (!known) {
      throw unknown(text);
    }
  }

  /**
   * Parses Bloomberg's form, in any case and with surrounding blanks ({@code " aapl:us "}); an
   * unknown exchange, index, future or a malformed text is refused naming the text.
   */
  public static MarketSymbol parse(String bloomberg) {
    String text = normalize(bloomberg);
    Matcher m = BLOOMBERG.matcher(text);
    if (!m.matches()) {
      throw unknown(bloomberg);
    }
    String ticker = m.group(1);
    if (m.group(2).equals("HK") && DIGITS.matcher(ticker).matches()) {
      ticker = stripLeadingZeros(ticker);
    }
    try {
      return new MarketSymbol(ticker, m.group(2));
    } catch (IllegalArgumentException e) {
      throw unknown(bloomberg);
    }
  }

  /** Converts Yahoo's form ({@code BRK-B}, {@code 0700.HK}, {@code ^GSPC}, {@code GC=F}). */
  public static MarketSymbol fromYahoo(String yahoo) {
    String text = normalize(yahoo);
    try {
      return fromYahooUpperCase(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown Yahoo symbol \"" + yahoo + "\": no Bloomberg form for it", e);
    }
  }

  /** Either form: a text with a colon is Bloomberg's, any other Yahoo's ({@code AAPL}). */
  public static MarketSymbol of(String text) {
    return text != null && text.contains(":") ? parse(text) : fromYahoo(text);
  }

  /** The canonical text, {@code TICKER:CODE}. */
  public String bloomberg() {
    return ticker + ":" + code;
  }

  /** The symbol Yahoo's chart endpoint knows this instrument by (not URL-encoded). */
  public String yahoo() {
    return switch (code) {
      case SymbolTables.CURRENCY -> {
        String base = ticker.substring(0, 3);
        String crypto = SymbolTables.CRYPTO_TO_YAHOO.get(base);
        yield crypto != null ? crypto + "-" + ticker.substring(3) : ticker + "=X";
      }
      case SymbolTables.COMMODITY -> SymbolTables.FUTURES.get(ticker) + "=F";
      case SymbolTables.INDEX -> SymbolTables.INDICES.get(ticker);
      case "US" -> ticker.replace('/', '-');
      case "HK" -> "0".repeat(Math.max(0, 4 - ticker.length())) + ticker + ".HK";
      default -> ticker.replace('/', '-') + "." + SymbolTables.EXCHANGE_SUFFIXES.get(code);
    };
  }

  /** The asset class the code implies: an exchange listing is {@link AssetClass#STOCKS}. */
  public AssetClass assetClass() {
    return switch (code) {
      case SymbolTables.CURRENCY ->
          SymbolTables.CRYPTO_TO_YAHOO.containsKey(ticker.substring(0, 3))
              ? AssetClass.CRYPTO
              : AssetClass.FOREX;
      case SymbolTables.COMMODITY -> AssetClass.COMMODITIES;
      case SymbolTables.INDEX -> AssetClass.INDICES;
      default -> AssetClass.STOCKS;
    };
  }

  /** The Bloomberg quote page for this symbol. */
  public String bloombergQuoteUrl() {
    return "https://www.bloomberg.com/quote/" + bloomberg();
  }

  @Override
  public String toString() {
    return bloomberg();
  }

  private static MarketSymbol fromYahooUpperCase(String text) {
    if (text.startsWith("^")) {
      return new MarketSymbol(SymbolTables.key(SymbolTables.INDICES, text), SymbolTables.INDEX);
    }
    if (text.endsWith("=X")) {
      return new MarketSymbol(text.substring(0, text.length() - 2), SymbolTables.CURRENCY);
    }
    if (text.endsWith("=F")) {
      String root = text.substring(0, text.length() - 2);
      return new MarketSymbol(SymbolTables.key(SymbolTables.FUTURES, root), SymbolTables.COMMODITY);
    }
    Matcher crypto = YAHOO_CRYPTO.matcher(text);
    if (crypto.matches() && SymbolTables.CRYPTO_TO_YAHOO.containsValue(crypto.group(1))) {
      String base = SymbolTables.key(SymbolTables.CRYPTO_TO_YAHOO, crypto.group(1));
      return new MarketSymbol(base + crypto.group(2), SymbolTables.CURRENCY);
    }
    Matcher suffixed = YAHOO_SUFFIXED.matcher(text);
    if (suffixed.matches()) {
      String code = SymbolTables.key(SymbolTables.EXCHANGE_SUFFIXES, suffixed.group(2));
      String ticker = suffixed.group(1).replace('-', '/');
      if (code.equals("HK")) {
        ticker = stripLeadingZeros(ticker);
      }
      return new MarketSymbol(ticker, code);
    }
    if (YAHOO_PLAIN.matcher(text).matches()) {
      return new MarketSymbol(text.replace('-', '/'), "US");
    }
    throw new IllegalArgumentException("no rule for " + text);
  }

  /** Hong Kong codes are numbers written without leading zeros on Bloomberg ({@code 5:HK}). */
  private static boolean isHongKongNumber(String ticker) {
    return DIGITS.matcher(ticker).matches() && !ticker.startsWith("0");
  }

  private static boolean isCurrencyPair(String ticker) {
    return FX_PAIR.matcher(ticker).matches();
  }

  private static String normalize(String text) {
    return text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
  }

  private static String stripLeadingZeros(String digits) {
    String stripped = digits.replaceFirst("^0+", "");
    return stripped.isEmpty() ? "0" : stripped;
  }

  private static IllegalArgumentException unknown(String text) {
    return new IllegalArgumentException(
        "unknown symbol \""
            + text
            + "\": expected Bloomberg's TICKER:CODE with a known code (US, LN, GR, FP, CN, AU,"
            + " JP, HK, CUR, COM, IND), e.g. AAPL:US, EURUSD:CUR, GC1:COM, SPX:IND");
  }
}
