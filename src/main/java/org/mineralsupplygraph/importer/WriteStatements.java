package org.mineralsupplygraph.importer;

import java.util.List;
import java.util.regex.Pattern;
import org.mineralsupplygraph.graph.GraphModel;

/**
 * The Cypher statements {@link GraphWriter} runs, each {@code UNWIND $rows} over rows sent as lists. For small
 * documents four fixed statements take labels, types and property maps as parameters; for large ones each statement
 * names its label or type and the property keys it sets ({@code SET r.tonnesPerYear = row[3]}): lists are cheaper to
 * send than maps, and with the keys known Neo4j plans no {@code Eager} step, which a {@code SET r += map} of unknown
 * keys forces. Labels, types and keys come only from {@link GraphModel}'s catalogue, which every row was checked
 * against, and are checked once more to be plain names here; values are always parameters.
 */
final class WriteStatements {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    /**
     * A node's provenance is its first source's: when a record from another source speaks of a node already in the
     * graph (to add a site's coordinates, say), its other properties are set, but the node keeps its {@code source}
     * and {@code evidence}, and the new source joins {@code seeAlso}. A record from the same source overwrites them.
     * Formatted with the record's source and seeAlso expressions.
     */
    private static final String KEEP_FIRST_SOURCE = """
            WITH n, row, firstSource, firstEvidence, firstSeeAlso
            WHERE firstSource IS NOT NULL AND firstSource <> %1$s
            SET n.source = firstSource, n.evidence = firstEvidence,
                n.seeAlso = reduce(all = [], s IN coalesce(firstSeeAlso, []) + coalesce(%2$s, []) + [%1$s] |
                    CASE WHEN s IN all OR s = firstSource THEN all ELSE all + s END)
            """;

    static final String CREATE_NODES_BY_MAP = """
            UNWIND $rows AS row
            CREATE (n:Entity {id: row[0]})
            SET n:$(row[1]), n += row[2]
            """;

    static final String MERGE_NODES_BY_MAP = """
            UNWIND $rows AS row
            MERGE (n:Entity {id: row[0]})
            WITH n, row, n.source AS firstSource, n.evidence AS firstEvidence, n.seeAlso AS firstSeeAlso
            SET n:$(row[1]), n += row[2]
            """ + KEEP_FIRST_SOURCE.formatted("row[2].source", "row[2].seeAlso");

    static final String CREATE_RELATIONSHIPS_BY_MAP = """
            UNWIND $rows AS row
            MATCH (a:Entity {id: row[0]})
            MATCH (b:Entity {id: row[1]})
            CREATE (a)-[r:$(row[2])]->(b)
            SET r = row[3]
            """;

    static final String MERGE_RELATIONSHIPS_BY_MAP = """
            UNWIND $rows AS row
            MATCH (a:Entity {id: row[0]})
            MATCH (b:Entity {id: row[1]})
            MERGE (a)-[r:$(row[2]) {id: row[3]}]->(b)
            SET r += row[4]
            """;

    /**
     * Accounts of one deal (relationships of one type between the same two nodes that name the same
     * {@code agreement}) share its end: when one account states an end (validTo, else endDate) and another states
     * none (no end date, no term from a start), the other gets the earliest stated end as {@code endedOn}, and in {@code endedBy} the id of the account
     * that states it. A source that reports a withdrawal thus ends the deal for the accounts written before it, which
     * stay as their sources wrote them otherwise. Run for every written relationship that names an agreement.
     */
    static final String SHARE_ENDS = """
            UNWIND $rows AS row
            MATCH (a:Entity {id: row[0]})-[r]->(b:Entity {id: row[1]})
            WHERE type(r) = row[2] AND r.agreement = row[3]
            WITH row, collect(r) AS accounts
            WITH accounts, [x IN accounts WHERE coalesce(x.validTo, x.endDate) IS NOT NULL] AS ending
            WHERE size(ending) > 0
            WITH accounts, reduce(first = head(ending), x IN ending |
                     CASE WHEN coalesce(x.validTo, x.endDate) < coalesce(first.validTo, first.endDate) THEN x
                          ELSE first END) AS first
            UNWIND accounts AS r
            WITH r, first
            WHERE r.validTo IS NULL AND r.endDate IS NULL
              AND NOT (r.termYears IS NOT NULL AND coalesce(r.validFrom, r.startDate) IS NOT NULL)
            SET r.endedOn = coalesce(first.validTo, first.endDate), r.endedBy = first.id
            """;

    private WriteStatements() {}

    /** The statement that creates nodes of a label, setting the given keys from row[1], row[2], ... */
    static String createNodes(String label, List<String> keys) {
        return "UNWIND $rows AS row\nCREATE (n:Entity:" + name(label) + " {id: row[0]})" + sets("n", keys, 1);
    }

    /** The statement that merges nodes of a label on their id, as {@link #createNodes}, keeping the first source. */
    static String mergeNodes(String label, List<String> keys) {
        String statement = "UNWIND $rows AS row\nMERGE (n:Entity {id: row[0]})\n"
                + "WITH n, row, n.source AS firstSource, n.evidence AS firstEvidence, n.seeAlso AS firstSeeAlso\n"
                + "SET n:" + name(label) + sets("n", keys, 1).replaceFirst("\nSET ", ", ");
        int source = keys.indexOf("source");
        if (source < 0) {
            return statement;
        }
        int seeAlso = keys.indexOf("seeAlso");
        return statement + "\n"
                + KEEP_FIRST_SOURCE.formatted(
                        "row[" + (1 + source) + "]", seeAlso < 0 ? "null" : "row[" + (1 + seeAlso) + "]");
    }

    /** The statement that creates relationships of a type between row[0] and row[1], setting keys from row[2], ... */
    static String createRelationships(String type, List<String> keys) {
        return "UNWIND $rows AS row\nMATCH (a:Entity {id: row[0]})\nMATCH (b:Entity {id: row[1]})\nCREATE (a)-[r:"
                + name(type) + "]->(b)" + sets("r", keys, 2);
    }

    /** The statement that merges relationships of a type on their ends and row[2], the id; keys from row[3], ... */
    static String mergeRelationships(String type, List<String> keys) {
        return "UNWIND $rows AS row\nMATCH (a:Entity {id: row[0]})\nMATCH (b:Entity {id: row[1]})\nMERGE (a)-[r:"
                + name(type) + " {id: row[2]}]->(b)" + sets("r", keys, 3);
    }

    private static String sets(String variable, List<String> keys, int first) {
        if (keys.isEmpty()) {
            return "";
        }
        StringBuilder set = new StringBuilder("\nSET ");
        for (int i = 0; i < keys.size(); i++) {
            set.append(i == 0 ? "" : ", ")
                    .append(variable)
                    .append(".`")
                    .append(name(keys.get(i)))
                    .append("` = row[")
                    .append(first + i)
                    .append(']');
        }
        return set.toString();
    }

    private static String name(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a name: " + name);
        }
        return name;
    }
}
