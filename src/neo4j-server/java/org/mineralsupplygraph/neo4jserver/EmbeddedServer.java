package org.mineralsupplygraph.neo4jserver;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.Callback;
import org.neo4j.configuration.Config;
import org.neo4j.graphdb.config.Setting;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilder;
import org.neo4j.harness.Neo4jBuilders;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.server.AbstractNeoWebServer;
import org.neo4j.server.NeoWebServer;
import org.neo4j.server.web.JettyWebServer;
import org.neo4j.storageengine.api.TransactionIdStore;

/**
 * The Neo4j 5.26 server, run inside the application's JVM but in a class loader of its own, with the libraries Neo4j
 * was built and tested with (its Java driver 5.28 for the HTTP Query API, Netty 4.1, Jersey 2, Jetty 12.1, APOC).
 *
 * <p>The application reaches this class only through JDK types (a map of Neo4j settings by name, {@code long},
 * {@code String}, {@link AutoCloseable}), so that no Neo4j class crosses between the two class loaders.
 */
public final class EmbeddedServer implements AutoCloseable {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}]");

    private final Neo4j neo4j;

    private EmbeddedServer(Neo4j neo4j) {
        this.neo4j = neo4j;
    }

    /**
     * Starts Neo4j.
     *
     * @param settings Neo4j settings by their names in neo4j.conf, values as written there
     * @param workingDirectory where the server keeps what it throws away on close (logs, certificates), or null
     */
    public static EmbeddedServer start(Map<String, String> settings, String workingDirectory) {
        Neo4jBuilder builder = workingDirectory == null
                ? Neo4jBuilders.newInProcessBuilder()
                : Neo4jBuilders.newInProcessBuilder(Path.of(workingDirectory));
        Config parsed = Config.newBuilder().setRaw(settings).build();
        Map<String, Setting<Object>> declared = parsed.getDeclaredSettings();
        for (String name : settings.keySet()) {
            Setting<Object> setting = declared.get(name);
            if (setting == null) {
                throw new IllegalArgumentException("Neo4j has no setting " + name);
            }
            builder.withConfig(setting, parsed.get(setting));
        }
        return new EmbeddedServer(builder.build());
    }

    /** The id of the default database's last committed transaction. */
    public long lastCommittedTransactionId() {
        return ((GraphDatabaseAPI) neo4j.defaultDatabaseService()).getDependencyResolver()
                .resolveDependency(TransactionIdStore.class)
                .getLastCommittedTransactionId();
    }

    /**
     * Makes the bare Neo4j Browser address connect by itself to a database without a password.
     *
     * <p>Neo4j Browser 5 connects without credentials only when told to: {@code ?preselectAuthMethod=NO_AUTH&dbms=...}.
     * This puts a handler in front of Neo4j's {@code /browser} context that answers the bare {@code /browser/} with a
     * redirect to that address; every other request goes on to Neo4j as before. It reaches Neo4j's Jetty through
     * Neo4j's internals.
     *
     * @return null when installed, else why not
     */
    public String installBrowserAutoConnect(int boltPort) {
        try {
            GraphDatabaseAPI db = (GraphDatabaseAPI) neo4j.defaultDatabaseService();
            AbstractNeoWebServer web =
                    (AbstractNeoWebServer) db.getDependencyResolver().resolveDependency(NeoWebServer.class);
            Server jetty = ((JettyWebServer) web.getWebServer()).getJetty();
            ContextHandlerCollection contexts = (ContextHandlerCollection) jetty.getHandler();
            ContextHandler redirect = new ContextHandler("/browser");
            redirect.setHandler(new Handler.Abstract() {
                @Override
                public boolean handle(Request request, Response response, Callback callback) {
                    if (!"/".equals(Request.getPathInContext(request)) || request.getHttpURI().getQuery() != null) {
                        return false;
                    }
                    String host = Request.getServerName(request);
                    if (host == null || !HOST.matcher(host).matches()) {
                        host = "localhost";
                    }
                    Response.sendRedirect(request, response, callback,
                            "/browser/?preselectAuthMethod=NO_AUTH&dbms=neo4j://" + host + ":" + boltPort);
                    return true;
                }
            });
            List<Handler> handlers = new ArrayList<>();
            handlers.add(redirect);
            handlers.addAll(contexts.getHandlers());
            contexts.setHandlers(handlers);
            redirect.start();
            return null;
        } catch (Exception | LinkageError e) {
            return e.toString();
        }
    }

    @Override
    public void close() {
        neo4j.close();
    }
}
