package io.trawl.activities.providers;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.activities.providers.unlocker.BloombergPageParser;
import io.trawl.activities.providers.unlocker.UnlockerClient;
import io.trawl.activities.providers.unlocker.UnlockerConfig;
import io.trawl.activities.providers.yahoo.YahooClient;
import io.trawl.activities.providers.yahoo.YahooConfig;
import io.trawl.activities.providers.yahoo.YahooQuoteParser;
import io.trawl.sandbox.market.Instrument;
import io.trawl.sandbox.market.Instruments;
import io.trawl.sandbox.unlocker.FakeUnlocker;
import io.trawl.sandbox.unlocker.UnlockerFaults;
import io.trawl.sandbox.yahoo.FakeYahoo;
import io.trawl.sandbox.yahoo.YahooFaults;
import io.trawl.workflows.market.MarketSymbol;
import io.trawl.workflows.market.Quote;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The market sandboxes name every instrument the way each real site does, independently of trawl's
 * conversion tables; this holds the two to the same answer, so the chain can reach every sandbox
 * instrument from either side.
 */
class SandboxCatalogueTest {
  @Test
  void everySandboxInstrumentConvertsToTheYahooSymbolTheSandboxServes() {
    assertThat(Instruments.ALL).hasSizeGreaterThanOrEqualTo(50);
    for (Instrument instrument : Instruments.ALL) {
      MarketSymbol symbol = MarketSymbol.parse(instrument.bloomberg());
      assertThat(symbol.bloomberg()).as(instrument.bloomberg()).isEqualTo(instrument.bloomberg());
      assertThat(symbol.yahoo()).as(instrument.bloomberg()).isEqualTo(instrument.yahoo());
      assertThat(MarketSymbol.fromYahoo(instrument.yahoo())).isEqualTo(symbol);
    }
  }

  @Test
  void bothSandboxesQuoteTheSameFiguresAtTheSameClock() {
    Clock clock = Clock.fixed(Instant.parse("2026-01-07T15:12:00Z"), ZoneOffset.UTC);
    try (FakeUnlocker unlocker =
            new FakeUnlocker(clock, UnlockerFaults.builder().pageBytes(20_000).build()).start();
        FakeYahoo yahoo = new FakeYahoo(clock, YahooFaults.none()).start()) {
      UnlockerClient bloombergPages =
          new UnlockerClient(
              UnlockerConfig.sandbox(unlocker.baseUrl(), null),
              UnlockerClient.Settings.DEFAULT,
              clock);
      YahooClient charts =
          new YahooClient(
              YahooConfig.sandbox(yahoo.baseUrl()), YahooClient.Settings.DEFAULT, clock);
      BloombergPageParser bloomberg = new BloombergPageParser(clock, new BigDecimal("0.0015"));
      YahooQuoteParser yahooParser = new YahooQuoteParser(clock);
      for (String id : new String[] {"AAPL:US", "VOD:LN", "EURUSD:CUR", "GC1:COM", "SPX:IND"}) {
        MarketSymbol symbol = MarketSymbol.parse(id);
        Quote viaBloomberg =
            bloomberg.parse(
                symbol,
                bloombergPages.fetch(UnlockerConfig.DEFAULT_ZONE, symbol.bloombergQuoteUrl()));
        Quote viaYahoo = yahooParser.parse(symbol, charts.chart(symbol.yahoo(), "5d", "1d"));

        assertThat(viaBloomberg.price()).as(id).isEqualByComparingTo(viaYahoo.price());
        assertThat(viaBloomberg.previousClose())
            .as(id)
            .isEqualByComparingTo(viaYahoo.previousClose());
        assertThat(viaBloomberg.currency()).as(id).isEqualTo(viaYahoo.currency());
        assertThat(viaBloomberg.asOf()).as(id).isEqualTo(viaYahoo.asOf());
        assertThat(viaBloomberg.marketStatus()).as(id).isEqualTo(viaYahoo.marketStatus());
      }
    }
  }
}
