package io.trawl.worker.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Prometheus rule file parses and alerts on failed runs, budget >= 80 % and open breakers. */
class AlertRulesTest {
  private final Map<String, JsonNode> rules = rulesByName();

  @Test
  void alertsOnFailedRunsBudgetAndOpenBreakers() {
    assertThat(rules.get("TrawlRunFailed").get("expr").asText())
        .contains("trawl_runs_total{status=\"failed\"}");
    assertThat(rules.get("TrawlBudgetAt80Percent").get("expr").asText())
        .contains("trawl_budget_used_ratio{mode=\"real\"}")
        .contains(">= 0.8");
    assertThat(rules.get("TrawlBreakerOpen").get("expr").asText()).contains("trawl_breaker_open");
  }

  @Test
  void everyRuleHasASeverityASummaryAndBalancedBrackets() {
    assertThat(rules).isNotEmpty();
    rules.forEach(
        (name, rule) -> {
          assertThat(rule.at("/labels/severity").asText()).as(name).isIn("page", "ticket");
          assertThat(rule.at("/annotations/summary").asText()).as(name).isNotBlank();
          String expr = rule.get("expr").asText();
          assertThat(count(expr, '(')).as(name + " parentheses").isEqualTo(count(expr, ')'));
          assertThat(count(expr, '{')).as(name + " braces").isEqualTo(count(expr, '}'));
          assertThat(count(expr, '[')).as(name + " brackets").isEqualTo(count(expr, ']'));
        });
  }

  @Test
  void ruleNamesAreUnique() {
    int total = 0;
    for (JsonNode group : RepoFiles.yaml("deploy/prometheus/trawl-alerts.yml").get("groups")) {
      total += group.get("rules").size();
    }
    assertThat(rules).hasSize(total);
  }

  private static Map<String, JsonNode> rulesByName() {
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    for (JsonNode group : RepoFiles.yaml("deploy/prometheus/trawl-alerts.yml").get("groups")) {
      for (JsonNode rule : group.get("rules")) {
        byName.put(rule.get("alert").asText(), rule);
      }
    }
    return byName;
  }

  private static long count(String text, char c) {
    return text.chars().filter(ch -> ch == c).count();
  }
}
