package org.mineralsupplygraph.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.graphdb.config.Setting;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilder;
import org.neo4j.harness.Neo4jBuilders;
import org.neo4j.server.configuration.ServerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Neo4j 5.26 server inside this JVM: Bolt and HTTP (Neo4j Browser) on the configured interface, the database files
 * in a directory of our choosing so that they survive restarts.
 *
 * <p>Built on neo4j-harness. The harness runs Neo4j in a throw-away working directory that it deletes on close; the
 * database itself is pointed at {@link #dataDirectory()} so that only logs and certificates are thrown away.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);

    private final Neo4j neo4j;
    private final Path dataDirectory;
    private final String host;
    private final int boltPort;
    private final int httpPort;
    private boolean closed;

    private EmbeddedNeo4j(Neo4j neo4j, Path dataDirectory, String host, int boltPort, int httpPort) {
        this.neo4j = neo4j;
        this.dataDirectory = dataDirectory;
        this.host = host;
        this.boltPort = boltPort;
        this.httpPort = httpPort;
    }

    /**
     * Starts Neo4j with the given settings.
     *
     * @param settings where the data lives, which interface and ports to bind, the page cache
     * @param extraConfig further Neo4j settings (Browser and client settings, for example)
     * @return the running instance; close it to stop Neo4j
     */
    public static EmbeddedNeo4j start(SupplyGraphProperties.Embedded settings, Map<Setting<?>, Object> extraConfig) {
        long started = System.nanoTime();
        Path dataDirectory = settings.dataDirectory().toAbsolutePath().normalize();
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the Neo4j data directory " + dataDirectory, e);
        }
        String host = settings.listenAddress();
        int boltPort = settings.boltPort() == 0 ? freePort(host) : settings.boltPort();
        int httpPort = settings.httpPort() == 0 ? freePort(host) : settings.httpPort();
        if (!isLoopback(host)) {
            log.warn(
                    "Embedded Neo4j listens on {}, not on loopback: Bolt and Neo4j Browser are reachable from the network"
                            + " without a password. Set supplygraph.embedded.listen-address=127.0.0.1 to close it.",
                    host);
        }

        // A wildcard address (0.0.0.0, ::) listens everywhere but cannot be advertised or connected to: the server
        // then advertises, and the application connects through, this machine's name.
        String advertised = isWildcard(host) ? localHostName() : host;
        Neo4jBuilder builder = Neo4jBuilders.newInProcessBuilder()
                .withConfig(GraphDatabaseSettings.data_directory, dataDirectory)
                .withConfig(GraphDatabaseSettings.pagecache_memory, settings.pageCache().toBytes())
                .withConfig(GraphDatabaseSettings.auth_enabled, false)
                .withConfig(BoltConnector.enabled, true)
                .withConfig(BoltConnector.listen_address, new SocketAddress(host, boltPort))
                .withConfig(BoltConnector.advertised_address, new SocketAddress(advertised, boltPort))
                .withConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .withConfig(HttpConnector.enabled, true)
                .withConfig(HttpConnector.listen_address, new SocketAddress(host, httpPort))
                .withConfig(HttpConnector.advertised_address, new SocketAddress(advertised, httpPort))
                .withConfig(HttpsConnector.enabled, false)
                // Time-outs are noticed within 200 ms rather than the default 2 s, so that a query past its time
                // limit is stopped close to it.
                .withConfig(GraphDatabaseSettings.transaction_monitor_check_interval, Duration.ofMillis(200))
                // Nothing phones home: no usage reports, no Browser telemetry.
                .withConfig(GraphDatabaseSettings.udc_enabled, false)
                .withConfig(ServerSettings.allow_telemetry, false);
        extraConfig.forEach((setting, value) -> withSetting(builder, setting, value));

        Neo4j neo4j = builder.build();
        if (!Boolean.TRUE.equals(extraConfig.get(GraphDatabaseSettings.auth_enabled))) {
            BrowserAutoConnect.install(neo4j, boltPort);
        }
        EmbeddedNeo4j embedded = new EmbeddedNeo4j(neo4j, dataDirectory, isWildcard(host) ? "127.0.0.1" : host, boltPort,
                httpPort);
        log.info(
                "Embedded Neo4j started in {} ms: Bolt {}, Browser {}browser/, data in {}",
                Duration.ofNanos(System.nanoTime() - started).toMillis(),
                embedded.boltUri(),
                embedded.httpUri(),
                dataDirectory);
        return embedded;
    }

    @SuppressWarnings("unchecked")
    private static <T> void withSetting(Neo4jBuilder builder, Setting<T> setting, Object value) {
        builder.withConfig(setting, (T) value);
    }

    private static boolean isWildcard(String host) {
        try {
            return InetAddress.getByName(host).isAnyLocalAddress();
        } catch (IOException e) {
            return false;
        }
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + host, e);
        }
    }

    /** Bolt URI of the running server, for example {@code bolt://127.0.0.1:7687}. */
    public URI boltUri() {
        return URI.create("bolt://" + host + ":" + boltPort);
    }

    /** HTTP URI of the running server (Neo4j Browser lives under {@code browser/}). */
    public URI httpUri() {
        return URI.create("http://" + host + ":" + httpPort + "/");
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The harness handle, for direct access to the database in tests and tools. */
    public Neo4j neo4j() {
        return neo4j;
    }

    /**
     * The id of the default database's last committed transaction: it grows with every write that changes something,
     * whoever makes it (the application, Neo4j Browser, another program on Bolt), and not with reads.
     */
    public long lastCommittedTransactionId() {
        return ((org.neo4j.kernel.internal.GraphDatabaseAPI) neo4j.defaultDatabaseService()).getDependencyResolver()
                .resolveDependency(org.neo4j.storageengine.api.TransactionIdStore.class)
                .getLastCommittedTransactionId();
    }

    /** Stops Neo4j (takes some seconds); safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long started = System.nanoTime();
        log.info("Stopping embedded Neo4j ({})", boltUri());
        neo4j.close();
        log.info("Embedded Neo4j stopped in {} ms", Duration.ofNanos(System.nanoTime() - started).toMillis());
    }
}
