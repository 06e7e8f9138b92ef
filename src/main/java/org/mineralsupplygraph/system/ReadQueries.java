package org.mineralsupplygraph.system;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.QueryRunner;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    /**
     * Less time than this left after the wait for a slot (50 ms, or a fifth of a shorter limit) is not worth starting
     * a transaction for.
     */
    private static final Duration LEAST = Duration.ofMillis(50);

    /** How much longer than its limit a request waits for Neo4j to stop its transaction before answering 503. */
    public static final Duration GRACE = Duration.ofMillis(500);

    private static final Logger log = LoggerFactory.getLogger(ReadQueries.class);

    /** The workers: as many as there are slots taken (a worker holds its slot for as long as it runs). */
    private final ExecutorService workers;

    private final Neo4jSessions sessions;
    private final Duration timeout;
    private final Duration exportTimeout;
    private final Semaphore slots;
    /** One streamed export at a time: it holds a slot for minutes, and the others should stay for the API. */
    private final Semaphore exports = new Semaphore(1, true);

    private final int slotCount;
    private final Duration least;

    public ReadQueries(Neo4jSessions sessions, SupplyGraphProperties properties) {
        this.sessions = sessions;
        this.timeout = properties.query().timeout();
        this.exportTimeout = properties.query().exportTimeout();
        this.slotCount = properties.query().slots();
        this.slots = new Semaphore(slotCount, true);
        this.least = timeout.dividedBy(5).compareTo(LEAST) < 0 ? timeout.dividedBy(5) : LEAST;
        AtomicInteger threads = new AtomicInteger();
        this.workers =
                new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, "read-query-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    public <T> T read(Function<TransactionContext, T> work) {
        return read(work, null);
    }

    /**
     * As {@link #read(Function)}, but for work that writes what it reads to the client as it goes (an export): it runs
     * once, never again after a transient failure (a second run would write it twice), one such work at a time, and
     * once it has its slot it may take the export time limit ({@code supplygraph.query.export-timeout}) rather than the
     * query time limit. Waiting for the slot is bounded by the query time limit.
     */
    public <T> T readOnce(Function<QueryRunner, T> work) {
        return read(null, work);
    }

    /** Runs {@code managed} in a retried read transaction, or else {@code once} in a read transaction of its own. */
    private <T> T read(Function<TransactionContext, T> managed, Function<QueryRunner, T> once) {
        long start = System.nanoTime();
        Semaphore export = once == null ? null : exports;
        takeSlot(export, start);
        Duration limit = export == null ? timeout : exportTimeout;
        // An export's limit counts from when it has its slot; a query's includes the wait for it.
        Duration left = export == null ? limit.minusNanos(System.nanoTime() - start) : limit;
        if (left.compareTo(least) < 0) {
            releaseSlot(export);
            throw busy();
        }
        // The transaction runs on a worker, which gives the slot back when Neo4j has really finished; the request
        // waits for it until its time is up and a little more. Neo4j stops a transaction past its timeout, but some
        // operators (a shortest-path search through nodes of 100,000 relationships) notice only long after: the
        // request is answered 503 in time anyway, and the slot stays taken while the database still works.
        TransactionConfig config = TransactionConfig.builder().withTimeout(left).build();
        Future<T> answer = submit(() -> run(managed, once, config, limit), export);
        return await(answer, left.plus(GRACE), limit);
    }

    /**
     * Takes a query slot, and for an export first the export's turn, waiting for them no longer than the query time
     * limit from {@code start}.
     */
    private void takeSlot(Semaphore export, long start) {
        try {
            if (export != null && !export.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new QueryUnavailableException(
                        "Another export is being written; try again when it is done.", null);
            }
            if (!slots.tryAcquire(timeout.toNanos() - (System.nanoTime() - start), TimeUnit.NANOSECONDS)) {
                release(export);
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            release(export);
            throw busy();
        }
    }

    /** Gives back a query slot, and for an export the export's turn. */
    private void releaseSlot(Semaphore export) {
        slots.release();
        release(export);
    }

    /** Runs the work on a worker, which gives the slot back when the work is done. */
    private <T> Future<T> submit(Supplier<T> work, Semaphore export) {
        try {
            return workers.submit(() -> {
                try {
                    return work.get();
                } finally {
                    releaseSlot(export);
                }
            });
        } catch (RejectedExecutionException e) {
            releaseSlot(export);
            throw busy();
        }
    }

    /** The worker's answer, waited for no longer than {@code wait}; its failures as they were thrown. */
    private static <T> T await(Future<T> answer, Duration wait, Duration limit) {
        try {
            return answer.get(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            log.warn(
                    "A read ran past its limit of {} ms and Neo4j has not stopped it yet; answered 503, its slot"
                            + " stays taken until the database lets go",
                    limit.toMillis());
            throw timedOut(e, limit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueryUnavailableException("The request was interrupted while its query ran.", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Past the limit: stopped by Neo4j, or answered before Neo4j noticed. */
    private static QueryUnavailableException timedOut(Exception cause, Duration limit) {
        return new QueryUnavailableException(
                "The query ran longer than the limit of " + limit.toMillis()
                        + " ms and was stopped; narrow it (a smaller maxDepth or limit) or try again later.",
                cause);
    }

    private static void release(Semaphore export) {
        if (export != null) {
            export.release();
        }
    }

    private QueryUnavailableException busy() {
        return new QueryUnavailableException(
                "The database is busy: all " + slotCount + " query slots stayed taken" + " for the limit of "
                        + timeout.toMillis() + " ms; try again later.",
                null);
    }

    private <T> T run(
            Function<TransactionContext, T> managed,
            Function<QueryRunner, T> once,
            TransactionConfig config,
            Duration limit) {
        try (Session session = sessions.session(AccessMode.READ)) {
            if (once != null) {
                try (Transaction tx = session.beginTransaction(config)) {
                    return once.apply(tx);
                }
            }
            return session.executeRead(managed::apply, config);
        } catch (ClientException e) {
            if (e.code() != null && e.code().contains("TransactionTimedOut")) {
                throw timedOut(e, limit);
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
