package org.mineralsupplygraph.system;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The embedded Neo4j runs unless an external server is configured with {@code NEO4J_URI} (that is,
 * {@code spring.neo4j.uri}).
 */
public class EmbeddedNeo4jCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String uri = context.getEnvironment().getProperty("spring.neo4j.uri");
        return uri == null || uri.isBlank();
    }
}
