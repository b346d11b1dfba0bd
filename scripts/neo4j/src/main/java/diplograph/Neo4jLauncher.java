// Runs a Neo4j 5.26 Community server in this JVM for development, tests and CI: the
// embedded DBMS with Bolt and HTTP connectors on 127.0.0.1, stopped cleanly on SIGTERM.
package diplograph;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import inet.ipaddr.IPAddressString;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.QueryExecutionException;

/**
 * Configuration comes from the environment so that several developers can run their own
 * servers side by side:
 * <ul>
 *   <li>{@code DIPLOGRAPH_NEO4J_HOME}: data and logs folder (default {@code .neo4j})</li>
 *   <li>{@code NEO4J_BOLT_PORT}: Bolt port on 127.0.0.1 (default 7687)</li>
 *   <li>{@code NEO4J_HTTP_PORT}: HTTP port on 127.0.0.1 (default 7474 when Bolt is on 7687, else
 *       off; 0 turns HTTP off)</li>
 *   <li>{@code NEO4J_PASSWORD}: password of user {@code neo4j}, set at every start
 *       (default {@code diplograph}); {@code NEO4J_AUTH=none} turns authentication off</li>
 *   <li>{@code NEO4J_PAGECACHE}: page cache size, e.g. {@code 256m} (default 256m)</li>
 *   <li>{@code NEO4J_IMPORT_DIR}: the only folder LOAD CSV reads {@code file:///} URLs from
 *       (default {@code import} in the home, created empty)</li>
 *   <li>{@code NEO4J_CSV_FILE_URLS}: {@code true} lets LOAD CSV read {@code file:///} URLs
 *       (inside the import folder); off by default</li>
 * </ul>
 * Outside reach is closed by configuration as a second wall behind the read-only check of
 * src/neo4j: LOAD CSV may not fetch any network address, and only the {@code db.*}
 * procedures of plugins would load (the project uses none).
 * When Bolt answers and the password is in place, the launcher writes {@code ready}
 * (the Bolt port) into the home folder; the start script waits for that file.
 */
public final class Neo4jLauncher {
  private Neo4jLauncher() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    Path home = Path.of(env.getOrDefault("DIPLOGRAPH_NEO4J_HOME", ".neo4j")).toAbsolutePath();
    int boltPort = Integer.parseInt(env.getOrDefault("NEO4J_BOLT_PORT", "7687"));
    // HTTP defaults to 7474 only beside the default Bolt port, so that a second server started
    // on another Bolt port does not collide with the first one's HTTP port.
    int httpPort = Integer.parseInt(env.getOrDefault("NEO4J_HTTP_PORT", boltPort == 7687 ? "7474" : "0"));
    boolean authEnabled = !"none".equalsIgnoreCase(env.getOrDefault("NEO4J_AUTH", ""));
    String password = env.getOrDefault("NEO4J_PASSWORD", "diplograph");
    String pageCache = env.getOrDefault("NEO4J_PAGECACHE", "256m");
    Path importDir = home.resolve(env.getOrDefault("NEO4J_IMPORT_DIR", "import")).toAbsolutePath();
    boolean csvFileUrls = "true".equalsIgnoreCase(env.getOrDefault("NEO4J_CSV_FILE_URLS", "false"));

    Path ready = home.resolve("ready");
    Files.createDirectories(home);
    Files.createDirectories(importDir);
    Files.deleteIfExists(ready);

    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
        .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", boltPort))
        // The HTTP API (and /db/neo4j/tx for curl); port 0 turns it off.
        .setConfig(HttpConnector.enabled, httpPort > 0)
        .setConfig(HttpConnector.listen_address, new SocketAddress("127.0.0.1", Math.max(httpPort, 0)))
        .setConfig(GraphDatabaseSettings.auth_enabled, authEnabled)
        .setConfig(GraphDatabaseSettings.pagecache_memory, parseBytes(pageCache))
        // LOAD CSV reads quotes as RFC 4180 says ("" only), as neo4j-admin import and the CSV
        // export do; Neo4j's default would also read \" as a quote and garble such texts.
        .setConfig(GraphDatabaseSettings.csv_legacy_quote_escaping, false)
        // file:/// URLs resolve inside this folder only, and only when allowed at all.
        .setConfig(GraphDatabaseSettings.load_csv_file_url_root, importDir)
        .setConfig(GraphDatabaseSettings.allow_file_urls, csvFileUrls)
        // No LOAD CSV (or plugin) fetch of any address, local or remote: the project never needs one.
        .setConfig(GraphDatabaseInternalSettings.cypher_ip_blocklist,
            List.of(new IPAddressString("0.0.0.0/0"), new IPAddressString("::/0")))
        // Procedures and functions of plugins: none but db.* would load (built-in ones are not affected).
        .setConfig(GraphDatabaseSettings.procedure_allowlist, List.of("db.*"))
        // Transaction logs are kept for backups and clusters, which this server has none of: the
        // default (two days) kept 3.2 GB after a few full loads of a 10,000-article graph (each
        // writes about 600 MB). Two rotated files (256 MB each) are enough for recovery.
        .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
        .build();

    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        Files.deleteIfExists(ready);
      } catch (Exception ignored) {
        // the folder may already be gone; shutting the database down matters more
      }
      dbms.shutdown();
    }, "neo4j-shutdown"));

    if (authEnabled) setPassword(dbms, password);

    Path tmp = home.resolve("ready.tmp");
    Files.writeString(tmp, Integer.toString(boltPort), StandardCharsets.UTF_8);
    Files.move(tmp, ready, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    System.out.println("diplograph neo4j: Bolt on bolt://127.0.0.1:" + boltPort
        + (httpPort > 0 ? ", HTTP on http://127.0.0.1:" + httpPort : "") + ", home " + home
        + (authEnabled ? ", user neo4j" : ", auth disabled"));

    Thread.currentThread().join();
  }

  /** The embedded system database accepts administration commands; a new store asks for a change of the default password, which this does. */
  private static void setPassword(DatabaseManagementService dbms, String password) {
    try {
      dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
          "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
    } catch (QueryExecutionException e) {
      // Setting the password it already has is refused; anything else is a real problem.
      if (!e.getMessage().contains("Old password and new password cannot be the same")) throw e;
    }
  }

  private static long parseBytes(String text) {
    String t = text.trim().toLowerCase();
    long unit = 1;
    if (t.endsWith("k")) unit = 1L << 10;
    else if (t.endsWith("m")) unit = 1L << 20;
    else if (t.endsWith("g")) unit = 1L << 30;
    String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
    return Long.parseLong(digits) * unit;
  }
}
