package io.trawl.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trawl.worker.config.ConfigException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeResolutionTest {
  @TempDir Path tempDir;

  @Test
  void choosesProductionWhenTemporalAddressIsSet() {
    RuntimeResolution resolution =
        RuntimeResolution.resolve(
            Map.of("TEMPORAL_ADDRESS", "temporal.prod:7233", "TEMPORAL_NAMESPACE", "trawl"),
            TrawlHome.at(tempDir));

    assertThat(resolution.mode()).isEqualTo(RuntimeMode.PRODUCTION);
    assertThat(resolution.temporalTarget()).contains("temporal.prod:7233");
    assertThat(resolution.namespace()).isEqualTo("trawl");
    assertThat(resolution.durable()).isTrue();
  }

  @Test
  void choosesProductionForATemporalTomlProfileWithTheProfilesAddressAndNamespace()
      throws Exception {
    Path toml = tempDir.resolve("temporal.toml");
    java.nio.file.Files.writeString(
        toml, "[profile.prod]\naddress = \"temporal.prod:7233\"\nnamespace = \"trawl\"\n");

    RuntimeResolution resolution =
        RuntimeResolution.resolve(
            Map.of("TEMPORAL_CONFIG_FILE", toml.toString(), "TEMPORAL_PROFILE", "prod"),
            TrawlHome.at(tempDir));

    assertThat(resolution.mode()).isEqualTo(RuntimeMode.PRODUCTION);
    assertThat(resolution.temporalTarget()).contains("temporal.prod:7233");
    assertThat(resolution.namespace()).isEqualTo("trawl");
  }

  @Test
  void defaultsTheProductionNamespace() {
    RuntimeResolution resolution =
        RuntimeResolution.resolve(Map.of("TEMPORAL_ADDRESS", "t:7233"), TrawlHome.at(tempDir));

    assertThat(resolution.namespace()).isEqualTo("default");
  }

  @Test
  void productionWinsOverALiveDevLock() {
    TrawlHome home = TrawlHome.at(tempDir);
    DevLockTest.sampleLockOfThisProcess().write(home);

    RuntimeResolution resolution =
        RuntimeResolution.resolve(Map.of("TEMPORAL_ADDRESS", "t:7233"), home);

    assertThat(resolution.mode()).isEqualTo(RuntimeMode.PRODUCTION);
    assertThat(resolution.devLock()).isEmpty();
  }

  @Test
  void attachesToARunningTrawlDev() {
    TrawlHome home = TrawlHome.at(tempDir);
    DevLock lock = DevLockTest.sampleLockOfThisProcess();
    lock.write(home);

    RuntimeResolution resolution = RuntimeResolution.resolve(Map.of(), home);

    assertThat(resolution.mode()).isEqualTo(RuntimeMode.ATTACHED);
    assertThat(resolution.temporalTarget()).contains("127.0.0.1:7233");
    assertThat(resolution.devLock()).contains(lock);
    assertThat(resolution.durable()).isTrue();
  }

  @Test
  void runsEmbeddedWhenNeitherIsThereAndBlankAddressCountsAsUnset() {
    RuntimeResolution resolution =
        RuntimeResolution.resolve(Map.of("TEMPORAL_ADDRESS", " "), TrawlHome.at(tempDir));

    assertThat(resolution.mode()).isEqualTo(RuntimeMode.EMBEDDED);
    assertThat(resolution.temporalTarget()).isEmpty();
    assertThat(resolution.namespace()).isEqualTo("default");
    assertThat(resolution.durable()).isFalse();
  }

  @Test
  void runsEmbeddedWhenTheDevLockIsStale() throws Exception {
    TrawlHome home = TrawlHome.at(tempDir);
    Process exited = new ProcessBuilder("true").start();
    exited.waitFor();
    new DevLock(exited.pid(), "127.0.0.1:7233", "default", null, null, Map.of(), Instant.now())
        .write(home);

    RuntimeResolution resolution = RuntimeResolution.resolve(Map.of(), home);

    assertThat(resolution.mode()).isEqualTo(RuntimeMode.EMBEDDED);
    assertThat(home.devLock()).doesNotExist();
  }

  @Test
  void waitsForAStartingTrawlDevAndAttachesOnceItsLockIsWritten() {
    TrawlHome home = TrawlHome.at(tempDir);
    DevStarting starting = DevStarting.forThisProcess();
    starting.write(home);
    DevLock lock = DevLockTest.sampleLockOfThisProcess();
    List<String> notices = new ArrayList<>();

    RuntimeResolution resolution =
        RuntimeResolution.resolve(
            Map.of(),
            home,
            line -> {
              notices.add(line);
              // The stack finishes starting while the command waits: lock first, then the marker.
              Thread.ofVirtual()
                  .start(
                      () -> {
                        lock.write(home);
                        starting.remove(home);
                      });
            });

    assertThat(resolution.mode()).isEqualTo(RuntimeMode.ATTACHED);
    assertThat(resolution.devLock()).contains(lock);
    assertThat(notices)
        .singleElement()
        .asString()
        .startsWith("waiting for ./trawl dev to finish starting (pid " + starting.pid());
  }

  @Test
  void failsSayingSoWhenAStartingTrawlDevDoesNotWriteItsLockInTime() {
    TrawlHome home = TrawlHome.at(tempDir);
    DevStarting.forThisProcess().write(home);

    assertThatThrownBy(
            () ->
                RuntimeResolution.resolve(
                    Map.of(DevStartWait.TIMEOUT_ENV, "PT0.3S"), home, line -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("did not finish starting within 300 ms")
        .hasMessageContaining(DevStartWait.TIMEOUT_ENV)
        .hasMessageNotContaining("data directory");
  }

  @Test
  void runsEmbeddedWhenTheStartingTrawlDevGivesUpWithoutALock() {
    TrawlHome home = TrawlHome.at(tempDir);
    DevStarting starting = DevStarting.forThisProcess();
    starting.write(home);

    RuntimeResolution resolution =
        RuntimeResolution.resolve(Map.of(), home, line -> starting.remove(home));

    assertThat(resolution.mode()).isEqualTo(RuntimeMode.EMBEDDED);
  }

  @Test
  void ignoresAndRemovesTheStartingMarkerOfAProcessThatIsGone() throws Exception {
    TrawlHome home = TrawlHome.at(tempDir);
    Process exited = new ProcessBuilder("true").start();
    exited.waitFor();
    new DevStarting(exited.pid(), Instant.now()).write(home);
    List<String> notices = new ArrayList<>();

    RuntimeResolution resolution = RuntimeResolution.resolve(Map.of(), home, notices::add);

    assertThat(resolution.mode()).isEqualTo(RuntimeMode.EMBEDDED);
    assertThat(notices).isEmpty();
    assertThat(home.devStarting()).doesNotExist();
  }

  @Test
  void productionNeverWaitsForAStartingTrawlDev() {
    TrawlHome home = TrawlHome.at(tempDir);
    DevStarting.forThisProcess().write(home);
    List<String> notices = new ArrayList<>();

    RuntimeResolution resolution =
        RuntimeResolution.resolve(Map.of("TEMPORAL_ADDRESS", "t:7233"), home, notices::add);

    assertThat(resolution.mode()).isEqualTo(RuntimeMode.PRODUCTION);
    assertThat(notices).isEmpty();
  }

  @Test
  void refusesATimeoutThatIsNotADuration() {
    TrawlHome home = TrawlHome.at(tempDir);
    DevStarting.forThisProcess().write(home);

    assertThatThrownBy(
            () ->
                RuntimeResolution.resolve(Map.of(DevStartWait.TIMEOUT_ENV, "soon"), home, l -> {}))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(DevStartWait.TIMEOUT_ENV)
        .hasMessageContaining("\"soon\"");
  }
}
