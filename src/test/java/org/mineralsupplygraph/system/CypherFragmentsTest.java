package org.mineralsupplygraph.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules the queries share live once, in cypher/fragments/: each query file's own copy (the text Neo4j Browser runs)
 * is the fragment's text, the loader runs the fragment, and no file writes the in-force dates outside the fragment.
 */
class CypherFragmentsTest {

    @Test
    void everyIncludedCopyIsTheFragmentsText() throws IOException {
        Map<String, List<String>> uses = new TreeMap<>();
        for (Path file : queryFiles()) {
            Matcher block = CypherQueries.INCLUDED.matcher(Files.readString(file));
            while (block.find()) {
                assertThat(squeezed(block.group(3)))
                        .as("%s: its copy of %s about %s", file, block.group(1), block.group(2))
                        .isEqualTo(squeezed(CypherQueries.fragment(block.group(1), block.group(2))));
                uses.computeIfAbsent(block.group(1), k -> new ArrayList<>())
                        .add(file.getFileName().toString());
            }
        }
        assertThat(uses.get("in-force"))
                .containsExactlyInAnyOrder("flows.cypher", "supply-paths.cypher", "supply-reach-paths.cypher");
        assertThat(uses.get("in-force-from"))
                .containsExactlyInAnyOrder(
                        "supply-reach-build.cypher", "supply-routes-build.cypher", "supply-holdings-build.cypher");
        assertThat(uses.get("in-force-until"))
                .containsExactlyInAnyOrder(
                        "supply-reach-build.cypher", "supply-routes-build.cypher", "supply-holdings-build.cypher");
    }

    @Test
    void theLoaderRunsTheFragmentNotTheCopy() {
        String edited = "RETURN /*<in-force-from deal>*/coalesce(deal.startDate)/*</in-force-from>*/ AS start";
        assertThat(CypherQueries.include(edited))
                .isEqualTo(
                        "RETURN /*<in-force-from deal>*/coalesce(deal.validFrom, deal.startDate, deal.signed, deal.announced)"
                                + "/*</in-force-from>*/ AS start");
        assertThat(CypherQueries.load("supply-paths"))
                .contains(CypherQueries.fragment("in-force", "r"))
                .doesNotContain("/*<in-force r>*/(coalesce(r.validFrom, r.startDate, r.announced)");
    }

    @Test
    void noQueryStatesTheDatesOutsideTheFragments() throws IOException {
        List<Path> sources = new ArrayList<>(queryFiles());
        try (Stream<Path> java = Files.walk(Path.of("src/main/java"))) {
            java.filter(p -> p.toString().endsWith(".java"))
                    // The Java copy of the rule, the model that declares the date properties (with its tables),
                    // and the importer's statement that writes endedOn from the other accounts' stated ends.
                    .filter(p -> !p.endsWith("graph/InForce.java")
                            && !p.endsWith("graph/GraphModel.java")
                            && !p.endsWith("graph/ModelCatalogue.java")
                            && !p.endsWith("graph/PropertyTypes.java")
                            && !p.endsWith("importer/WriteStatements.java"))
                    .forEach(sources::add);
        }
        for (Path source : sources) {
            String outside =
                    CypherQueries.INCLUDED.matcher(Files.readString(source)).replaceAll("");
            String code = outside.lines()
                    .filter(line -> !line.strip().startsWith("//")
                            && !line.strip().startsWith("*")
                            && !line.strip().startsWith("/*"))
                    .reduce("", (a, b) -> a + b + "\n");
            assertThat(code)
                    .as("%s states a start or end date outside the in-force rule", source)
                    .doesNotContainPattern("(\\.|\")validFrom\\b")
                    .doesNotContainPattern("(\\.|\")endedOn\\b");
        }
    }

    private static List<Path> queryFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("cypher/queries"))) {
            return files.filter(p -> p.toString().endsWith(".cypher")).sorted().toList();
        }
    }

    private static String squeezed(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
