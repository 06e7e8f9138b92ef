package org.mineralsupplygraph.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mineralsupplygraph.graph.GraphViews;
import org.mineralsupplygraph.graph.NodeView;
import org.mineralsupplygraph.support.GraphTest;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ownership network read in one query (APOC's breadth-first expansion, the properties of what the answer shows read
 * after the computation) gives the answers of the network read level by level with every property: on the seed data's
 * holders and owners, and on a constructed network with a cycle, a subsidiary, two sources' accounts of one stake, a
 * stake without a percentage and one given as text.
 */
@GraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OwnershipNetworkTest {

    static final String NETWORK = """
            CREATE (a:Entity:Company {id: 'fx-net-a', name: 'Fx Net A', source: 'fx'}),
                   (b:Entity:Company {id: 'fx-net-b', name: 'Fx Net B', source: 'fx'}),
                   (c:Entity:Company {id: 'fx-net-c', name: 'Fx Net C', source: 'fx'}),
                   (d:Entity:Company {id: 'fx-net-d', name: 'Fx Net D', source: 'fx'}),
                   (e:Entity:Company {id: 'fx-net-e', name: 'Fx Net E', source: 'fx'}),
                   (m:Entity:Mine {id: 'fx-net-mine', name: 'Fx Net mine', source: 'fx'}),
                   (a)-[:INVESTS_IN {id: 'fx-net-ab', stakePct: 60.0, source: 'fx'}]->(b),
                   (a)-[:INVESTS_IN {id: 'fx-net-ab-2', stakePct: 55, source: 'seed-article'}]->(b),
                   (b)-[:INVESTS_IN {id: 'fx-net-bc', stakePct: 30.0, source: 'fx'}]->(c),
                   (c)-[:INVESTS_IN {id: 'fx-net-ca', stakePct: 10.0, source: 'fx'}]->(a),
                   (d)-[:SUBSIDIARY_OF {id: 'fx-net-db', stakePct: 100, source: 'fx'}]->(b),
                   (d)-[:OWNS {id: 'fx-net-dm', source: 'fx'}]->(m),
                   (c)-[:OWNS {id: 'fx-net-cm', stakePct: '25%', source: 'fx'}]->(m),
                   (e)-[:INVESTS_IN {id: 'fx-net-ea', stakePct: 5.5, source: 'fx'}]->(a)
            """;

    @Autowired
    Driver driver;

    @BeforeAll
    void writeNetwork() {
        try (Session session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run(NETWORK).consume());
        }
    }

    @AfterAll
    void removeNetwork() {
        try (Session session = driver.session()) {
            session.executeWriteWithoutResult(
                    tx -> tx.run("MATCH (n:Entity) WHERE n.id STARTS WITH 'fx-net-' DETACH DELETE n")
                            .consume());
        }
    }

    @Test
    void oneQueryGivesTheAnswersOfTheLevelByLevelReading() {
        List<String> subjects;
        try (Session session = driver.session()) {
            assertThat(session.executeRead(OwnershipNetwork::apoc))
                    .as("APOC in the embedded Neo4j")
                    .isTrue();
            subjects =
                    session.executeRead(tx -> tx.run("""
                    MATCH (n:Entity) WHERE EXISTS { (n)-[:INVESTS_IN|OWNS|SUBSIDIARY_OF]-() }
                    RETURN n.id AS id ORDER BY id""").list(r -> r.get("id").asString()));
        }
        assertThat(subjects)
                .contains("fx-net-a", "posco-holdings", "lg-energy-solution")
                .hasSizeGreaterThan(20);
        int withStakes = 0;
        for (String subject : subjects) {
            for (boolean holdings : new boolean[] {true, false}) {
                OwnershipResponse byLevel = answer(subject, holdings, false);
                assertThat(answer(subject, holdings, true))
                        .as("%s %s", subject, holdings)
                        .isEqualTo(byLevel);
                withStakes += byLevel.stakes().isEmpty() ? 0 : 1;
            }
        }
        assertThat(withStakes).isGreaterThan(20);
        OwnershipResponse a = answer("fx-net-a", true, true);
        assertThat(a.stakes())
                .extracting(s -> s.node().id())
                .containsExactlyInAnyOrder("fx-net-b", "fx-net-c", "fx-net-d");
        assertThat(a.notes()).anySatisfy(n -> assertThat(n).contains("of itself"));
        assertThat(a.otherAccounts()).extracting(r -> r.properties().get("id")).containsExactly("fx-net-ab");
        assertThat(a.unquantified()).extracting(r -> r.properties().get("id")).contains("fx-net-dm", "fx-net-cm");
        assertThat(a.subject().properties()).containsEntry("source", "fx");
    }

    private OwnershipResponse answer(String subject, boolean holdings, boolean oneQuery) {
        try (Session session = driver.session()) {
            return session.executeRead(tx -> {
                NodeView node = GraphViews.node(tx.run("MATCH (n:Entity {id: $id}) RETURN n", Map.of("id", subject))
                        .single()
                        .get("n"));
                OwnershipNetwork network = oneQuery
                        ? OwnershipNetwork.read(tx, node, holdings)
                        : OwnershipNetwork.byLevel(tx, node, holdings);
                return network.complete(
                        tx, OwnershipService.compute(subject, holdings, network.nodes(), network.links(), 100));
            });
        }
    }
}
