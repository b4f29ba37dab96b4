package io.trawl.activities.jobs;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over a posting's normalized content fields, so an upsert can tell a changed posting from
 * one merely seen again.
 *
 * <p>Left out on purpose: the applicant count, the relative posted text and the posted date derived
 * from it, and the observation time. They move on every scrape of an unchanged posting, and would
 * make every sighting look like an edit.
 */
public final class ContentHash {
  // Separators no normalized text contains, so ("ab", "c") and ("a", "bc") hash differently.
  private static final char FIELD_END = '\u001f';
  private static final char NULL_MARK = '\u0000';

  private ContentHash() {}

  public static String of(JobPosting posting) {
    StringBuilder text = new StringBuilder(256);
    add(text, posting.title());
    add(text, posting.company() == null ? null : posting.company().key());
    add(text, posting.company() == null ? null : posting.company().name());
    add(text, posting.location() == null ? null : posting.location().key());
    add(text, posting.url());
    add(text, posting.summary());
    add(text, posting.seniority());
    add(text, posting.employmentType());
    add(text, posting.jobFunction());
    add(text, posting.industries());
    add(text, posting.applyLink());
    add(text, plain(posting.salary().min()));
    add(text, plain(posting.salary().max()));
    add(text, posting.salary().currency());
    add(text, posting.salary().period());
    return HexFormat.of()
        .formatHex(sha256().digest(text.toString().getBytes(StandardCharsets.UTF_8)));
  }

  private static void add(StringBuilder text, String value) {
    text.append(value == null ? String.valueOf(NULL_MARK) : value).append(FIELD_END);
  }

  /** 50000 and 50000.00 are the same salary. */
  private static String plain(BigDecimal amount) {
    return amount == null ? null : amount.stripTrailingZeros().toPlainString();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM ships SHA-256", e);
    }
  }
}
