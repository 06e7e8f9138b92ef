package org.mineralsupplygraph.catalog;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import org.mineralsupplygraph.graph.NodeView;
import org.mineralsupplygraph.graph.RelationshipView;

/**
 * GraphML (http://graphml.graphdrawing.org) with a typed {@code key} for every property, as yEd, Cytoscape, Gephi and
 * APOC's {@code apoc.import.graphml} read it. Labels go in {@code labels} as {@code :Company}, APOC's notation; lists
 * are JSON arrays in strings (GraphML has no list type).
 */
final class GraphMlWriter extends XmlGraphFileWriter {

    private static final String NS = "http://graphml.graphdrawing.org/xmlns";

    private final Map<String, String> nodeKeyIds = new HashMap<>();
    private final Map<String, String> relationshipKeyIds = new HashMap<>();

    GraphMlWriter(OutputStream out) throws IOException {
        super(out);
    }

    @Override
    public void begin(PropertyKeys nodeKeys, PropertyKeys relationshipKeys, String description) throws IOException {
        write(() -> {
            root("graphml", NS, "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
            element("desc", description);
            keys("node", "n", nodeKeys, nodeKeyIds);
            keys("edge", "e", relationshipKeys, relationshipKeyIds);
            xml.writeStartElement("graph");
            xml.writeAttribute("id", "G");
            xml.writeAttribute("edgedefault", "directed");
        });
    }

    private void keys(String kind, String prefix, PropertyKeys keys, Map<String, String> ids)
            throws XMLStreamException {
        int i = 0;
        for (Map.Entry<String, PropertyKeys.Type> key : keys.types().entrySet()) {
            String id = prefix + i++;
            ids.put(key.getKey(), id);
            xml.writeEmptyElement("key");
            xml.writeAttribute("id", id);
            xml.writeAttribute("for", kind);
            xml.writeAttribute("attr.name", key.getKey());
            xml.writeAttribute(
                    "attr.type",
                    switch (key.getValue()) {
                        case LONG -> "long";
                        case DOUBLE -> "double";
                        case BOOLEAN -> "boolean";
                        case STRING, STRING_LIST -> "string";
                    });
        }
    }

    @Override
    public void node(NodeView node) throws IOException {
        write(() -> {
            xml.writeStartElement("node");
            xml.writeAttribute("id", node.id());
            value(nodeKeyIds.get("labels"), ":" + String.join(":", node.labels()));
            if (node.name() != null) {
                value(nodeKeyIds.get("name"), node.name());
            }
            values(node.properties(), nodeKeyIds);
            xml.writeEndElement();
        });
    }

    @Override
    public void relationships() {
        // GraphML mixes nodes and edges freely in a graph.
    }

    @Override
    public void relationship(String id, RelationshipView relationship) throws IOException {
        write(() -> {
            xml.writeStartElement("edge");
            xml.writeAttribute("id", id);
            xml.writeAttribute("source", relationship.from());
            xml.writeAttribute("target", relationship.to());
            // APOC's import reads the relationship type from "label".
            value(relationshipKeyIds.get("label"), relationship.type());
            values(relationship.properties(), relationshipKeyIds);
            xml.writeEndElement();
        });
    }

    @Override
    void value(String key, String value) throws XMLStreamException {
        xml.writeStartElement("data");
        xml.writeAttribute("key", key);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    @Override
    public void end() throws IOException {
        close(2);
    }
}
