package org.mineralsupplygraph.catalog;

import java.io.OutputStream;
import java.util.Map;
import org.mineralsupplygraph.graph.NodeView;
import org.mineralsupplygraph.graph.RelationshipView;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cytoscape.js elements JSON ({@code {"elements": {"nodes": [{"data": ...}], "edges": [...]}}}), which Cytoscape.js
 * loads with {@code cy.add} and Cytoscape desktop imports as a network. An edge's type is its {@code interaction},
 * Cytoscape's name for it. {@code id}, {@code source} and {@code target} are the element's own: a property named
 * {@code source} (a fact's provenance) is given as {@code provenance}.
 */
final class CytoscapeWriter implements GraphFileWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonGenerator json;

    CytoscapeWriter(OutputStream out) {
        this.json = JSON.createGenerator(out);
    }

    @Override
    public void begin(PropertyKeys nodeKeys, PropertyKeys relationshipKeys, String description) {
        json.writeStartObject();
        json.writeStringProperty("format_version", "1.0");
        json.writeStringProperty("generated_by", "Mineral Supply Graph");
        json.writeStringProperty("target_cytoscapejs_version", "~3");
        json.writeObjectPropertyStart("data");
        json.writeStringProperty("name", description);
        json.writeEndObject();
        json.writeObjectPropertyStart("elements");
        json.writeArrayPropertyStart("nodes");
    }

    @Override
    public void node(NodeView node) {
        json.writeStartObject();
        json.writeObjectPropertyStart("data");
        json.writeStringProperty("id", node.id());
        json.writeStringProperty("name", node.name() == null ? node.id() : node.name());
        json.writeName("labels");
        json.writePOJO(node.labels());
        properties(PropertyKeys.flatten(node.properties()));
        json.writeEndObject();
        json.writeEndObject();
    }

    @Override
    public void relationships() {
        json.writeEndArray();
        json.writeArrayPropertyStart("edges");
    }

    @Override
    public void relationship(String id, RelationshipView relationship) {
        json.writeStartObject();
        json.writeObjectPropertyStart("data");
        json.writeStringProperty("id", id);
        json.writeStringProperty("source", relationship.from());
        json.writeStringProperty("target", relationship.to());
        json.writeStringProperty("interaction", relationship.type());
        properties(PropertyKeys.flatten(relationship.properties()));
        json.writeEndObject();
        json.writeEndObject();
    }

    private void properties(Map<String, Object> properties) {
        properties.forEach((key, value) -> {
            String name = switch (key) {
                case "source" -> "provenance";
                case "id", "target", "interaction", "labels", "name" -> "property_" + key;
                default -> key;
            };
            json.writeName(name);
            json.writePOJO(value);
        });
    }

    @Override
    public void end() {
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
        json.flush();
    }
}
