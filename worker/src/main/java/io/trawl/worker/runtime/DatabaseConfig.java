package io.trawl.worker.runtime;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The production database, from {@code DATABASE_URL}, {@code DATABASE_USER} and {@code
 * DATABASE_PASSWORD}.
 *
 * <p>{@code DATABASE_URL} is either a JDBC URL ({@code jdbc:postgresql://host:5432/trawl?…}) or the
 * {@code postgres://user:password@host:5432/trawl?sslmode=require} form that hosting platforms hand
 * out. {@code DATABASE_USER} and {@code DATABASE_PASSWORD}, when set, win over credentials in the
 * URL.
 *
 * <p>The password never appears in {@link #toString()}, logs or exception messages: errors name the
 * variable and quote at most a redacted URL, and no parser exception (whose message would quote the
 * whole input) is chained.
 */
public final class DatabaseConfig {
  public static final String URL_ENV = "DATABASE_URL";
  public static final String USER_ENV = "DATABASE_USER";
  public static final String PASSWORD_ENV = "DATABASE_PASSWORD";

  private static final int POOL_SIZE = 10;
  private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&;]password=)[^&;#]*");
  // Greedy up to the last '@': an unencoded '/' or '@' in a password must not end the match early.
  private static final Pattern USER_INFO = Pattern.compile("//.*@");

  private final String jdbcUrl;
  private final String user;
  private final String password;

  private DatabaseConfig(String jdbcUrl, String user, String password) {
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
  }

  /** A pooled DataSource on the database {@code env} names; see {@link #parse(Map)}. */
  public static DataSource fromEnvironment(Map<String, String> env) {
    return parse(env).newDataSource();
  }

  /**
   * Reads the three variables.
   *
   * @throws IllegalArgumentException when {@code DATABASE_URL} is missing or not a PostgreSQL URL
   */
  public static DatabaseConfig parse(Map<String, String> env) {
    String url = blankToNull(env.get(URL_ENV));
    if (url == null) {
      throw new IllegalArgumentException(
          URL_ENV + " is not set; it must name the PostgreSQL database, e.g. " + exampleUrls());
    }
    String user = blankToNull(env.get(USER_ENV));
    String password = blankToNull(env.get(PASSWORD_ENV));
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:postgresql:")) {
      return new DatabaseConfig(url, user, password);
    }
    if (lower.startsWith("postgres://") || lower.startsWith("postgresql://")) {
      return fromPostgresUrl(url, user, password);
    }
    throw new IllegalArgumentException(
        URL_ENV
            + " must be a PostgreSQL URL such as "
            + exampleUrls()
            + "; got one starting with '"
            + schemeOf(url)
            + "'");
  }

  private static DatabaseConfig fromPostgresUrl(String url, String user, String password) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      // Not chained: URISyntaxException's message quotes the input, password included.
      throw new IllegalArgumentException(
          URL_ENV
              + " is not a valid postgres:// URL ("
              + e.getReason()
              + " at index "
              + e.getIndex()
              + "); percent-encode special characters in the user and password");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException(
          URL_ENV + " has no host: " + redact(url) + "; expected " + exampleUrls());
    }
    String database = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    if (database.isEmpty()) {
      throw new IllegalArgumentException(
          URL_ENV + " names no database: " + redact(url) + "; expected " + exampleUrls());
    }
    String jdbcUrl =
        "jdbc:postgresql://"
            + uri.getHost()
            + ":"
            + (uri.getPort() == -1 ? 5432 : uri.getPort())
            + "/"
            + database
            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    String urlUser = null;
    String urlPassword = null;
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      urlUser = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
      urlPassword = colon < 0 ? null : decode(userInfo.substring(colon + 1));
    }
    return new DatabaseConfig(
        jdbcUrl, user != null ? user : urlUser, password != null ? password : urlPassword);
  }

  /** A HikariCP pool; the password goes to the driver as a property, never into the URL. */
  public HikariDataSource newDataSource() {
    HikariConfig config = new HikariConfig();
    config.setPoolName("trawl-database");
    config.setJdbcUrl(jdbcUrl);
    if (user != null) {
      config.setUsername(user);
    }
    if (password != null) {
      config.setPassword(password);
    }
    config.setMaximumPoolSize(POOL_SIZE);
    return new HikariDataSource(config);
  }

  /** The JDBC URL as given or converted; it may carry a password parameter, so do not log it. */
  public String jdbcUrl() {
    return jdbcUrl;
  }

  /** The JDBC URL with any password parameter masked, fit for logs. */
  public String redactedJdbcUrl() {
    return redact(jdbcUrl);
  }

  public String user() {
    return user;
  }

  public boolean hasPassword() {
    return password != null;
  }

  @Override
  public String toString() {
    return "DatabaseConfig[url="
        + redactedJdbcUrl()
        + ", user="
        + user
        + ", password="
        + (password == null ? "none" : "***")
        + "]";
  }

  static String redact(String url) {
    String withoutUserInfo = USER_INFO.matcher(url).replaceFirst("//***@");
    return PASSWORD_PARAM.matcher(withoutUserInfo).replaceAll("$1***");
  }

  private static String schemeOf(String url) {
    int colon = url.indexOf(':');
    return colon < 0 ? "(no scheme)" : url.substring(0, Math.min(colon, 20)) + ":";
  }

  private static String decode(String part) {
    return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static String exampleUrls() {
    return "jdbc:postgresql://host:5432/trawl or postgres://user:password@host:5432/trawl";
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
