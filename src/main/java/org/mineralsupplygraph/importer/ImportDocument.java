package org.mineralsupplygraph.importer;

import java.util.List;
import java.util.function.Consumer;

/**
 * A data set in the import format (docs/import-format.md), from any of its file forms. Nodes and relationships are
 * streamed, and may be streamed more than once (validation reads a document before writing it), so that a document
 * of millions of records never has to sit in memory whole.
 */
public interface ImportDocument {

    /** The file name, used in messages. */
    String name();

    /** Where the facts come from: a short list, read up front. */
    List<RawRecord> sources();

    /** Visits every node record, in file order. */
    void nodes(Consumer<RawRecord> visitor);

    /** Visits every relationship record, in file order. */
    void relationships(Consumer<RawRecord> visitor);

    /** A document held in memory: the shipped data sets, and tests. */
    static ImportDocument of(
            String name, List<RawRecord> sources, List<RawRecord> nodes, List<RawRecord> relationships) {
        return new InMemory(name, List.copyOf(sources), List.copyOf(nodes), List.copyOf(relationships));
    }

    /**
     * A document whose records are all in memory.
     *
     * @param name the file name
     * @param sources the sources
     * @param nodeRecords the nodes
     * @param relationshipRecords the relationships
     */
    record InMemory(
            String name, List<RawRecord> sources, List<RawRecord> nodeRecords, List<RawRecord> relationshipRecords)
            implements ImportDocument {

        @Override
        public void nodes(Consumer<RawRecord> visitor) {
            nodeRecords.forEach(visitor);
        }

        @Override
        public void relationships(Consumer<RawRecord> visitor) {
            relationshipRecords.forEach(visitor);
        }
    }
}
