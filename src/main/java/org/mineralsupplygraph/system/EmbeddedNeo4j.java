package org.mineralsupplygraph.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Neo4j 5.26 server inside this JVM: Bolt and HTTP (Neo4j Browser, the Query API) on the configured interface, APOC
 * core, the database files in a directory of our choosing so that they survive restarts.
 *
 * <p>Neo4j runs in a class loader of its own ({@link Neo4jServerRuntime}) with the libraries it is built for; this
 * class reaches it through the bridge class {@code org.mineralsupplygraph.neo4jserver.EmbeddedServer}
 * (src/neo4j-server), with Neo4j settings by name and JDK types only. The server's throw-away working directory (logs,
 * certificates) is deleted on close; the database itself lives in {@link #dataDirectory()}.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);
    private static final String BRIDGE = "org.mineralsupplygraph.neo4jserver.EmbeddedServer";

    private final AutoCloseable server;
    private final Method lastCommittedTransactionId;
    private final Path dataDirectory;
    private final String host;
    private final int boltPort;
    private final int httpPort;
    private boolean closed;

    private EmbeddedNeo4j(AutoCloseable server, Path dataDirectory, String host, int boltPort, int httpPort) {
        this.server = server;
        this.lastCommittedTransactionId = method(server.getClass(), "lastCommittedTransactionId");
        this.dataDirectory = dataDirectory;
        this.host = host;
        this.boltPort = boltPort;
        this.httpPort = httpPort;
    }

    /**
     * Starts Neo4j with the given settings.
     *
     * @param settings where the data lives, which interface and ports to bind, the page cache
     * @param extraConfig further Neo4j settings by their neo4j.conf names (Browser settings, for example)
     * @return the running instance; close it to stop Neo4j
     */
    public static EmbeddedNeo4j start(SupplyGraphProperties.Embedded settings, Map<String, String> extraConfig) {
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

        Neo4jServerRuntime runtime = Neo4jServerRuntime.get();
        // A wildcard address (0.0.0.0, ::) listens everywhere but cannot be advertised or connected to: the server
        // then advertises, and the application connects through, this machine's name.
        String advertised = isWildcard(host) ? localHostName() : host;
        Map<String, String> config = new LinkedHashMap<>();
        config.put("server.directories.data", dataDirectory.toString());
        config.put(
                "server.memory.pagecache.size",
                Long.toString(settings.pageCache().toBytes()));
        config.put("dbms.security.auth_enabled", "false");
        config.put("server.bolt.enabled", "true");
        config.put("server.bolt.listen_address", address(host, boltPort));
        config.put("server.bolt.advertised_address", address(advertised, boltPort));
        config.put("server.bolt.tls_level", "DISABLED");
        config.put("server.http.enabled", "true");
        config.put("server.http.listen_address", address(host, httpPort));
        config.put("server.http.advertised_address", address(advertised, httpPort));
        config.put("server.https.enabled", "false");
        // Time-outs are noticed within 200 ms rather than the default 2 s, so that a query past its time limit is
        // stopped close to it.
        config.put("db.transaction.monitor.check.interval", "200ms");
        // Transaction logs are kept up to 1 GiB (Neo4j's default keeps two days of them): rebuilding the supply reach
        // of a million-node network writes millions of records, and two days of such logs filled 17 GB beside an
        // 11 GB store. The embedded database is a working copy (backups are of the data sets or an export).
        config.put("db.tx_log.rotation.retention_policy", "1G size");
        // Stopping takes about a second instead of ten: Bolt's two Netty event loop groups each wait a quiet period of
        // 5 s (Neo4j's internal default) for tasks that never come, since the application's driver is closed before
        // Neo4j. Bolt still finishes the tasks it has and closes its connections (docs/benchmarks.md, "Stopping").
        config.put("internal.dbms.bolt.netty_server_shutdown_quiet_period", "0");
        // Nothing phones home: no usage reports, no Browser telemetry.
        config.put("dbms.usage_report.enabled", "false");
        config.put("client.allow_telemetry", "false");
        // APOC core from the plugin directory; its procedures may use Neo4j's internals, as APOC's installation
        // guide asks. Exports to files stay off (apoc.export.file.enabled, APOC's default).
        config.put("server.directories.plugins", runtime.pluginDirectory().toString());
        config.put("dbms.security.procedures.unrestricted", "apoc.*");
        config.putAll(extraConfig);

        AutoCloseable server = startServer(runtime, config);
        if (!"true".equalsIgnoreCase(config.get("dbms.security.auth_enabled"))) {
            Object problem =
                    invoke(method(server.getClass(), "installBrowserAutoConnect", int.class), server, boltPort);
            if (problem != null) {
                log.warn("Neo4j Browser will ask how to connect (choose 'No authentication'): {}", problem);
            }
        }
        EmbeddedNeo4j embedded =
                new EmbeddedNeo4j(server, dataDirectory, isWildcard(host) ? "127.0.0.1" : host, boltPort, httpPort);
        log.info(
                "Embedded Neo4j started in {} ms: Bolt {}, Browser {}browser/, data in {}",
                Duration.ofNanos(System.nanoTime() - started).toMillis(),
                embedded.boltUri(),
                embedded.httpUri(),
                dataDirectory);
        return embedded;
    }

    /** Starts the server in its class loader, with that loader as the context class loader of the threads it makes. */
    private static AutoCloseable startServer(Neo4jServerRuntime runtime, Map<String, String> config) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(runtime.classLoader());
        try {
            Class<?> bridge = Class.forName(BRIDGE, true, runtime.classLoader());
            return (AutoCloseable) invoke(method(bridge, "start", Map.class, String.class), null, config, null);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("The embedded Neo4j's bridge class is missing from its libraries", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static Method method(Class<?> type, String name, Class<?>... parameters) {
        try {
            return type.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("The embedded Neo4j's bridge has no method " + name, e);
        }
    }

    private static Object invoke(Method method, Object target, Object... arguments) {
        try {
            return method.invoke(target, arguments);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static String address(String host, int port) {
        return (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
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

    /** The class path of Neo4j's own tools ({@code neo4j-admin}), for running them in a JVM of their own. */
    public static String toolsClassPath() {
        return Neo4jServerRuntime.get().classPath();
    }

    /**
     * The id of the default database's last committed transaction: it grows with every write that changes something,
     * whoever makes it (the application, Neo4j Browser, another program on Bolt), and not with reads.
     */
    public long lastCommittedTransactionId() {
        return (Long) invoke(lastCommittedTransactionId, server);
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
        try {
            server.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Neo4j did not stop cleanly", e);
        }
        log.info(
                "Embedded Neo4j stopped in {} ms",
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }
}
