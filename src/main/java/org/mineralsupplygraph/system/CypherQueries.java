package org.mineralsupplygraph.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;

/**
 * The saved queries of {@code cypher/queries/}, copied onto the classpath at build time: the API runs the same text
 * that Neo4j Browser users can run with {@code :param}.
 *
 * <p>Values always travel as parameters. Cypher accepts no parameter in two places these queries need one, a path
 * length bound ({@code {1,4}}) and the number of paths {@code SHORTEST k} selects; the files mark them as
 * {@code /*maxDepth*&#47;4}, with a default that keeps the file valid Cypher, and {@link #withBounds} puts a whole
 * number in their place, checked against its range. No text from a request ever reaches the query.
 */
public final class CypherQueries {

    private static final Pattern SLOT = Pattern.compile("/\\*(\\w+)\\*/\\s*\\d+");
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private CypherQueries() {}

    /** The text of {@code cypher/queries/<name>.cypher}. */
    public static String load(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            try {
                return new ClassPathResource("cypher/queries/" + n + ".cypher")
                        .getContentAsString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Missing query cypher/queries/" + n + ".cypher", e);
            }
        });
    }

    /**
     * The query with its bound slots filled.
     *
     * @param query query text with slots such as {@code /*maxDepth*&#47;4}
     * @param bounds a whole number for every slot, each within 0..1000
     */
    public static String withBounds(String query, Map<String, Integer> bounds) {
        Matcher slot = SLOT.matcher(query);
        StringBuilder filled = new StringBuilder();
        while (slot.find()) {
            Integer value = bounds.get(slot.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for the bound /*" + slot.group(1) + "*/");
            }
            if (value < 0 || value > 1000) {
                throw new IllegalArgumentException("bound " + slot.group(1) + " out of range: " + value);
            }
            slot.appendReplacement(filled, Integer.toString(value));
        }
        slot.appendTail(filled);
        return filled.toString();
    }
}
