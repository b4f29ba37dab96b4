package io.trawl.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trawl.worker.RuntimeLauncher;
import io.trawl.worker.TrawlRuntime;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command meets an embedded data directory another process holds: it attaches when the holder is
 * a {@code ./trawl dev} that is starting, and reports the directory in use when it is anything
 * else. The holder is a real second JVM with the embedded PostgreSQL open.
 */
class DataDirectoryHolderTest {
  @TempDir Path tempDir;

  @Test
  void attachesWhenTheHolderIsATrawlDevThatIsStarting() throws Exception {
    TrawlHome home = TrawlHome.at(tempDir);
    Map<String, String> env = Map.of(TrawlHome.ENV, home.root().toString());
    try (ChildJvm holder = ChildJvm.start(AbandonedDatabaseMain.class, home.root().toString())) {
      int port =
          Integer.parseInt(holder.awaitLine(AbandonedDatabaseMain.READY, Duration.ofSeconds(60)));
      new DevStarting(holder.pid(), Instant.now()).write(home);
      DevLock lock =
          new DevLock(
              holder.pid(),
              "127.0.0.1:1",
              "default",
              null,
              "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres",
              Map.of(),
              Instant.now());
      List<String> notices = new ArrayList<>();

      try (TrawlRuntime runtime =
          RuntimeLauncher.forDatabase(
              env,
              line -> {
                notices.add(line);
                lock.write(home);
                home.devStarting().toFile().delete();
              })) {
        assertThat(notices)
            .singleElement()
            .asString()
            .startsWith("waiting for ./trawl dev to finish starting (pid " + holder.pid());
        assertThat(runtime.durable()).isTrue();
        try (Connection c = runtime.dataSource().getConnection();
            Statement s = c.createStatement();
            ResultSet rows = s.executeQuery("SELECT name FROM survivors")) {
          assertThat(rows.next()).isTrue();
          assertThat(rows.getString(1)).isEqualTo("committed before SIGKILL");
        }
      }
    }
  }

  @Test
  void reportsTheDataDirectoryInUseWhenTheHolderIsNotAStartingTrawlDev() throws Exception {
    TrawlHome home = TrawlHome.at(tempDir);
    Map<String, String> env = Map.of(TrawlHome.ENV, home.root().toString());
    try (ChildJvm holder = ChildJvm.start(AbandonedDatabaseMain.class, home.root().toString())) {
      holder.awaitLine(AbandonedDatabaseMain.READY, Duration.ofSeconds(60));
      List<String> notices = new ArrayList<>();

      assertThatThrownBy(() -> RuntimeLauncher.forDatabase(env, notices::add).close())
          .isInstanceOf(DataDirectoryInUseException.class)
          .hasMessageContaining("the PostgreSQL data directory " + home.postgresData())
          .hasMessageContaining("is in use by another running trawl process");
      assertThat(notices).isEmpty();
    }
  }
}
