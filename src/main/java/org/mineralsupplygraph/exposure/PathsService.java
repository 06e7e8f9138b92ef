package org.mineralsupplygraph.exposure;

import java.util.Map;
import org.mineralsupplygraph.graph.GraphViews;
import org.mineralsupplygraph.system.CypherQueries;
import org.mineralsupplygraph.system.NotFoundException;
import org.mineralsupplygraph.system.ReadQueries;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Service;

/** Paths between any two nodes, shortest first. */
@Service
class PathsService {

    private static final String QUERY = CypherQueries.load("paths");
    private static final String LOOK_UP = "OPTIONAL MATCH (a:Entity {id: $from}) OPTIONAL MATCH (b:Entity {id: $to})"
            + " RETURN a, b";

    private final ReadQueries queries;

    PathsService(ReadQueries queries) {
        this.queries = queries;
    }

    PathsResponse paths(String from, String to, int maxDepth, int limit) {
        return queries.read(tx -> {
            Record ends = tx.run(LOOK_UP, Map.of("from", from, "to", to)).single();
            if (ends.get("a").isNull()) {
                throw new NotFoundException("from", from, "No node with id '" + from + "'.");
            }
            if (ends.get("b").isNull()) {
                throw new NotFoundException("to", to, "No node with id '" + to + "'.");
            }
            var paths = from.equals(to)
                    ? java.util.List.<org.mineralsupplygraph.graph.PathView>of()
                    : tx.run(CypherQueries.withBounds(QUERY, Map.of("limit", limit, "maxDepth", maxDepth)),
                                    Map.of("from", from, "to", to))
                            .list(r -> GraphViews.path(r.get("p").asPath()));
            return new PathsResponse(GraphViews.node(ends.get("a")), GraphViews.node(ends.get("b")), maxDepth, limit,
                    paths);
        });
    }
}
