package io.trawl.starter.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trawl.starter.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every bench's targets print, judge and serialize the same way. */
class BenchTargetTest {
  @Test
  void verdictIsTargetMetOnlyWhenEveryFigureIsOnItsGoalsSide() {
    assertThat(
            BenchTarget.verdict(
                List.of(
                    BenchTarget.atMost("cost", 0, 0, "$"),
                    BenchTarget.atLeast("runs completed", 20, 20, ""),
                    BenchTarget.above("cache hit rate", 75.5, 60, "%"),
                    BenchTarget.below("share", 9.5, 20, "%"))))
        .isEqualTo("target met");
  }

  @Test
  void missedTargetsNameTheFigureTheGoalAndTheGapInTheirUnit() {
    assertThat(
            BenchTarget.verdict(
                List.of(
                    BenchTarget.atMost("median wall time with CDS", 4.2213, 4.0, "s"),
                    BenchTarget.atLeast("new vs raw COPY", 0.05, 0.6, "x"),
                    BenchTarget.below("Bright Data share", 20, 20, "%"),
                    BenchTarget.atMost("peak heap", 80L << 20, 64L << 20, "bytes"))))
        .isEqualTo(
            "target missed: median wall time with CDS: 4.22 s, wanted <= 4 s (off by 0.221 s);"
                + " new vs raw COPY: 0.05x, wanted >= 0.6x (off by 0.55x);"
                + " Bright Data share: 20 %, wanted < 20 % (off by 0 %);"
                + " peak heap: 80.0 MiB, wanted <= 64.0 MiB (off by 16.0 MiB)");
  }

  @Test
  void anUnmeasuredFigureIsMissed() {
    BenchTarget yahoo = BenchTarget.above("Yahoo success rate", Double.NaN, 80, "%");

    assertThat(yahoo.met()).isFalse();
    assertThat(BenchTarget.verdict(List.of(yahoo)))
        .isEqualTo("target missed: Yahoo success rate: unmeasured, wanted > 80 %");
  }

  @Test
  void printEndsWithTheVerdictAfterOneLinePerTarget() {
    StringWriter text = new StringWriter();
    BenchTarget.print(
        new PrintWriter(text, true),
        List.of(
            BenchTarget.atMost("jobs missed", 37, 0, ""), BenchTarget.atMost("cost", 0, 0, "$")));

    assertThat(text.toString().lines().toList())
        .containsExactly(
            "  target: jobs missed           37 <= 0            MISSED",
            "  target: cost                  $0 <= $0           met",
            "target missed: jobs missed: 37, wanted <= 0 (off by 37)");
  }

  @Test
  void jsonCarriesNameFigureBoundGoalUnitAndMet() throws Exception {
    JsonNode json =
        new ObjectMapper()
            .readTree(
                Json.write(List.of(BenchTarget.atLeast("new vs naive INSERT", 6.3, 15, "x"))));

    JsonNode target = json.get(0);
    assertThat(target.get("name").asText()).isEqualTo("new vs naive INSERT");
    assertThat(target.get("measured").asDouble()).isEqualTo(6.3);
    assertThat(target.get("bound").asText()).isEqualTo("at_least");
    assertThat(target.get("goal").asDouble()).isEqualTo(15);
    assertThat(target.get("unit").asText()).isEqualTo("x");
    assertThat(target.get("met").asBoolean()).isFalse();
  }
}
