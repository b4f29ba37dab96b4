package io.trawl.activities.providers.apify;

/**
 * An Apify item that cannot be used as a place; {@link #field()} names the field at fault, and the
 * message says what was wrong with it (kept as the reject reason).
 */
public final class MalformedPlaceException extends RuntimeException {
  private final String field;

  public MalformedPlaceException(String field, String reason) {
    super(field + ": " + reason, null, false, false);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
