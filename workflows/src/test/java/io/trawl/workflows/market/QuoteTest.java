package io.trawl.workflows.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QuoteTest {
  private static final Instant AS_OF = Instant.parse("2026-01-06T22:20:00Z");
  private static final Instant FETCHED = Instant.parse("2026-01-06T22:31:12Z");

  private static Quote quote(String symbol, String price, String change, String previousClose) {
    return new Quote(
        symbol,
        null,
        price == null ? null : new BigDecimal(price),
        "USD",
        change == null ? null : new BigDecimal(change),
        null,
        1_000L,
        null,
        null,
        previousClose == null ? null : new BigDecimal(previousClose),
        null,
        AS_OF,
        QuoteSource.YAHOO,
        BigDecimal.ZERO,
        FETCHED);
  }

  @Test
  void derivesChangePercentFromChangeAndPreviousCloseWhenMissing() {
    Quote quote = quote("AAPL:US", "105", "1", "104");

    assertThat(quote.changePercent()).isEqualByComparingTo("0.9615");
  }

  @Test
  void keepsSmallChangePercentsAsTheyAre() {
    Quote quote = quote("AAPL:US", "262.36", "-1.2", "263.56");

    // The original multiplied any change % under 1 by 100 a second time.
    assertThat(quote.changePercent()).isEqualByComparingTo("-0.4553");
  }

  @Test
  void defaultsNameToTheSymbolAndStatusToUnknown() {
    Quote quote = quote("AAPL:US", "1", null, null);

    assertThat(quote.name()).isEqualTo("AAPL:US");
    assertThat(quote.marketStatus()).isEqualTo(MarketStatus.UNKNOWN);
    assertThat(quote.changePercent()).isNull();
  }

  @Test
  void refusesANonPositivePrice() {
    assertThatThrownBy(() -> quote("AAPL:US", "0", null, null))
        .hasMessage("quote for AAPL:US: price must be greater than 0, got 0");
    assertThatThrownBy(() -> quote("AAPL:US", null, null, null))
        .hasMessage("quote for AAPL:US: price must be greater than 0, got null");
  }

  @Test
  void refusesALowerCaseSymbol() {
    assertThatThrownBy(() -> quote("aapl:US", "1", null, null))
        .hasMessage("quote symbol must be upper case, got \"aapl:US\"");
  }

  @Test
  void servedByACacheKeepsThePriceAndItsTimeButNotTheCost() {
    Quote fetched = quote("AAPL:US", "105", "1", "104");

    Quote cached = fetched.servedBy(QuoteSource.CACHE, BigDecimal.ZERO, FETCHED.plusSeconds(60));

    assertThat(cached.price()).isEqualTo(fetched.price());
    assertThat(cached.asOf()).isEqualTo(AS_OF);
    assertThat(cached.source()).isEqualTo(QuoteSource.CACHE);
  }

  @Test
  void scalesSubUnitCurrenciesToTheirMajorUnit() {
    assertThat(CurrencyUnits.majorCode("GBp")).isEqualTo("GBP");
    assertThat(CurrencyUnits.majorCode("ZAc")).isEqualTo("ZAR");
    assertThat(CurrencyUnits.majorCode("ILA")).isEqualTo("ILS");
    assertThat(CurrencyUnits.majorCode("GBP")).isEqualTo("GBP");
    assertThat(CurrencyUnits.toMajor("GBp", new BigDecimal("7250.5")))
        .isEqualByComparingTo("72.505");
    assertThat(CurrencyUnits.toMajor("GBP", new BigDecimal("72.5"))).isEqualByComparingTo("72.5");
  }

  @Test
  void wireNamesAreTheLowerCaseNamesConfigurationUses() {
    assertThat(QuoteSource.fromWireName(" Bright_Data ")).isEqualTo(QuoteSource.BRIGHT_DATA);
    assertThat(QuoteSource.YAHOO.wireName()).isEqualTo("yahoo");
    assertThat(AssetClass.fromWireName("indices")).isEqualTo(AssetClass.INDICES);
    assertThat(MarketStatus.PRE_MARKET.wireName()).isEqualTo("pre_market");
    assertThatThrownBy(() -> QuoteSource.fromWireName("bloomberg"))
        .hasMessage(
            "unknown quote source \"bloomberg\"; expected one of cache, bright_data, yahoo");
    assertThatThrownBy(() -> AssetClass.fromWireName("shares"))
        .hasMessageStartingWith("unknown asset class \"shares\"; expected one of stocks, forex");
  }
}
