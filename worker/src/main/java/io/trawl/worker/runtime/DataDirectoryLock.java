package io.trawl.worker.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells a data directory that a live process still uses apart from one abandoned by a killed JVM.
 *
 * <p>zonky holds an OS file lock on {@code epg-lock} inside the data directory for as long as its
 * JVM lives; the kernel drops it when that JVM dies, however it dies. So if we can take the lock,
 * whatever postgres is still running there has no owner and may be stopped; if we cannot, another
 * process is using the directory and we must not touch it.
 *
 * <p>Directories opened in this JVM are tracked in memory and never probed through the file:
 * closing any descriptor of a file drops all of this process's POSIX locks on it, which would
 * silently release the lock zonky holds.
 */
final class DataDirectoryLock implements AutoCloseable {
  /** zonky's lock file name inside the data directory. */
  static final String ZONKY_LOCK_FILE = "epg-lock";

  private static final Set<Path> openInThisJvm = ConcurrentHashMap.newKeySet();

  private final Path dataDirectory;

  private DataDirectoryLock(Path dataDirectory) {
    this.dataDirectory = dataDirectory;
  }

  /**
   * Claims {@code dataDirectory} for this JVM until {@link #close()}.
   *
   * @throws IllegalStateException when this process already uses it; {@link
   *     DataDirectoryInUseException} when another live process does
   */
  static DataDirectoryLock claim(Path dataDirectory) {
    Path dir = dataDirectory.toAbsolutePath().normalize();
    if (!openInThisJvm.add(dir)) {
      throw new IllegalStateException(
          "the PostgreSQL data directory " + dir + " is already open in this process");
    }
    try {
      ensureNoOtherProcessHolds(dir);
      return new DataDirectoryLock(dir);
    } catch (RuntimeException e) {
      openInThisJvm.remove(dir);
      throw e;
    }
  }

  private static void ensureNoOtherProcessHolds(Path dir) {
    Path lockFile = dir.resolve(ZONKY_LOCK_FILE);
    if (!Files.exists(lockFile)) {
      return;
    }
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock()) {
      if (lock == null) {
        throw new DataDirectoryInUseException(dir, lockFile);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check the lock " + lockFile, e);
    }
  }

  @Override
  public void close() {
    openInThisJvm.remove(dataDirectory);
  }
}
