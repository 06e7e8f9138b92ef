package org.mineralsupplygraph.system;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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
 * Runs the API's queries: each request in one read transaction (so that a cluster can route it to a reader), within
 * the configured timeout. At most {@code supplygraph.query.concurrency} transactions run at once; a request beyond
 * them waits for a slot, and the wait counts against its timeout (a request answers within the timeout either way).
 * Under load this keeps the queries that run fast instead of slowing all of them past the limit together. A query that
 * runs out of time, finds no slot in time, or a database that cannot be reached, becomes a
 * {@link QueryUnavailableException} (503), never a hung thread.
 */
@Component
public class ReadQueries {

    /** Less time than this left after the wait for a slot is not worth starting a transaction for. */
    private static final Duration LEAST = Duration.ofMillis(50);

    private final Neo4jSessions sessions;
    private final Duration timeout;
    private final Semaphore slots;
    private final int slotCount;

    public ReadQueries(Neo4jSessions sessions, SupplyGraphProperties properties) {
        this.sessions = sessions;
        this.timeout = properties.query().timeout();
        this.slotCount = properties.query().slots();
        this.slots = new Semaphore(slotCount, true);
    }

    public <T> T read(Function<TransactionContext, T> work) {
        long start = System.nanoTime();
        try {
            if (!slots.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        try {
            Duration left = timeout.minusNanos(System.nanoTime() - start);
            if (left.compareTo(LEAST) < 0) {
                throw busy();
            }
            return run(work, TransactionConfig.builder().withTimeout(left).build());
        } finally {
            slots.release();
        }
    }

    private QueryUnavailableException busy() {
        return new QueryUnavailableException("The database is busy: all " + slotCount + " query slots stayed taken"
                + " for the limit of " + timeout.toMillis() + " ms; try again later.", null);
    }

    private <T> T run(Function<TransactionContext, T> work, TransactionConfig config) {
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
