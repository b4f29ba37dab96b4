package io.trawl.workflows.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MarketSymbolTest {
  @ParameterizedTest(name = "{0} <-> {1}")
  @CsvSource({
    "AAPL:US,     AAPL,      STOCKS",
    "BRK/B:US,    BRK-B,     STOCKS",
    "VOD:LN,      VOD.L,     STOCKS",
    "BT/A:LN,     BT-A.L,    STOCKS",
    "SAP:GR,      SAP.DE,    STOCKS",
    "MC:FP,       MC.PA,     STOCKS",
    "RY:CN,       RY.TO,     STOCKS",
    "BHP:AU,      BHP.AX,    STOCKS",
    "7203:JP,     7203.T,    STOCKS",
    "700:HK,      0700.HK,   STOCKS",
    "5:HK,        0005.HK,   STOCKS",
    "9988:HK,     9988.HK,   STOCKS",
    "EURUSD:CUR,  EURUSD=X,  FOREX",
    "USDJPY:CUR,  USDJPY=X,  FOREX",
    "XBTUSD:CUR,  BTC-USD,   CRYPTO",
    "XETUSD:CUR,  ETH-USD,   CRYPTO",
    "GC1:COM,     GC=F,      COMMODITIES",
    "CL1:COM,     CL=F,      COMMODITIES",
    "CO1:COM,     BZ=F,      COMMODITIES",
    "SPX:IND,     ^GSPC,     INDICES",
    "INDU:IND,    ^DJI,      INDICES",
    "CCMP:IND,    ^IXIC,     INDICES",
    "UKX:IND,     ^FTSE,     INDICES",
  })
  void convertsBothWaysAndInfersTheAssetClass(String bloomberg, String yahoo, AssetClass kind) {
    MarketSymbol symbol = MarketSymbol.parse(bloomberg);

    assertThat(symbol.bloomberg()).isEqualTo(bloomberg);
    assertThat(symbol.yahoo()).isEqualTo(yahoo);
    assertThat(symbol.assetClass()).isEqualTo(kind);
    assertThat(MarketSymbol.fromYahoo(yahoo)).isEqualTo(symbol);
    assertThat(MarketSymbol.of(yahoo)).isEqualTo(symbol);
    assertThat(MarketSymbol.of(bloomberg)).isEqualTo(symbol);
  }

  @ParameterizedTest
  @CsvSource({" aapl:us ,AAPL:US", "0700:HK,700:HK", "brk-b,BRK/B:US", "0700.hk,700:HK"})
  void normalizesCaseBlanksAndHongKongZeros(String text, String canonical) {
    assertThat(MarketSymbol.of(text).bloomberg()).isEqualTo(canonical);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"AAPL:XX", "AAPL", "FOO1:COM", "ABC:IND", "EURUSDX:CUR", "TENCENT:HK", ":US", ""})
  void refusesUnknownBloombergFormsNamingThem(String text) {
    assertThatThrownBy(() -> MarketSymbol.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown symbol \"" + text + "\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"^FOO", "ZZ=F", "BRK.B", "VOD.XX", "EUR=X", "AAPL:US", ""})
  void refusesUnknownYahooFormsNamingThem(String text) {
    assertThatThrownBy(() -> MarketSymbol.fromYahoo(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown Yahoo symbol \"" + text + "\"");
  }

  @ParameterizedTest
  @CsvSource({"GC1:COM,GC1=F", "EURUSD:CUR,EURUSD"})
  void neverProducesTheOriginalCrawlersBrokenYahooForms(String bloomberg, String broken) {
    assertThat(MarketSymbol.parse(bloomberg).yahoo()).isNotEqualTo(broken);
  }

  @ParameterizedTest
  @CsvSource({"AAPL:US,https://www.bloomberg.com/quote/AAPL:US"})
  void pointsAtTheBloombergQuotePage(String bloomberg, String url) {
    assertThat(MarketSymbol.parse(bloomberg).bloombergQuoteUrl()).isEqualTo(url);
  }
}
