package io.trawl.activities.etl;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Renames that survive a power cut: atomic within a file system, with the directory fsynced. */
final class FileMoves {
  private FileMoves() {}

  /** Atomically replaces {@code to} with {@code from} and fsyncs the directory entry. */
  static void atomicMove(Path from, Path to) throws IOException {
    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    fsyncDirectory(to.getParent());
  }

  /** Without this a crash right after a rename may bring back the old directory entry. */
  static void fsyncDirectory(Path directory) throws IOException {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some file systems refuse to open directories; the rename itself is still atomic.
      if (!Files.isDirectory(directory)) {
        throw e;
      }
    }
  }
}
