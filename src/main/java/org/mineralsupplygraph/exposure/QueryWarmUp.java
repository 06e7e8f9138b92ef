package org.mineralsupplygraph.exposure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mineralsupplygraph.system.CypherQueries;
import org.mineralsupplygraph.system.Neo4jSessions;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Plans the exposure, dependencies and paths statements before the application reports itself ready (readiness,
 * and so /actuator/health, turns UP after the runners). Each runs once, with ids that match nothing, in its own read
 * transaction with a time limit of its own: planning the supply-path query takes seconds, matching nothing takes
 * milliseconds at any graph size. Neo4j keys its plans by the parameters' types and sizes, so the lists have the sizes
 * of the shipped data's questions (five Korean buyers, a mineral and its products); other sizes are planned by their
 * first request. Off with QUERY_WARM_UP=false (the test suite's contexts, which do not need it).
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "supplygraph.query.warm-up", havingValue = "true", matchIfMissing = true)
class QueryWarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(QueryWarmUp.class);

    private static final TransactionConfig PLANNING =
            TransactionConfig.builder().withTimeout(Duration.ofMinutes(2)).build();

    private final Neo4jSessions sessions;

    QueryWarmUp(Neo4jSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void run(ApplicationArguments args) {
        long started = System.nanoTime();
        List<Map.Entry<String, Map<String, Object>>> statements = new ArrayList<>(SupplyPaths.warmUpStatements());
        Map<String, Object> ends = new HashMap<>(Map.of("from", "\u0000warm-up", "to", "\u0000warm-up-2"));
        ends.put("types", PathsService.INFLUENCE);
        statements.add(Map.entry(
                CypherQueries.withBounds(CypherQueries.load("paths"), Map.of("limit", 10, "maxDepth", 6)), ends));
        Map<String, Object> allEnds = new HashMap<>(ends);
        allEnds.put("types", null);
        statements.add(Map.entry(
                CypherQueries.withBounds(CypherQueries.load("paths-through-all"), Map.of("limit", 10, "maxDepth", 6)),
                allEnds));
        try (Session session = sessions.session()) {
            for (Map.Entry<String, Map<String, Object>> statement : statements) {
                session.executeRead(
                        tx -> tx.run(statement.getKey(), statement.getValue()).consume(), PLANNING);
            }
            log.info("{} query plans prepared in {} ms", statements.size(), (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("Query plans not prepared ({}); the first requests will plan them", e.getMessage());
        }
    }
}
