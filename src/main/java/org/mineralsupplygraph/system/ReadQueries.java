package org.mineralsupplygraph.system;

import java.time.Duration;
import java.util.function.Function;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;
import org.springframework.stereotype.Component;

/**
 * Runs the API's queries: each request in one read transaction (so that a cluster can route it to a reader), with the
 * configured timeout. A query that runs out of time, or a database that cannot be reached, becomes a
 * {@link QueryUnavailableException} (503), never a hung thread.
 */
@Component
public class ReadQueries {

    private final Neo4jSessions sessions;
    private final TransactionConfig config;
    private final Duration timeout;

    public ReadQueries(Neo4jSessions sessions, SupplyGraphProperties properties) {
        this.sessions = sessions;
        this.timeout = properties.query().timeout();
        this.config = TransactionConfig.builder().withTimeout(timeout).build();
    }

    public <T> T read(Function<TransactionContext, T> work) {
        try (Session session = sessions.session()) {
            return session.executeRead(work::apply, config);
        } catch (ClientException e) {
            if (e.code() != null && e.code().contains("TransactionTimedOut")) {
                throw new QueryUnavailableException("The query ran longer than the limit of " + timeout.toMillis()
                        + " ms and was stopped; narrow it (a smaller maxDepth or limit) or try again later.", e);
            }
            throw e;
        } catch (ServiceUnavailableException | SessionExpiredException | TransientException e) {
            throw new QueryUnavailableException("The database is not available: " + e.getMessage(), e);
        }
    }

    public Duration timeout() {
        return timeout;
    }
}
