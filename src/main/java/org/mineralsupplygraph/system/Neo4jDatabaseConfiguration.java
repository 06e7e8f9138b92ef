package org.mineralsupplygraph.system;

import org.neo4j.driver.Driver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;

/**
 * Which database every session uses: {@code NEO4J_DATABASE} when set, otherwise the server's default. Spring Boot's
 * own provider would treat an empty setting as a database named "".
 */
@Configuration(proxyBeanMethods = false)
class Neo4jDatabaseConfiguration {

    @Bean
    DatabaseSelectionProvider databaseSelectionProvider(SupplyGraphProperties properties) {
        return properties.neo4j().hasDatabase()
                ? DatabaseSelectionProvider.createStaticDatabaseSelectionProvider(
                        properties.neo4j().database())
                : DatabaseSelectionProvider.getDefaultSelectionProvider();
    }

    @Bean
    Neo4jSessions neo4jSessions(Driver driver, SupplyGraphProperties properties) {
        return new Neo4jSessions(
                driver, properties.neo4j().hasDatabase() ? properties.neo4j().database() : null);
    }
}
