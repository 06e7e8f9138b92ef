package org.mineralsupplygraph.system;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.Callback;
import org.neo4j.harness.Neo4j;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.server.AbstractNeoWebServer;
import org.neo4j.server.NeoWebServer;
import org.neo4j.server.web.JettyWebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the bare Neo4j Browser address connect by itself to the embedded database, which has no password.
 *
 * <p>Neo4j Browser 5 connects without credentials only when told to: {@code ?preselectAuthMethod=NO_AUTH&dbms=...}.
 * This puts a handler in front of Neo4j's {@code /browser} context that answers the bare {@code /browser/} with a
 * redirect to that address; every other request goes on to Neo4j as before. It reaches Neo4j's Jetty through Neo4j's
 * internals; should they change, it logs a warning and the Browser still works, with the connect form.
 */
final class BrowserAutoConnect {

    private static final Logger log = LoggerFactory.getLogger(BrowserAutoConnect.class);
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}]");

    private BrowserAutoConnect() {}

    static void install(Neo4j neo4j, int boltPort) {
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
        } catch (Exception | LinkageError e) {
            log.warn("Neo4j Browser will ask how to connect (choose 'No authentication'): {}", e.toString());
        }
    }
}
