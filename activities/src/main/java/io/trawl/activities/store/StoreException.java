package io.trawl.activities.store;

import java.sql.SQLException;

/**
 * A database statement failed. Unchecked because activity methods cannot declare {@link
 * SQLException}; Temporal retries it as an ordinary application failure.
 */
public final class StoreException extends RuntimeException {
  public StoreException(String message, SQLException cause) {
    super(message + ": " + cause.getMessage(), cause);
  }
}
