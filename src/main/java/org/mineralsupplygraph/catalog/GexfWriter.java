package org.mineralsupplygraph.catalog;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.mineralsupplygraph.graph.NodeView;
import org.mineralsupplygraph.graph.RelationshipView;

/**
 * GEXF 1.3 (http://gexf.net/1.3), Gephi's format: a node's name is its label, a relationship's type its label and its
 * {@code kind} (so that two relationships of different types between the same nodes stay two edges), every other
 * property a typed attribute; lists are {@code liststring}.
 */
final class GexfWriter implements GraphFileWriter {

    private static final String NS = "http://gexf.net/1.3";

    private final XMLStreamWriter xml;
    private final Map<String, String> nodeAttributes = new HashMap<>();
    private final Map<String, String> relationshipAttributes = new HashMap<>();

    GexfWriter(OutputStream out) throws IOException {
        try {
            this.xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void begin(PropertyKeys nodeKeys, PropertyKeys relationshipKeys, String description) throws IOException {
        try {
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("gexf");
            xml.writeDefaultNamespace(NS);
            xml.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
            xml.writeAttribute("xsi:schemaLocation", NS + " http://gexf.net/1.3/gexf.xsd");
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
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
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
            xml.writeAttribute("type", switch (key.getValue()) {
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
        try {
            xml.writeStartElement("node");
            xml.writeAttribute("id", node.id());
            xml.writeAttribute("label", node.name() == null ? node.id() : node.name());
            xml.writeStartElement("attvalues");
            value(nodeAttributes.get("labels"), ":" + String.join(":", node.labels()));
            for (Map.Entry<String, Object> property : PropertyKeys.flatten(node.properties()).entrySet()) {
                value(nodeAttributes.get(property.getKey()), Values.text(property.getValue()));
            }
            xml.writeEndElement();
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void relationships() throws IOException {
        try {
            xml.writeEndElement();
            xml.writeStartElement("edges");
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void relationship(String id, RelationshipView relationship) throws IOException {
        try {
            xml.writeStartElement("edge");
            xml.writeAttribute("id", id);
            xml.writeAttribute("source", relationship.from());
            xml.writeAttribute("target", relationship.to());
            xml.writeAttribute("label", relationship.type());
            xml.writeAttribute("kind", relationship.type());
            xml.writeStartElement("attvalues");
            for (Map.Entry<String, Object> property : PropertyKeys.flatten(relationship.properties()).entrySet()) {
                value(relationshipAttributes.get(property.getKey()), Values.text(property.getValue()));
            }
            xml.writeEndElement();
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private void value(String attribute, String value) throws XMLStreamException {
        if (attribute == null) {
            return;
        }
        xml.writeEmptyElement("attvalue");
        xml.writeAttribute("for", attribute);
        xml.writeAttribute("value", value);
    }

    private void element(String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    @Override
    public void end() throws IOException {
        try {
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }
}
