package io.trawl.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseConfigTest {
  private static final String SECRET = "s3cr3t-Pa55";

  @Test
  void takesJdbcUrlAsGivenWithCredentialsFromTheirOwnVariables() {
    DatabaseConfig config =
        DatabaseConfig.parse(
            Map.of(
                "DATABASE_URL", "jdbc:postgresql://db.internal:5433/trawl?sslmode=require",
                "DATABASE_USER", "trawl",
                "DATABASE_PASSWORD", SECRET));

    assertThat(config.jdbcUrl())
        .isEqualTo("jdbc:postgresql://db.internal:5433/trawl?sslmode=require");
    assertThat(config.user()).isEqualTo("trawl");
    assertThat(config.hasPassword()).isTrue();
  }

  @Test
  void convertsPostgresUrlWithCredentialsPortAndQueryToJdbc() {
    DatabaseConfig config =
        DatabaseConfig.parse(
            Map.of(
                "DATABASE_URL",
                "postgres://app:" + SECRET + "@db.example.com:6543/trawl?sslmode=require"));

    assertThat(config.jdbcUrl())
        .isEqualTo("jdbc:postgresql://db.example.com:6543/trawl?sslmode=require");
    assertThat(config.user()).isEqualTo("app");
    assertThat(config.hasPassword()).isTrue();
  }

  @Test
  void acceptsPostgresqlSchemeAndDefaultsThePort() {
    DatabaseConfig config =
        DatabaseConfig.parse(Map.of("DATABASE_URL", "postgresql://app@localhost/trawl"));

    assertThat(config.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/trawl");
    assertThat(config.user()).isEqualTo("app");
    assertThat(config.hasPassword()).isFalse();
  }

  @Test
  void explicitUserAndPasswordWinOverCredentialsInTheUrl() {
    DatabaseConfig config =
        DatabaseConfig.parse(
            Map.of(
                "DATABASE_URL", "postgres://from-url:url-pass@localhost:5432/trawl",
                "DATABASE_USER", "from-env"));

    assertThat(config.user()).isEqualTo("from-env");
    assertThat(config.hasPassword()).isTrue();
  }

  @Test
  void connectsWithPercentEncodedPasswordFromPostgresUrl(@TempDir Path home) throws Exception {
    try (EmbeddedDatabase db = EmbeddedDatabase.start(TrawlHome.at(home))) {
      String url = "postgres://postgres:p%40ss%2Fw0rd@localhost:" + db.port() + "/postgres";
      try (HikariDataSource ds =
              (HikariDataSource) DatabaseConfig.fromEnvironment(Map.of("DATABASE_URL", url));
          Connection c = ds.getConnection();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT current_user")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("postgres");
        assertThat(ds.getPassword()).isEqualTo("p@ss/w0rd");
        assertThat(ds.getJdbcUrl()).doesNotContain("w0rd");
      }
    }
  }

  @Test
  void neverShowsThePasswordInToString() {
    DatabaseConfig fromUrl =
        DatabaseConfig.parse(Map.of("DATABASE_URL", "postgres://app:" + SECRET + "@h:1/db"));
    DatabaseConfig fromParam =
        DatabaseConfig.parse(
            Map.of("DATABASE_URL", "jdbc:postgresql://h:1/db?user=app&password=" + SECRET));

    assertThat(fromUrl.toString()).doesNotContain(SECRET).contains("password=***");
    assertThat(fromParam.toString()).doesNotContain(SECRET);
    assertThat(fromParam.redactedJdbcUrl())
        .isEqualTo("jdbc:postgresql://h:1/db?user=app&password=***");
  }

  @Test
  void neverEchoesThePasswordWhenTheUrlIsMalformed() {
    assertRejectedWithoutSecret("postgres://app:" + SECRET + " with space@host/db", "not a valid");
    assertRejectedWithoutSecret("postgres://app:ab/" + SECRET + "@host/db", "DATABASE_URL");
    assertRejectedWithoutSecret("postgres://app:" + SECRET + "@host", "names no database");
    assertRejectedWithoutSecret("mysql://app:" + SECRET + "@host/db", "starting with 'mysql:'");
  }

  @Test
  void saysWhichVariableIsMissing() {
    assertThatThrownBy(() -> DatabaseConfig.parse(Map.of("DATABASE_USER", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("DATABASE_URL is not set");
  }

  @Test
  void connectionFailureDoesNotEchoThePassword() {
    int closedPort = FreePorts.allocate();
    String url = "postgres://app:" + SECRET + "@127.0.0.1:" + closedPort + "/trawl";

    assertThatThrownBy(() -> DatabaseConfig.fromEnvironment(Map.of("DATABASE_URL", url)))
        .satisfies(e -> assertNoSecretInChain(e));
  }

  private static void assertRejectedWithoutSecret(String url, String expectedText) {
    assertThatThrownBy(() -> DatabaseConfig.parse(Map.of("DATABASE_URL", url)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(expectedText)
        .satisfies(e -> assertNoSecretInChain(e));
  }

  private static void assertNoSecretInChain(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(SECRET);
    }
  }
}
