package io.trawl.workflows.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The market records survive Temporal's data converter unchanged, so activities can return them.
 */
class MarketRecordsRoundTripTest {
  private static final DataConverter CONVERTER = DefaultDataConverter.newDefaultInstance();

  @Test
  void symbolsAndQuotesRoundTripThroughTheDataConverter() {
    Quote full =
        new Quote(
            "VOD:LN",
            "Vodafone Group PLC",
            new BigDecimal("0.9462"),
            "GBP",
            new BigDecimal("-0.0048"),
            new BigDecimal("-0.504732"),
            60_000_000L,
            new BigDecimal("0.9512"),
            new BigDecimal("0.9401"),
            new BigDecimal("0.951"),
            MarketStatus.POST_MARKET,
            Instant.parse("2026-01-06T16:30:00Z"),
            QuoteSource.BRIGHT_DATA,
            new BigDecimal("0.0015"),
            Instant.parse("2026-01-06T16:31:02.123Z"));
    Quote sparse =
        new Quote(
            "EURUSD:CUR",
            null,
            new BigDecimal("1.1712"),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            Instant.parse("2026-01-06T16:30:00Z"),
            QuoteSource.YAHOO,
            BigDecimal.ZERO,
            Instant.parse("2026-01-06T16:31:02Z"));
    List<Object> records =
        List.of(MarketSymbol.parse("BRK/B:US"), MarketSymbol.parse("700:HK"), full, sparse);
    for (Object record : records) {
      Object back =
          CONVERTER.fromPayloads(
              0, CONVERTER.toPayloads(record), record.getClass(), record.getClass());
      assertThat(back).isEqualTo(record);
    }
  }
}
