package org.mineralsupplygraph.reach;

import java.util.Map;
import java.util.function.LongSupplier;
import org.mineralsupplygraph.system.Neo4jSessions;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

/**
 * The database's last committed transaction, read to tell whether anything was written since the supply reach was
 * built. Every write that changes something advances it, whoever makes it; reads do not. In-process Neo4j gives it
 * exactly; an external server gives it through {@code SHOW DATABASE ... YIELD lastCommittedTxn} where its edition
 * reports it (Neo4j Enterprise does, Community reports null: then writes made outside this application cannot be
 * detected and the answers say so).
 */
public interface CommitMarker {

    /** The id of the last committed transaction, or null when the database does not tell. */
    Long last();

    /** Whether writes by other programs can be detected at all. */
    default boolean known() {
        return last() != null;
    }

    /** The embedded database's own counter. */
    static CommitMarker of(LongSupplier lastCommitted) {
        return lastCommitted::getAsLong;
    }

    /** An external server's counter, asked at most every {@code cacheMillis}. */
    static CommitMarker of(Neo4jSessions sessions, String database, long cacheMillis) {
        return new CommitMarker() {
            private long askedAt;
            private Long value;
            private boolean unsupported;

            @Override
            public synchronized Long last() {
                if (unsupported) {
                    return null;
                }
                long now = System.nanoTime();
                if (askedAt != 0 && now - askedAt < cacheMillis * 1_000_000) {
                    return value;
                }
                String statement = database == null || database.isBlank()
                        ? "SHOW DEFAULT DATABASE YIELD lastCommittedTxn RETURN max(lastCommittedTxn) AS tx"
                        : "SHOW DATABASE $name YIELD lastCommittedTxn RETURN max(lastCommittedTxn) AS tx";
                try (Session session = sessions.session()) {
                    Record row = session.run(statement, Map.of("name", database == null ? "" : database))
                            .single();
                    value = row.get("tx").isNull() ? null : row.get("tx").asLong();
                    unsupported = value == null;
                } catch (RuntimeException e) {
                    value = null;
                }
                askedAt = now;
                return value;
            }
        };
    }
}
