package io.trawl.worker.runtime;

import java.nio.file.Path;

/**
 * Another live process holds the embedded PostgreSQL data directory, so this one must not open it.
 * {@code RuntimeLauncher} tells a {@code ./trawl dev} that is starting (it attaches to it) from any
 * other holder (this message reaches the user).
 */
public final class DataDirectoryInUseException extends IllegalStateException {
  DataDirectoryInUseException(Path dataDirectory, Path lockFile) {
    super(
        "the PostgreSQL data directory "
            + dataDirectory
            + " is in use by another running trawl process (it holds "
            + lockFile
            + "); stop it or use another TRAWL_HOME");
  }
}
