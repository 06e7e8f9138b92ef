package org.mineralsupplygraph.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mineralsupplygraph.support.GraphTest;
import org.neo4j.driver.exceptions.TransientException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.unit.DataSize;

/**
 * At most {@code supplygraph.query.concurrency} read transactions run at once; a request beyond them waits for a slot,
 * and when none frees within its time limit it is answered 503 (busy) rather than left waiting.
 */
@GraphTest
class QuerySlotsTest {

    @Autowired
    Neo4jSessions sessions;

    private ReadQueries queries(Duration timeout, int concurrency) {
        return new ReadQueries(
                sessions,
                new SupplyGraphProperties(
                        new SupplyGraphProperties.Database(""),
                        new SupplyGraphProperties.Embedded(null, "127.0.0.1", 0, 0, DataSize.ofMegabytes(128)),
                        new SupplyGraphProperties.Data(false, List.of()),
                        new SupplyGraphProperties.Query(timeout, concurrency, Duration.ofSeconds(5)),
                        new SupplyGraphProperties.Import(
                                10_000, 250_000, Duration.ofSeconds(30), DataSize.ofMegabytes(50))));
    }

    @Test
    void aRequestBeyondTheSlotsWaitsItsTimeLimitAtMostThenIsBusy() throws Exception {
        ReadQueries one = queries(Duration.ofMillis(400), 1);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> one.read(tx -> {
            int value = tx.run("RETURN 1 AS one").single().get("one").asInt();
            holding.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return value;
        }));
        assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        assertThatThrownBy(() -> one.read(
                        tx -> tx.run("RETURN 2 AS two").single().get("two").asInt()))
                .isInstanceOf(QueryUnavailableException.class)
                .hasMessageContaining("busy: all 1 query slots stayed taken for the limit of 400 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));

        // The holder outlived its own limit while holding the slot; whatever it answers, it gives the slot back.
        release.countDown();
        first.handle((value, error) -> value).get(30, TimeUnit.SECONDS);
        // The slot is free again.
        int three =
                one.read(tx -> tx.run("RETURN 3 AS three").single().get("three").asInt());
        assertThat(three).isEqualTo(3);
    }

    @Test
    void requestsWithinTheSlotsRunSideBySide() throws Exception {
        ReadQueries two = queries(Duration.ofSeconds(20), 2);
        CountDownLatch both = new CountDownLatch(2);
        Runnable meet = () -> two.read(tx -> {
            tx.run("RETURN 1").consume();
            both.countDown();
            try {
                // Each waits for the other inside its transaction: only possible when both run at once.
                return both.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        CompletableFuture<Void> a = CompletableFuture.runAsync(meet);
        CompletableFuture<Void> b = CompletableFuture.runAsync(meet);
        a.get(30, TimeUnit.SECONDS);
        b.get(30, TimeUnit.SECONDS);
        assertThat(both.getCount()).isZero();
    }

    @Test
    void aStreamedExportMayTakeTheExportLimitAndRunsOnce() {
        ReadQueries short5 = queries(Duration.ofMillis(300), 2);
        // A read past the query limit is stopped; the same work as an export has the export limit (5 s here).
        assertThatThrownBy(() -> short5.read(tx -> tx.run("CALL apoc.util.sleep(1200) RETURN 1 AS one")
                        .single()
                        .get("one")
                        .asInt()))
                .isInstanceOf(QueryUnavailableException.class)
                .hasMessageContaining("limit of 300 ms");
        int one = short5.readOnce(tx -> tx.run("CALL apoc.util.sleep(1200) RETURN 1 AS one")
                .single()
                .get("one")
                .asInt());
        assertThat(one).isEqualTo(1);

        // A transient failure is retried by read, never by readOnce: an export would be written twice.
        AtomicInteger runs = new AtomicInteger();
        ReadQueries patient = queries(Duration.ofSeconds(20), 2);
        assertThatThrownBy(() -> patient.readOnce(tx -> {
                    runs.incrementAndGet();
                    throw new TransientException("Neo.TransientError.Test", "try again");
                }))
                .isInstanceOf(QueryUnavailableException.class);
        assertThat(runs).hasValue(1);
        runs.set(0);
        patient.read(tx -> {
            if (runs.incrementAndGet() == 1) {
                throw new TransientException("Neo.TransientError.Test", "try again");
            }
            return tx.run("RETURN 1").consume();
        });
        assertThat(runs).hasValue(2);
    }
}
