package org.mineralsupplygraph.system;

import java.net.URI;
import java.util.Map;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded Neo4j when no external server is configured, and hands its Bolt URI to the driver that Spring
 * Boot builds, so that the driver, Spring Data Neo4j and the health indicator all use it.
 *
 * <p>Shutdown order: the driver depends on the connection details, which depend on the {@link EmbeddedNeo4j} bean, so
 * Spring closes the driver first and Neo4j last, once.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedNeo4jCondition.class)
class EmbeddedNeo4jConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedNeo4j embeddedNeo4j(SupplyGraphProperties properties) {
        return EmbeddedNeo4j.start(properties.embedded(), Map.of());
    }

    @Bean
    Neo4jConnectionDetails embeddedNeo4jConnectionDetails(EmbeddedNeo4j neo4j) {
        return new Neo4jConnectionDetails() {
            @Override
            public URI getUri() {
                return neo4j.boltUri();
            }

            @Override
            public AuthToken getAuthToken() {
                return AuthTokens.none();
            }
        };
    }
}
