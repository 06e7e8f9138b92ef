package org.mineralsupplygraph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mineralsupplygraph.support.Cypher;
import org.mineralsupplygraph.support.GraphTest;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.springframework.beans.factory.annotation.Autowired;

/** The schema files of cypher/schema cover every key of the graph model, and search over names and aliases. */
@GraphTest
class SchemaTest {

    @Autowired
    Driver driver;

    @Test
    void everyLabelAndRelationshipTypeOfTheModelHasAUniqueIdConstraint() {
        Cypher cypher = new Cypher(driver);
        List<String> constrained = cypher.rows("""
                SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties
                WHERE type IN ['UNIQUENESS', 'RELATIONSHIP_UNIQUENESS'] AND properties = ['id']
                RETURN labelsOrTypes
                """).stream()
                .flatMap(r -> r.get("labelsOrTypes").asList(Value::asString).stream())
                .toList();
        assertThat(constrained)
                .contains(GraphModel.ENTITY, GraphModel.SOURCE)
                .containsAll(GraphModel.labels().keySet())
                .containsAll(GraphModel.relationshipTypes().keySet());
    }

    @Test
    void namesAndAliasesHaveAFullTextIndex() {
        Cypher cypher = new Cypher(driver);
        var index = cypher.one("SHOW FULLTEXT INDEXES YIELD name, state, labelsOrTypes, properties"
                        + " WHERE name = 'entity_search' RETURN state, labelsOrTypes, properties")
                .asMap();
        assertThat(index)
                .containsEntry("state", "ONLINE")
                .containsEntry("labelsOrTypes", List.of("Entity"))
                .containsEntry("properties", List.of("name", "aliases"));
    }
}
