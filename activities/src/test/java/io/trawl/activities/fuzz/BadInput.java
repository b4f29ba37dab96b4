package io.trawl.activities.fuzz;

import static io.trawl.activities.fuzz.Generators.weighted;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.function.ThrowingSupplier;

/**
 * Generators of malformed input for the parser property tests: random text and bytes, NUL bytes, 1
 * MB strings, nesting deeper than any parser should follow, huge numbers, truncated documents and
 * valid documents with one value swapped for a value of the wrong type.
 *
 * <p>Every property runs its parser through {@link #within} so a parser that loops or backtracks
 * without end fails the try instead of hanging the build ({@link Tries} has no timeout of its own).
 */
public final class BadInput {
  /** The size of the long strings thrown at parsers. */
  public static final int ONE_MB = 1 << 20;

  /** How long one try may take; real inputs parse in microseconds. */
  public static final Duration PER_TRY = Duration.ofSeconds(10);

  private static final ObjectMapper JSON = new ObjectMapper();
  // Plain letters: Jackson writes a control character as an escape, which the marker must not need.
  private static final String HOLE = "trawlFuzzHole7f3a";

  /** Values of the wrong type or range for a field: nulls, overflows, NULs, empty containers. */
  public static final List<String> WRONG_VALUES =
      List.of(
          "null",
          "true",
          "false",
          "0",
          "-1",
          "-0.0",
          "1e400",
          "-1e400",
          "1e-400",
          "9223372036854775807",
          "9223372036854775808",
          "-9223372036854775809",
          "123456789012345678901234567890123456789012345678901234567890",
          "1.7976931348623157e308",
          "\"\"",
          "\"   \"",
          "[]",
          "{}",
          "[1,\"2\",null]",
          "{\"a\":{\"b\":[]}}",
          "\"\\u0000\"",
          "\"a\\u0000b\"",
          "\"N/A\"",
          "\"1,234\"",
          "\"(1.50)\"",
          "\"-5\"",
          "\"1e999\"",
          "\"99999999999999999999999\"",
          "\"NaN\"",
          "\"Infinity\"",
          "\"2024-13-45T99:99:99Z\"",
          "\"9999999999-01-01T00:00:00Z\"",
          "\"<html>\"",
          "\"999999999999999d\"",
          "\"9223372036854775807s\"",
          "\"-5m\"",
          "\"PT-1S\"",
          "\"P99999999999999999D\"",
          "\"10000000000000GiB\"",
          "\"-1b\"");

  private BadInput() {}

  /** Runs one try, failing it when it takes longer than {@link #PER_TRY}. */
  public static <T> T within(ThrowingSupplier<T> parse) {
    return assertTimeoutPreemptively(PER_TRY, parse);
  }

  /** Text of every kind: any code point, JSON-ish punctuation, control characters, 1 MB runs. */
  public static Generator<String> text() {
    return Generators.frequency(
        weighted(5, Generators.strings(Generators.ANY_CHAR, 0, 300)),
        weighted(4, Generators.strings("{}[]\":,0123456789.eE+-tnfrul \\\u0000<>/", 0, 300)),
        weighted(1, hugeText()),
        weighted(1, Generators.ints(500, 5_000).map(BadInput::deepNesting)));
  }

  /** One character repeated to 1 MB, NUL and JSON openers among them. */
  public static Generator<String> hugeText() {
    return Generators.elements('a', '\u0000', '9', '{', '[', '"', ' ', '<')
        .map(c -> String.valueOf(c).repeat(ONE_MB));
  }

  /** Random bytes read as UTF-8, the way a client decodes whatever arrived. */
  public static Generator<String> bytesAsText() {
    return Generators.bytes(2_000).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
  }

  /** {@code depth} nested arrays, open and closed. */
  public static String deepNesting(int depth) {
    return "[".repeat(depth) + "1" + "]".repeat(depth);
  }

  /** JSON values a field should never hold, as raw JSON text. */
  public static Generator<String> wrongValue() {
    return Generators.frequency(
        weighted(8, Generators.elements(WRONG_VALUES)),
        weighted(2, Generators.strings(Generators.ANY_CHAR, 0, 60).map(BadInput::quoted)),
        weighted(1, Generators.ints(100, 3_000).map(BadInput::deepNesting)),
        weighted(
            1,
            Generators.elements('x', '\u0000', '7')
                .map(c -> quoted(String.valueOf(c).repeat(ONE_MB)))));
  }

  /**
   * Documents derived from {@code samples}: truncated at every length, one node (any field, at any
   * depth, containers included) replaced by a {@link #wrongValue}, or the sample nested in a 1 MB
   * string field.
   */
  public static Generator<String> mutated(List<String> samples) {
    Generator<String> sample = Generators.elements(samples);
    Generator<String> truncated = sample.flatMap(BadInput::truncations);
    Generator<String> swapped =
        Generators.combine(sample, Generators.ints(0, 10_000), wrongValue(), BadInput::replaceNode);
    Generator<String> twice =
        Generators.combine(
            swapped, Generators.ints(0, 10_000), wrongValue(), BadInput::replaceNode);
    return Generators.frequency(weighted(2, truncated), weighted(5, swapped), weighted(3, twice));
  }

  /** {@code text} cut after any number of characters, from none to all. */
  public static Generator<String> truncations(String text) {
    return Generators.ints(0, text.length()).map(n -> text.substring(0, n));
  }

  /** Everything at once: {@link #mutated}, {@link #text} and {@link #bytesAsText}. */
  public static Generator<String> malformedJson(List<String> samples) {
    return Generators.frequency(
        weighted(6, mutated(samples)), weighted(2, text()), weighted(1, bytesAsText()));
  }

  /** How many nodes {@link #replaceNode} can pick from in {@code json}. */
  public static int nodeCount(String json) {
    try {
      List<Slot> slots = new ArrayList<>();
      collect(JSON.readTree(json), slots);
      return slots.size();
    } catch (Exception e) {
      return 0;
    }
  }

  /**
   * {@code json} with its {@code index}-th node (pre-order, modulo the node count) replaced by the
   * raw JSON text {@code wrong}; a document that does not parse comes back unchanged.
   */
  public static String replaceNode(String json, int index, String wrong) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (Exception e) {
      return json;
    }
    if (root == null || !root.isContainerNode()) {
      return wrong;
    }
    List<Slot> slots = new ArrayList<>();
    collect(root, slots);
    if (slots.isEmpty()) {
      return wrong;
    }
    slots.get(Math.floorMod(index, slots.size())).fill(new TextNode(HOLE));
    return root.toString().replace("\"" + HOLE + "\"", wrong);
  }

  private record Slot(JsonNode parent, String field, int position) {
    void fill(JsonNode value) {
      if (parent instanceof ObjectNode object) {
        object.set(field, value);
      } else {
        ((ArrayNode) parent).set(position, value);
      }
    }
  }

  private static void collect(JsonNode node, List<Slot> slots) {
    if (node instanceof ObjectNode object) {
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        slots.add(new Slot(object, field.getKey(), -1));
        collect(field.getValue(), slots);
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        slots.add(new Slot(array, null, i));
        collect(array.get(i), slots);
      }
    }
  }

  /** {@code text} as a JSON string literal. */
  public static String quoted(String text) {
    return TextNode.valueOf(text).toString();
  }
}
