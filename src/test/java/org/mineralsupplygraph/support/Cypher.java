package org.mineralsupplygraph.support;

import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Values;

/** Read-only Cypher for assertions in tests. */
public final class Cypher {

    private final Driver driver;

    public Cypher(Driver driver) {
        this.driver = driver;
    }

    public List<Record> rows(String query, Object... keysAndValues) {
        try (Session session = driver.session()) {
            return session.executeRead(
                    tx -> tx.run(query, Values.parameters(keysAndValues)).list());
        }
    }

    public Record one(String query, Object... keysAndValues) {
        List<Record> rows = rows(query, keysAndValues);
        if (rows.size() != 1) {
            throw new AssertionError("expected one row, got " + rows.size() + " for " + query);
        }
        return rows.get(0);
    }

    public long count(String query, Object... keysAndValues) {
        return one(query, keysAndValues).get(0).asLong();
    }

    /** Node and relationship totals, per label and per type, and the number of property values: a graph's shape. */
    /**
     * The graph's facts, counted: Entity nodes and relationships, their properties, per label and type. The supply
     * reach (SupplyReach and SupplyReachState nodes, derived from the facts and rebuilt in the background when they
     * change) is not counted.
     */
    public Map<String, Object> census() {
        Record r = one("""
                CALL () { MATCH (n:Entity) RETURN count(n) AS nodes, sum(size(keys(n))) AS nodeProperties }
                CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships, sum(size(keys(r))) AS relProperties }
                CALL () { MATCH (n:Entity) UNWIND labels(n) AS l WITH l, count(*) AS c ORDER BY l
                          RETURN collect([l, c]) AS byLabel }
                CALL () { MATCH ()-[r]->() WITH type(r) AS t, count(*) AS c ORDER BY t
                          RETURN collect([t, c]) AS byType }
                RETURN nodes, nodeProperties, relationships, relProperties, byLabel, byType
                """);
        return r.asMap();
    }
}
