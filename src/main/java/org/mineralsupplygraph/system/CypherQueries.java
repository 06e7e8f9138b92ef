package org.mineralsupplygraph.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;

/**
 * The saved queries of {@code cypher/queries/}, copied onto the classpath at build time: the API runs the same text
 * that Neo4j Browser users can run with {@code :param}.
 *
 * <p>Values always travel as parameters. Cypher accepts no parameter in two places these queries need one, a path
 * length bound ({@code {1,4}}) and the number of paths {@code SHORTEST k} selects; the files mark them as
 * {@code /*maxDepth*&#47;4}, with a default that keeps the file valid Cypher, and {@link #withBounds} puts a whole
 * number in their place, checked against its range. No text from a request ever reaches the query.
 *
 * <p>A rule several queries share is written once, in {@code cypher/fragments/<name>.cypher}, about a variable
 * {@code r}. A query includes it between {@code /*<name x>*&#47;} and {@code /*</name>*&#47;}, with its own variable
 * {@code x}, and keeps a copy of the text there so that Neo4j Browser runs it as it is; {@link #load} puts the
 * fragment's text in its place, so the application always runs the fragment (and a test checks the copies).
 */
public final class CypherQueries {

    private static final Pattern SLOT = Pattern.compile("/\\*(\\w+)\\*/\\s*\\d+");
    /** A block that includes a fragment: its name, the variable, and the copy of its text. */
    static final Pattern INCLUDED = Pattern.compile("/\\*<([\\w-]+) (\\w+)>\\*/(.*?)/\\*</\\1>\\*/", Pattern.DOTALL);

    private static final Pattern VARIABLE = Pattern.compile("\\br\\.");
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();
    private static final Map<String, String> FRAGMENTS = new ConcurrentHashMap<>();

    private CypherQueries() {}

    /** The text of {@code cypher/queries/<name>.cypher}, with the fragments it includes. */
    public static String load(String name) {
        return CACHE.computeIfAbsent(name, n -> include(resource("cypher/queries/" + n + ".cypher")));
    }

    /** The query with the text of {@code cypher/fragments/} in each of its {@code /*<name x>*&#47;} blocks. */
    public static String include(String query) {
        Matcher block = INCLUDED.matcher(query);
        StringBuilder included = new StringBuilder();
        while (block.find()) {
            String name = block.group(1);
            String variable = block.group(2);
            block.appendReplacement(
                    included,
                    Matcher.quoteReplacement(
                            "/*<" + name + " " + variable + ">*/" + fragment(name, variable) + "/*</" + name + ">*/"));
        }
        block.appendTail(included);
        return included.toString();
    }

    /**
     * The expression of {@code cypher/fragments/<name>.cypher} (its lines less the {@code //} comments) about a
     * variable.
     */
    public static String fragment(String name, String variable) {
        String text = FRAGMENTS.computeIfAbsent(
                name,
                n -> resource("cypher/fragments/" + n + ".cypher")
                        .lines()
                        .filter(line -> !line.startsWith("//") && !line.isBlank())
                        .collect(Collectors.joining("\n")));
        return VARIABLE.matcher(text).replaceAll(Matcher.quoteReplacement(variable + "."));
    }

    private static String resource(String path) {
        try {
            return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Missing " + path, e);
        }
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
