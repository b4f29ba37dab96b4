package io.trawl.activities.etl;

import io.trawl.workflows.common.Failures;
import io.trawl.workflows.etl.EtlSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The worker's ETL data directory and the paths under it: targets, the partial and staged files
 * beside them, and {@code quarantine/<source>/<timestamp>}. A target that would leave the directory
 * (absolute, {@code ..}, or through a symbolic link) is refused.
 */
public final class DataDirectory {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Path root;

  public DataDirectory(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /**
   * Why {@code target} cannot be a target path, or empty when it can. Used by the config parser
   * too, so a bad target fails before any workflow starts.
   */
  public static Optional<String> problemWith(String target) {
    if (target == null || target.isBlank()) {
      return Optional.of("is empty");
    }
    if (target.startsWith("/") || target.startsWith("\\") || target.matches("^[A-Za-z]:.*")) {
      return Optional.of("must be relative to the data directory, got \"" + target + "\"");
    }
    Path path;
    try {
      path = Path.of(target);
    } catch (InvalidPathException e) {
      return Optional.of("is not a valid path: \"" + target + "\"");
    }
    for (Path element : path) {
      if (element.toString().equals("..")) {
        return Optional.of("must not contain \"..\", got \"" + target + "\"");
      }
    }
    if (path.normalize().toString().isEmpty()) {
      return Optional.of("names no file, got \"" + target + "\"");
    }
    return Optional.empty();
  }

  /**
   * The absolute target of {@code source}, its parent directories created.
   *
   * @throws io.temporal.failure.ApplicationFailure non-retryable {@code InvalidInput} when the
   *     target escapes the data directory
   */
  public Path target(EtlSource source) {
    Path target = resolve(source);
    // Checked before creating: createDirectories would follow a link and build outside the root.
    refuseLinks(source, target);
    try {
      Files.createDirectories(target.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + target.getParent(), e);
    }
    return target;
  }

  /** Like {@link #target} but creates nothing: for looking at what is there. */
  public Path existingTarget(EtlSource source) {
    Path target = resolve(source);
    refuseLinks(source, target);
    return target;
  }

  /** The partial file a download writes; its name is fixed per target so any attempt finds it. */
  public static Path partFile(Path target) {
    return target.resolveSibling("." + target.getFileName() + ".part");
  }

  /** A complete download waiting for validation, beside its target. */
  public static Path stagedFile(Path target) {
    return target.resolveSibling("." + target.getFileName() + ".download");
  }

  /** {@code quarantine/<source>/<timestamp>}. */
  public Path quarantineDirectory(String sourceId, Instant at) {
    return root.resolve("quarantine").resolve(sourceId).resolve(STAMP.format(at));
  }

  private Path resolve(EtlSource source) {
    Optional<String> problem = problemWith(source.target());
    if (problem.isPresent()) {
      throw escape(source, problem.get());
    }
    Path target = root.resolve(source.target()).normalize();
    if (!target.startsWith(root) || target.equals(root)) {
      throw escape(source, "escapes the data directory " + root);
    }
    return target;
  }

  /** Every existing component between the root and the target must be a plain directory. */
  private void refuseLinks(EtlSource source, Path target) {
    Path cursor = root;
    for (Path element : root.relativize(target)) {
      cursor = cursor.resolve(element);
      if (Files.isSymbolicLink(cursor)) {
        throw escape(source, "goes through the symbolic link " + cursor);
      }
    }
  }

  private static RuntimeException escape(EtlSource source, String problem) {
    return Failures.invalidInput(
        "etl source \"" + source.id() + "\": target \"" + source.target() + "\" " + problem);
  }
}
