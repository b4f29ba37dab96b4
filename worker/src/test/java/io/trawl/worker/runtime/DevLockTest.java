package io.trawl.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevLockTest {
  @TempDir Path tempDir;

  @Test
  void roundTripsThroughTheLockFileAsSnakeCaseJson() throws Exception {
    TrawlHome home = TrawlHome.at(tempDir);
    DevLock lock = sampleLockOfThisProcess();

    lock.write(home);

    assertThat(DevLock.readLive(home)).contains(lock);
    assertThat(Files.readString(home.devLock()))
        .contains("\"temporal_target\" : \"127.0.0.1:7233\"")
        .contains("\"ui_url\" : \"http://127.0.0.1:8233\"")
        .contains("\"sandbox_urls\"")
        .containsPattern("\"started_at\" : \"\\d{4}-\\d\\d-\\d\\dT");
  }

  @Test
  void ignoresAndRemovesTheLockOfAProcessThatHasExited() throws Exception {
    TrawlHome home = TrawlHome.at(tempDir);
    Process exited = new ProcessBuilder("true").start();
    exited.waitFor();
    lockOf(exited.pid(), Instant.now()).write(home);

    assertThat(DevLock.readLive(home)).isEmpty();
    assertThat(home.devLock()).doesNotExist();
  }

  @Test
  void ignoresALockWhosePidNowBelongsToANewerProcess() {
    TrawlHome home = TrawlHome.at(tempDir);
    Instant beforeThisJvmStarted = OsProcesses.currentStart().minus(Duration.ofHours(1));
    lockOf(ProcessHandle.current().pid(), beforeThisJvmStarted).write(home);

    assertThat(DevLock.readLive(home)).isEmpty();
    assertThat(home.devLock()).doesNotExist();
  }

  @Test
  void refusesToReplaceTheLockOfAnotherLiveProcess() throws Exception {
    TrawlHome home = TrawlHome.at(tempDir);
    Process other = new ProcessBuilder("sleep", "60").start();
    try {
      DevLock othersLock = lockOf(other.pid(), Instant.now());
      othersLock.write(home);

      assertThatThrownBy(() -> sampleLockOfThisProcess().write(home))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("./trawl dev already runs as process " + other.pid());
      assertThat(DevLock.readLive(home)).contains(othersLock);
    } finally {
      other.destroyForcibly().waitFor();
    }
  }

  @Test
  void removeLeavesANewerOwnersLockAlone() throws Exception {
    TrawlHome home = TrawlHome.at(tempDir);
    Process other = new ProcessBuilder("sleep", "60").start();
    try {
      DevLock mine = sampleLockOfThisProcess();
      mine.write(home);
      mine.remove(home);
      assertThat(home.devLock()).doesNotExist();

      lockOf(other.pid(), Instant.now()).write(home);
      mine.remove(home);
      assertThat(home.devLock()).exists();
    } finally {
      other.destroyForcibly().waitFor();
    }
  }

  @Test
  void treatsAnUnreadableLockAsStale() throws Exception {
    TrawlHome home = TrawlHome.at(tempDir);
    Files.writeString(home.devLock(), "{ not json");

    assertThat(DevLock.readLive(home)).isEmpty();
    assertThat(home.devLock()).doesNotExist();
  }

  static DevLock sampleLockOfThisProcess() {
    return DevLock.forThisProcess(
        "127.0.0.1:7233",
        "default",
        "http://127.0.0.1:8233",
        "jdbc:postgresql://localhost:5432/postgres?user=postgres",
        Map.of("brightdata", "http://127.0.0.1:9101", "yahoo", "http://127.0.0.1:9102"));
  }

  private static DevLock lockOf(long pid, Instant startedAt) {
    return new DevLock(
        pid, "127.0.0.1:7233", "default", "http://127.0.0.1:8233", null, Map.of(), startedAt);
  }
}
