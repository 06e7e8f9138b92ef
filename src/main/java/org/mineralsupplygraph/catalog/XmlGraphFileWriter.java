package org.mineralsupplygraph.catalog;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** What the XML graph formats share: a streaming XML writer, the root element with its schema, and the ending. */
abstract class XmlGraphFileWriter implements GraphFileWriter {

    /** XML written by a writer method; its exceptions become the {@link IOException}s of the interface. */
    interface Xml {
        void write() throws XMLStreamException;
    }

    protected final XMLStreamWriter xml;

    XmlGraphFileWriter(OutputStream out) throws IOException {
        try {
            this.xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    static void write(Xml xml) throws IOException {
        try {
            xml.write();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    /** The XML declaration and the root element, in its namespace, with where its schema lives. */
    void root(String name, String namespace, String schema) throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement(name);
        xml.writeDefaultNamespace(namespace);
        xml.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
        xml.writeAttribute("xsi:schemaLocation", namespace + " " + schema);
    }

    /** Writes one value of a declared key: GraphML's {@code data}, GEXF's {@code attvalue}. */
    abstract void value(String key, String text) throws XMLStreamException;

    /** A node's or relationship's properties (as {@link PropertyKeys#flatten} gives them) whose keys were declared. */
    void values(Map<String, Object> properties, Map<String, String> keyIds) throws XMLStreamException {
        for (Map.Entry<String, Object> property :
                PropertyKeys.flatten(properties).entrySet()) {
            String key = keyIds.get(property.getKey());
            if (key != null) {
                value(key, Values.text(property.getValue()));
            }
        }
    }

    void element(String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    /** Closes the elements still open and the document. */
    void close(int open) throws IOException {
        write(() -> {
            for (int i = 0; i < open; i++) {
                xml.writeEndElement();
            }
            xml.writeEndDocument();
            xml.flush();
        });
    }
}
