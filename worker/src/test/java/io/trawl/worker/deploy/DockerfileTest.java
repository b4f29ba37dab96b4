package io.trawl.worker.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The image builds in two stages, runs as a non-root user and starts {@code trawl}: read from the
 * Dockerfile, since these machines have no Docker engine to build it.
 */
class DockerfileTest {
  private final List<String> lines = instructions();

  @Test
  void buildsWithMavenThenRunsOnAJava21Jre() {
    List<String> froms = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
    assertThat(froms).hasSize(2);
    assertThat(froms.get(0)).contains(":21-jdk").endsWith(" AS build");
    assertThat(froms.get(1)).contains(":21-jre");
    assertThat(lines).anyMatch(l -> l.startsWith("RUN ./mvnw ") && l.contains(" package "));
  }

  @Test
  void runsAsANonRootUser() {
    List<String> users = lines.stream().filter(l -> l.startsWith("USER ")).toList();
    assertThat(users).isNotEmpty();
    assertThat(users.getLast()).isNotIn("USER root", "USER 0");
  }

  @Test
  void entrypointIsTheTrawlLauncherCopiedFromTheRepository() throws IOException {
    assertThat(lines).contains("ENTRYPOINT [\"/usr/local/bin/trawl\"]");
    String copy =
        lines.stream()
            .filter(l -> l.startsWith("COPY ") && l.endsWith(" /usr/local/bin/trawl"))
            .findFirst()
            .orElseThrow();
    Path launcher = RepoFiles.file(copy.split(" ")[1]);
    assertThat(launcher).isRegularFile();
    assertThat(Files.isExecutable(launcher)).isTrue();
    assertThat(Files.readString(launcher)).contains("-jar /opt/trawl/trawl.jar");
  }

  @Test
  void copiesTheJarTheStarterModuleBuilds() throws IOException {
    assertThat(lines)
        .contains("COPY --from=build /src/starter/target/trawl.jar /opt/trawl/trawl.jar")
        .contains("COPY --from=build /src/starter/target/lib /opt/trawl/lib");
    String starterPom = Files.readString(RepoFiles.file("starter/pom.xml"));
    assertThat(starterPom).contains("<finalName>trawl</finalName>").contains("<classpathPrefix>lib/");
  }

  @Test
  void everyCopiedSourceExistsInTheRepository() {
    for (String line : lines) {
      if (line.startsWith("COPY ") && !line.startsWith("COPY --from=")) {
        String[] parts = line.split("\\s+");
        for (int i = 1; i < parts.length - 1; i++) {
          assertThat(RepoFiles.file(parts[i])).as(line).exists();
        }
      }
    }
  }

  @Test
  void buildContextLeavesOutBuildOutputAndGit() throws IOException {
    assertThat(Files.readAllLines(RepoFiles.file(".dockerignore")))
        .contains(".git", "**/target", ".trawl");
  }

  /** Instructions with line continuations joined and comments dropped. */
  private static List<String> instructions() {
    try {
      String text = Files.readString(RepoFiles.file("Dockerfile"));
      return List.of(
              text.replaceAll("(?m)^\\s*#.*\\n", "").replaceAll("\\\\\\n\\s*", "").split("\n"))
          .stream()
          .map(String::strip)
          .filter(l -> !l.isEmpty())
          .toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
