package io.trawl.activities.pharmacy;

/** An actor item that cannot be a place: no title, not an object. Kept out, counted, logged. */
public final class MalformedPlaceException extends RuntimeException {
  public MalformedPlaceException(String message) {
    super(message);
  }
}
