package org.mineralsupplygraph.catalog;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.mineralsupplygraph.catalog.CatalogViews.NeighbourhoodResponse;
import org.mineralsupplygraph.graph.GraphViews;
import org.mineralsupplygraph.graph.NodeView;
import org.mineralsupplygraph.graph.RelationshipView;
import org.mineralsupplygraph.system.CypherQueries;
import org.mineralsupplygraph.system.Named;
import org.mineralsupplygraph.system.ReadQueries;
import org.neo4j.driver.QueryRunner;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Service;

/**
 * The graph, or the neighbourhood of one node, as a file for Gephi, yEd, Cytoscape or Cytoscape.js. A neighbourhood is
 * read first and written from memory; the whole graph is streamed from the database as it is written, its keys found
 * by one query before.
 */
@Service
class GraphExportService {

    private static final String BOUNDS = CypherQueries.load("export-bounds");
    private static final String NODE_KEYS = CypherQueries.load("export-node-keys");
    private static final String RELATIONSHIP_KEYS = CypherQueries.load("export-relationship-keys");
    private static final String NODES = CypherQueries.load("export-nodes");
    private static final String RELATIONSHIPS = CypherQueries.load("export-relationships");

    private final EntitiesService entities;
    private final ReadQueries queries;

    GraphExportService(EntitiesService entities, ReadQueries queries) {
        this.entities = entities;
        this.queries = queries;
    }

    /** What to write, found before the first byte is: a missing node or a bad parameter is still a 4xx problem. */
    interface Export {
        /** For the file name: the focus, or {@code all}. */
        String name();

        boolean truncated();

        void writeTo(GraphFileWriter.Format format, OutputStream out) throws IOException;
    }

    static PropertyKeys nodeKeys() {
        return new PropertyKeys("labels", "name");
    }

    static PropertyKeys relationshipKeys() {
        return new PropertyKeys("label");
    }

    Export focus(String id, int depth, int limit) {
        NeighbourhoodResponse neighbourhood = entities.neighbourhood(Named.node("focus", id), depth, limit);
        PropertyKeys nodeKeys = nodeKeys();
        neighbourhood.graph().nodes().forEach(node -> nodeKeys.addAll(node.properties()));
        PropertyKeys relationshipKeys = relationshipKeys();
        neighbourhood.graph().relationships().forEach(r -> relationshipKeys.addAll(r.properties()));
        String description = "The nodes within " + depth + (depth == 1 ? " relationship" : " relationships") + " of "
                + id + " (at most " + limit
                + (neighbourhood.truncated() ? "; some were left out" : "") + ") and the relationships among them,"
                + " from Mineral Supply Graph";
        return new Export() {
            @Override
            public String name() {
                return id;
            }

            @Override
            public boolean truncated() {
                return neighbourhood.truncated();
            }

            @Override
            public void writeTo(GraphFileWriter.Format format, OutputStream out) throws IOException {
                GraphFileWriter writer = format.writer(out);
                writer.begin(nodeKeys, relationshipKeys, description);
                for (NodeView node : neighbourhood.graph().nodes()) {
                    writer.node(node);
                }
                writer.relationships();
                int i = 0;
                for (RelationshipView relationship : neighbourhood.graph().relationships()) {
                    writer.relationship("r" + i++, relationship);
                }
                writer.end();
            }
        };
    }

    /**
     * What the whole graph's export holds, found before it is written: the nodes in all and those written (the first
     * by id, up to the limit), the last of them (null when there are none), and the property keys of both kinds.
     */
    private record Plan(long total, long nodes, String last, PropertyKeys nodeKeys, PropertyKeys relationshipKeys) {

        boolean truncated() {
            return total > nodes;
        }

        String description() {
            return truncated()
                    ? "The first " + nodes + " of " + total + " nodes in id order and the relationships among"
                            + " them, from Mineral Supply Graph"
                    : "The whole graph (" + total + " nodes) from Mineral Supply Graph";
        }
    }

    Export all(int limit) {
        Plan plan = queries.read(tx -> plan(tx, limit));
        boolean truncated = plan.truncated();
        String description = plan.description();
        return new Export() {
            @Override
            public String name() {
                return "all";
            }

            @Override
            public boolean truncated() {
                return truncated;
            }

            @Override
            public void writeTo(GraphFileWriter.Format format, OutputStream out) throws IOException {
                GraphFileWriter writer = format.writer(out);
                writer.begin(plan.nodeKeys(), plan.relationshipKeys(), description);
                if (plan.last() == null) {
                    writer.relationships();
                    writer.end();
                    return;
                }
                queries.readOnce(tx -> {
                    stream(tx, plan.last(), writer);
                    return null;
                });
            }
        };
    }

    private static Plan plan(TransactionContext tx, int limit) {
        Record bounds = tx.run(BOUNDS, Map.of("limit", limit)).single();
        String last = bounds.get("last").asString(null);
        PropertyKeys nodeKeys = nodeKeys();
        PropertyKeys relationshipKeys = relationshipKeys();
        if (last != null) {
            tx.run(NODE_KEYS, Map.of("last", last))
                    .forEachRemaining(row -> nodeKeys.addCypher(
                            row.get("key").asString(), row.get("types").asList(v -> v.asString())));
            tx.run(RELATIONSHIP_KEYS, Map.of("last", last))
                    .forEachRemaining(row -> relationshipKeys.addCypher(
                            row.get("key").asString(), row.get("types").asList(v -> v.asString())));
        }
        nodeKeys.types().remove("id");
        return new Plan(bounds.get("total").asLong(), bounds.get("nodes").asLong(), last, nodeKeys, relationshipKeys);
    }

    /** The nodes up to the last, then the relationships among them, from the database to the writer as they come. */
    private static void stream(QueryRunner tx, String last, GraphFileWriter writer) {
        try {
            Result nodes = tx.run(NODES, Map.of("last", last));
            while (nodes.hasNext()) {
                writer.node(GraphViews.node(nodes.next().get("n").asNode()));
            }
            writer.relationships();
            Result relationships = tx.run(RELATIONSHIPS, Map.of("last", last));
            long i = 0;
            while (relationships.hasNext()) {
                Record row = relationships.next();
                writer.relationship(
                        "r" + i++,
                        GraphViews.relationship(
                                row.get("r").asRelationship(),
                                row.get("from").asString(),
                                row.get("to").asString()));
            }
            writer.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
