package io.trawl.activities.providers;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.sandbox.market.Instrument;
import io.trawl.sandbox.market.Instruments;
import io.trawl.workflows.market.MarketSymbol;
import org.junit.jupiter.api.Test;

/**
 * The market sandboxes name every instrument the way each real site does, independently of
 * trawl's conversion tables; this holds the two to the same answer, so the chain can reach every
 * sandbox instrument from either side.
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
}
