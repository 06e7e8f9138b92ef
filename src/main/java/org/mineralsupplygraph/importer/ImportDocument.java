package org.mineralsupplygraph.importer;

import java.util.List;

/**
 * A data set in the import format (docs/import-format.md), as read from any of its file forms.
 *
 * @param name the file name, used in messages
 * @param sources where the facts come from
 * @param nodes the nodes
 * @param relationships the relationships
 */
public record ImportDocument(
        String name, List<RawRecord> sources, List<RawRecord> nodes, List<RawRecord> relationships) {}
