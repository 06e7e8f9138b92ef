package org.mineralsupplygraph.reach;

import org.mineralsupplygraph.system.EmbeddedNeo4j;
import org.mineralsupplygraph.system.Neo4jSessions;
import org.mineralsupplygraph.system.SupplyGraphProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The supply reach, told the database's last committed transaction by the embedded Neo4j itself or, on an external
 * server, by {@code SHOW DATABASE}; built or checked once the data sets are loaded, before the application is ready.
 */
@Configuration(proxyBeanMethods = false)
class SupplyReachConfiguration {

    @Bean(destroyMethod = "close")
    SupplyReach supplyReach(
            Neo4jSessions sessions,
            ObjectProvider<EmbeddedNeo4j> embedded,
            SupplyGraphProperties properties,
            @Value("${supplygraph.supply-reach.enabled:true}") boolean enabled) {
        EmbeddedNeo4j neo4j = embedded.getIfAvailable();
        CommitMarker marker = neo4j != null
                ? CommitMarker.of(neo4j::lastCommittedTransactionId)
                : CommitMarker.of(sessions, properties.neo4j().database(), 500);
        SupplyReach reach = new SupplyReach(sessions, marker);
        reach.setEnabled(enabled);
        return reach;
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ApplicationRunner supplyReachStart(SupplyReach reach) {
        return arguments -> reach.start();
    }
}
