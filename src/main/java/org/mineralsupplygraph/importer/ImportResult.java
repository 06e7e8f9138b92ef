package org.mineralsupplygraph.importer;

/**
 * What one import did.
 *
 * @param document the file name
 * @param nodesCreated nodes (sources included) that were new
 * @param nodesUpdated nodes that existed and were updated in place
 * @param relationshipsCreated relationships that were new
 * @param relationshipsUpdated relationships that existed and were updated in place
 * @param transactions write transactions used: 1 when the document was written whole at once
 * @param millis how long validation and writing took
 */
public record ImportResult(
        String document,
        long nodesCreated,
        long nodesUpdated,
        long relationshipsCreated,
        long relationshipsUpdated,
        int transactions,
        long millis) {}
