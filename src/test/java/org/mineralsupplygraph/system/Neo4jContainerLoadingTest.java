package org.mineralsupplygraph.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mineralsupplygraph.MineralSupplyGraphApplication;
import org.mineralsupplygraph.support.Cypher;
import org.neo4j.driver.Driver;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

/** The same start-up loading against a real Neo4j 5.26 server in Docker, with a password. Skipped without Docker. */
@Testcontainers(disabledWithoutDocker = true)
class Neo4jContainerLoadingTest {

    @Container
    static final Neo4jContainer neo4j = new Neo4jContainer("neo4j:5.26").withAdminPassword("test-password-1234");

    @Test
    void theSeedDataLoadsIntoAServerInDockerAndLoadingTwiceChangesNothing() {
        String[] args = {
            "--spring.neo4j.uri=" + neo4j.getBoltUrl(),
            "--spring.neo4j.authentication.username=neo4j",
            "--spring.neo4j.authentication.password=" + neo4j.getAdminPassword(),
            "--server.port=0",
            "--spring.main.banner-mode=off",
            "--supplygraph.query.warm-up=false"
        };
        Object first;
        try (ConfigurableApplicationContext app =
                new SpringApplicationBuilder(MineralSupplyGraphApplication.class).run(args)) {
            assertThat(app.getBeansOfType(EmbeddedNeo4j.class)).isEmpty();
            Cypher cypher = new Cypher(app.getBean(Driver.class));
            assertThat(cypher.count("MATCH (s:Source) RETURN count(s)")).isEqualTo(9);
            assertThat(cypher.one("MATCH (:Company {id: 'sk-on'})-[r:OFFTAKE {source: 'seed-article'}]->"
                                    + "(:Company {id: 'lake-resources'}) RETURN r.tonnesPerYear")
                            .get(0)
                            .asLong())
                    .isEqualTo(25_000L);
            first = cypher.census();
        }
        try (ConfigurableApplicationContext again =
                new SpringApplicationBuilder(MineralSupplyGraphApplication.class).run(args)) {
            assertThat(new Cypher(again.getBean(Driver.class)).census()).isEqualTo(first);
        }
    }
}
