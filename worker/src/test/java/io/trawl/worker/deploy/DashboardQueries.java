package io.trawl.worker.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PromQL queries of the shipped Grafana dashboard and the metric names they read, for tests
 * that hold the dashboard to what a worker exports.
 */
public final class DashboardQueries {
  /** The dashboard file, relative to the repository root. */
  public static final String DASHBOARD = "deploy/grafana/dashboards/trawl.json";

  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|`[^`]*`");
  private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^}]*}");
  private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*]");
  private static final Pattern GROUPING =
      Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern IDENTIFIER = Pattern.compile("\\$?[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Set<String> KEYWORDS =
      Set.of(
          "and",
          "or",
          "unless",
          "bool",
          "offset",
          "atan2",
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "inf",
          "nan");

  private DashboardQueries() {}

  public static JsonNode dashboard() {
    try {
      return new ObjectMapper().readTree(RepoFiles.file(DASHBOARD).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every panel that is not a row, including the panels of collapsed rows. */
  public static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      if ("row".equals(panel.path("type").asText())) {
        panel.path("panels").forEach(found::add);
      } else {
        found.add(panel);
      }
    }
    return found;
  }

  /** The {@code expr} of every panel target. */
  public static List<String> expressions(JsonNode dashboard) {
    List<String> exprs = new ArrayList<>();
    for (JsonNode panel : panels(dashboard)) {
      for (JsonNode target : panel.path("targets")) {
        exprs.add(target.path("expr").asText());
      }
    }
    return exprs;
  }

  /** The metric names every panel of the shipped dashboard reads. */
  public static Set<String> metricNames() {
    Set<String> names = new TreeSet<>();
    expressions(dashboard()).forEach(expr -> names.addAll(metricNames(expr)));
    return names;
  }

  /**
   * The metric names in one PromQL expression: identifiers that are not functions, keywords,
   * grouping labels, label matchers, ranges or dashboard variables.
   */
  public static Set<String> metricNames(String expr) {
    String bare = STRING.matcher(expr).replaceAll("\"\"");
    bare = LABEL_MATCHERS.matcher(bare).replaceAll(" ");
    bare = RANGE.matcher(bare).replaceAll(" ");
    bare = GROUPING.matcher(bare).replaceAll(" ");
    Set<String> names = new TreeSet<>();
    Matcher m = IDENTIFIER.matcher(bare);
    while (m.find()) {
      String token = m.group();
      boolean partOfNumber = m.start() > 0 && Character.isDigit(bare.charAt(m.start() - 1));
      if (token.startsWith("$") || partOfNumber || KEYWORDS.contains(token.toLowerCase())) {
        continue;
      }
      if (!bare.substring(m.end()).stripLeading().startsWith("(")) {
        names.add(token);
      }
    }
    return names;
  }
}
