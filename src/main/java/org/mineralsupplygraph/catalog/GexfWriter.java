package org.mineralsupplygraph.catalog;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import org.mineralsupplygraph.graph.NodeView;
import org.mineralsupplygraph.graph.RelationshipView;

/**
 * GEXF 1.3 (http://gexf.net/1.3), Gephi's format: a node's name is its label, a relationship's type its label and its
 * {@code kind} (so that two relationships of different types between the same nodes stay two edges), every other
 * property a typed attribute; lists are {@code liststring}.
 */
final class GexfWriter extends XmlGraphFileWriter {

    private static final String NS = "http://gexf.net/1.3";

    private final Map<String, String> nodeAttributes = new HashMap<>();
    private final Map<String, String> relationshipAttributes = new HashMap<>();

    GexfWriter(OutputStream out) throws IOException {
        super(out);
    }

    @Override
    public void begin(PropertyKeys nodeKeys, PropertyKeys relationshipKeys, String description) throws IOException {
        write(() -> {
            root("gexf", NS, "http://gexf.net/1.3/gexf.xsd");
            xml.writeAttribute("version", "1.3");
            xml.writeStartElement("meta");
            xml.writeAttribute("lastmodifieddate", LocalDate.now(ZoneOffset.UTC).toString());
            element("creator", "Mineral Supply Graph");
            element("description", description);
            xml.writeEndElement();
            xml.writeStartElement("graph");
            xml.writeAttribute("defaultedgetype", "directed");
            xml.writeAttribute("mode", "static");
            attributes("node", nodeKeys, "name", nodeAttributes);
            attributes("edge", relationshipKeys, "label", relationshipAttributes);
            xml.writeStartElement("nodes");
        });
    }

    /** Declares the attributes, leaving out the one GEXF holds natively as the element's label. */
    private void attributes(String kind, PropertyKeys keys, String nativeLabel, Map<String, String> ids)
            throws XMLStreamException {
        xml.writeStartElement("attributes");
        xml.writeAttribute("class", kind);
        int i = 0;
        for (Map.Entry<String, PropertyKeys.Type> key : keys.types().entrySet()) {
            if (key.getKey().equals(nativeLabel)) {
                continue;
            }
            String id = Integer.toString(i++);
            ids.put(key.getKey(), id);
            xml.writeEmptyElement("attribute");
            xml.writeAttribute("id", id);
            xml.writeAttribute("title", key.getKey());
            xml.writeAttribute(
                    "type",
                    switch (key.getValue()) {
                        case LONG -> "long";
                        case DOUBLE -> "double";
                        case BOOLEAN -> "boolean";
                        case STRING_LIST -> "liststring";
                        case STRING -> "string";
                    });
        }
        xml.writeEndElement();
    }

    @Override
    public void node(NodeView node) throws IOException {
        write(() -> {
            xml.writeStartElement("node");
            xml.writeAttribute("id", node.id());
            xml.writeAttribute("label", node.name() == null ? node.id() : node.name());
            xml.writeStartElement("attvalues");
            value(nodeAttributes.get("labels"), ":" + String.join(":", node.labels()));
            values(node.properties(), nodeAttributes);
            xml.writeEndElement();
            xml.writeEndElement();
        });
    }

    @Override
    public void relationships() throws IOException {
        write(() -> {
            xml.writeEndElement();
            xml.writeStartElement("edges");
        });
    }

    @Override
    public void relationship(String id, RelationshipView relationship) throws IOException {
        write(() -> {
            xml.writeStartElement("edge");
            xml.writeAttribute("id", id);
            xml.writeAttribute("source", relationship.from());
            xml.writeAttribute("target", relationship.to());
            xml.writeAttribute("label", relationship.type());
            xml.writeAttribute("kind", relationship.type());
            xml.writeStartElement("attvalues");
            values(relationship.properties(), relationshipAttributes);
            xml.writeEndElement();
            xml.writeEndElement();
        });
    }

    @Override
    void value(String attribute, String value) throws XMLStreamException {
        xml.writeEmptyElement("attvalue");
        xml.writeAttribute("for", attribute);
        xml.writeAttribute("value", value);
    }

    @Override
    public void end() throws IOException {
        close(3);
    }
}
