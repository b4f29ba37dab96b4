package io.trawl.sandbox.brightdata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The records of one snapshot, already serialized: the visible postings of every input, with about
 * 3% malformed, 2% repeated and 2% error records mixed in, all seeded by (universe, day, range) so
 * the same request on the same day gives the same bytes.
 */
final class SnapshotBatch {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One serialized record; error records are free and carry no content. */
  record Entry(String json, boolean error) {}

  private final List<Entry> entries;
  private final int records;
  private final int errors;

  private SnapshotBatch(List<Entry> entries) {
    this.entries = List.copyOf(entries);
    this.errors = (int) entries.stream().filter(Entry::error).count();
    this.records = entries.size() - errors;
  }

  static SnapshotBatch build(List<DiscoveryInput> inputs, LocalDate day, Integer limitPerInput) {
    List<Entry> entries = new ArrayList<>();
    for (DiscoveryInput input : inputs) {
      entries.addAll(forInput(input, day, limitPerInput));
    }
    return new SnapshotBatch(entries);
  }

  List<Entry> entries() {
    return entries;
  }

  /** Content records, duplicates and malformed ones included: what the provider bills. */
  int records() {
    return records;
  }

  int errors() {
    return errors;
  }

  private static List<Entry> forInput(DiscoveryInput input, LocalDate day, Integer limit) {
    JobUniverse universe = new JobUniverse(input.keyword(), input.location(), input.country());
    List<Posting> postings = universe.visible(day, input.rangeDays());
    if (limit != null && postings.size() > limit) {
      postings = postings.subList(0, limit);
    }
    Instant crawl = RecordRenderer.crawlTime(universe.seed(), day);
    SplittableRandom random =
        new SplittableRandom(
            Seeds.mix(universe.seed(), day.toEpochDay() * 131 + input.rangeDays()));
    int n = postings.size();

    List<ObjectNode> nodes = new ArrayList<>(n);
    for (Posting posting : postings) {
      nodes.add(RecordRenderer.content(posting, day, crawl, input.raw()));
    }
    int[] broken = random.ints(0, Math.max(n, 1)).distinct().limit(Math.round(n * 0.03)).toArray();
    for (int i = 0; i < broken.length; i++) {
      RecordRenderer.malform(nodes.get(broken[i]), i);
    }

    List<Entry> entries = new ArrayList<>(n + n / 10);
    for (ObjectNode node : nodes) {
      entries.add(new Entry(write(node), false));
    }
    for (long d = Math.round(n * 0.02); d > 0; d--) {
      int source = random.nextInt(n);
      int at = source + 1 + random.nextInt(entries.size() - source);
      entries.add(at, entries.get(source));
    }
    for (long e = Math.round(n * 0.02); e > 0; e--) {
      String deadId = Long.toString(3_900_000_000L + random.nextInt(99_999_999));
      ObjectNode error = RecordRenderer.error(deadId, crawl, input.raw());
      entries.add(random.nextInt(entries.size() + 1), new Entry(write(error), true));
    }
    return entries;
  }

  private static String write(ObjectNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a sandbox record", e);
    }
  }
}
