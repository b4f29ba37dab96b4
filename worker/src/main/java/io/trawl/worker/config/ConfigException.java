package io.trawl.worker.config;

/** A trawl.yaml problem; the message names the file, the key and the value seen. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
