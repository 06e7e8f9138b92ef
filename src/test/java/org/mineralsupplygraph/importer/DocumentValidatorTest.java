package org.mineralsupplygraph.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules of the import format, checked without a database (the graph is a map of id to label). */
class DocumentValidatorTest {

    private static final Map<String, String> GRAPH = Map.of(
            "KR",
            "Country",
            "lithium",
            "Mineral",
            "lg-energy-solution",
            "Company",
            "seed-article",
            "Source",
            "lithium-hydroxide",
            "Product");

    private static ImportDocument json(String text) {
        return JsonDocumentReader.read("test.json", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static ImportPlan validate(String text) {
        return DocumentValidator.validate(json(text), ids -> {
            Map<String, String> found = new HashMap<>();
            ids.forEach(id -> {
                if (GRAPH.containsKey(id)) found.put(id, GRAPH.get(id));
            });
            return found;
        });
    }

    private static List<String> problems(String text) {
        try {
            validate(text);
        } catch (ImportException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
        throw new AssertionError("expected problems");
    }

    private static String doc(String nodes, String relationships) {
        return """
                {"sources": [{"id": "t", "kind": "user", "title": "Test"}],
                 "nodes": [%s],
                 "relationships": [%s]}
                """.formatted(nodes, relationships);
    }

    @Test
    void aValidDocumentBecomesRowsWithTypedValuesAndDerivedRelationshipIds() {
        ImportDocument document = json(doc("""
                {"label": "Company", "id": "acme", "name": "Acme", "aliases": ["ACME Corp"], "source": "t"}""", """
                {"type": "OFFTAKE", "from": "lg-energy-solution", "to": "acme", "product": "lithium-hydroxide",
                 "tonnesPerYear": "25000", "sharePct": 7.5, "startDate": "2024-10", "source": "t", "evidence": "e"}"""));
        ImportPlan plan = DocumentValidator.validate(
                document, ids -> Map.of("lg-energy-solution", "Company", "lithium-hydroxide", "Product"));

        assertThat(plan.sources())
                .singleElement()
                .satisfies(s -> assertThat(s.properties())
                        .containsEntry("id", "t")
                        .containsEntry("name", "Test")
                        .containsEntry("kind", "user"));
        assertThat(plan.nodes()).isEqualTo(1);
        assertThat(plan.relationships()).isEqualTo(1);
        assertThat(plan.isNew("acme")).isTrue();
        assertThat(plan.isNew("lg-energy-solution")).isFalse();
        List<NodeRow> nodes = new ArrayList<>();
        document.nodes(r -> nodes.add(RecordRows.node(r)));
        assertThat(nodes)
                .singleElement()
                .satisfies(n -> assertThat(n.properties())
                        .containsEntry("name", "Acme")
                        .containsEntry("aliases", List.of("ACME Corp")));
        List<RelationshipRow> relationships = new ArrayList<>();
        document.relationships(r -> relationships.add(RecordRows.relationship(r)));
        assertThat(relationships).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("OFFTAKE:lg-energy-solution:acme:t");
            assertThat(r.properties())
                    .containsEntry("tonnesPerYear", 25000L)
                    .containsEntry("sharePct", 7.5)
                    .containsEntry("startDate", "2024-10")
                    .containsEntry("id", "OFFTAKE:lg-energy-solution:acme:t")
                    .containsEntry("caption", "25,000 t/yr · 7.5% of output · lithium hydroxide");
        });
    }

    @Test
    void problemsBeyondAThousandAreCountedNotKept() {
        StringBuilder nodes = new StringBuilder();
        for (int i = 0; i < 1500; i++) {
            nodes.append(i == 0 ? "" : ",")
                    .append("{\"label\": \"Company\", \"id\": \"c")
                    .append(i)
                    .append("\", \"name\": \"C\", \"source\": \"t\", \"stakePct\": 1}");
        }
        try {
            validate(doc(nodes.toString(), ""));
            throw new AssertionError("expected problems");
        } catch (ImportException e) {
            assertThat(e.problems()).hasSize(Problems.MAX_PROBLEMS);
            assertThat(e.total()).isEqualTo(1500);
            assertThat(e.getMessage()).contains("has 1500 problems").contains("... and 1450 more");
        }
    }

    @Test
    void idsMustFollowTheirLabelsRule() {
        assertThat(problems(doc("""
                {"label": "Country", "id": "kor", "name": "Korea", "source": "t"},
                {"label": "Government", "id": "government-of-japan", "name": "Japan", "source": "t"},
                {"label": "Company", "id": "LG Energy", "name": "LG", "source": "t"}""", "")))
                .anySatisfy(p -> assertThat(p).contains("/nodes/0/id").contains("ISO 3166-1 alpha-2"))
                .anySatisfy(p -> assertThat(p).contains("/nodes/1/id").contains("'gov-'"))
                .anySatisfy(p -> assertThat(p).contains("/nodes/2/id").contains("slug"));
    }

    @Test
    void provenanceIsRequiredAndMustResolve() {
        assertThat(problems(doc("""
                {"label": "Company", "id": "acme", "name": "Acme"}""", """
                {"type": "HEADQUARTERED_IN", "from": "acme", "to": "KR", "source": "nobody"}""")))
                .anySatisfy(p -> assertThat(p).contains("/nodes/0/source").contains("'source' is required"))
                .anySatisfy(
                        p -> assertThat(p).contains("/relationships/0/evidence").contains("required"))
                .anySatisfy(
                        p -> assertThat(p).contains("/relationships/0/source").contains("'nobody'"));
    }

    @Test
    void unknownPropertiesAndEnumValuesAreNamedWithWhatIsAllowed() {
        assertThat(problems(doc("""
                {"label": "Product", "id": "goo", "name": "Goo", "stage": "gas", "colour": "green", "source": "t"}""", """
                {"type": "OFFTAKE", "from": "lg-energy-solution", "to": "lg-energy-solution", "tonnesPerYr": 1,
                 "status": "maybe", "source": "t", "evidence": "e"}""")))
                .anySatisfy(p -> assertThat(p).contains("/nodes/0/stage").contains("'gas' is not a valid stage"))
                .anySatisfy(p -> assertThat(p).contains("/nodes/0/colour").contains("unknown property 'colour'"))
                .anySatisfy(p ->
                        assertThat(p).contains("/relationships/0/tonnesPerYr").contains("tonnesPerYear"))
                .anySatisfy(
                        p -> assertThat(p).contains("/relationships/0/status").contains("framework"));
    }

    @Test
    void numbersDatesAndPercentagesAreChecked() {
        assertThat(problems(doc("", """
                {"type": "INVESTS_IN", "from": "lg-energy-solution", "to": "lg-energy-solution", "stakePct": -1,
                 "amount": "NaN", "validFrom": "2023-02-30", "shares": 1.5, "source": "t", "evidence": "e"}""")))
                .anySatisfy(p -> assertThat(p).contains("/stakePct").contains("negative"))
                .anySatisfy(p -> assertThat(p).contains("/amount").contains("not a finite number"))
                .anySatisfy(p -> assertThat(p).contains("/validFrom").contains("not a date"))
                .anySatisfy(p -> assertThat(p).contains("/shares").contains("whole number"));
    }

    @Test
    void referencesInPropertiesMustNameNodesOfTheRightLabel() {
        assertThat(problems(doc("", """
                {"type": "OFFTAKE", "from": "lg-energy-solution", "to": "lg-energy-solution", "product": "KR",
                 "agreement": "no-such-agreement", "source": "t", "evidence": "e"}""")))
                .anySatisfy(p -> assertThat(p).contains("/product").contains("names no Mineral or Product"))
                .anySatisfy(p -> assertThat(p).contains("/agreement").contains("names no Agreement"));
    }

    @Test
    void duplicatesAreRefused() {
        assertThat(problems(doc("""
                {"label": "Company", "id": "acme", "name": "Acme", "source": "t"},
                {"label": "Company", "id": "acme", "name": "Acme again", "source": "t"}""", """
                {"type": "HEADQUARTERED_IN", "from": "acme", "to": "KR", "source": "t", "evidence": "e"},
                {"type": "HEADQUARTERED_IN", "from": "acme", "to": "KR", "source": "t", "evidence": "again"}""")))
                .anySatisfy(p -> assertThat(p).contains("/nodes/1/id").contains("appears twice"))
                .anySatisfy(p -> assertThat(p).contains("/relationships/1").contains("appears twice"));
    }

    @Test
    void aGovernmentGovernsOnlyItsOwnCountry() {
        assertThat(problems(doc("""
                {"label": "Government", "id": "gov-jp", "name": "Japan", "source": "t"}""", """
                {"type": "GOVERNS", "from": "gov-jp", "to": "KR", "source": "t", "evidence": "e"}""")))
                .anySatisfy(
                        p -> assertThat(p).contains("/relationships/0/to").contains("can only govern country 'JP'"));
    }

    @Test
    void aSourceIdCannotTakeAnExistingNodesId() {
        assertThat(problems("""
                {"sources": [{"id": "lithium", "kind": "user", "title": "Clash"}], "nodes": [], "relationships": []}"""))
                .anySatisfy(p -> assertThat(p).contains("/sources/0/id").contains("already a Mineral"));
    }

    @Test
    void aProblemWithAFieldNamesTheLineOfItsKeyAndAMissingFieldTheLineTheRecordStartsOn() {
        assertThat(problems("""
                {"sources": [{"id": "t", "kind": "user", "title": "Test"}],
                 "nodes": [
                   {"label": "Company",
                    "id": "acme",
                    "source": "t",
                    "colour": "green"}
                 ],
                 "relationships": [
                   {"type": "OFFTAKE",
                    "from": "acme",
                    "to": "nowhere-co",
                    "tonnesPerYear": "lots",
                    "source": "t", "evidence": "e"}
                 ]}
                """))
                .contains("test.json line 3 (/nodes/0/name): 'name' is required")
                .anySatisfy(p -> assertThat(p).startsWith("test.json line 6 (/nodes/0/colour): unknown property"))
                .contains("test.json line 12 (/relationships/0/tonnesPerYear): 'lots' is not a number")
                .contains("test.json line 11 (/relationships/0/to): 'nowhere-co' names no node in the document or in"
                        + " the graph");
    }

    @Test
    void aProblemInACsvFileNamesTheLineOfItsRow() {
        ImportDocument csv = CsvDocumentReader.open(
                "nodes.csv",
                () -> new ByteArrayInputStream("""
                        label,id,name,source,kind
                        Source,t,Test,,user
                        Company,acme,Acme,t,
                        """.getBytes(StandardCharsets.UTF_8)),
                "relationships.csv",
                () -> new ByteArrayInputStream("""
                        type,from,to,source,evidence,tonnesPerYear
                        HEADQUARTERED_IN,acme,KR,t,e,
                        OFFTAKE,lg-energy-solution,acme,t,e,lots
                        """.getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> DocumentValidator.validate(csv, ids -> Map.of("KR", "Country")))
                .isInstanceOfSatisfying(
                        ImportException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::toString)
                                .contains("relationships.csv line 3 (/tonnesPerYear): 'lots' is not a number"));
    }

    @Test
    void theDocumentsShapeIsChecked() {
        assertThatThrownBy(() -> json("[1, 2]")).hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> json("{\"nodes\": {}, \"extra\": 1}"))
                .hasMessageContaining("(/nodes): 'nodes' must be an array")
                .hasMessageContaining("unknown top-level field 'extra'");
        assertThatThrownBy(() -> json("{\"format\": \"v2\"}")).hasMessageContaining("'format' must be");
        assertThatThrownBy(() -> json("{\"nodes\": [\n1\n]}")).hasMessageContaining("test.json line 2 (/nodes/0)");
        assertThatThrownBy(() -> json("{\n\"nodes\": [\n{\"id\": }\n]}"))
                .hasMessageContaining("test.json line 3")
                .hasMessageContaining("not valid JSON");
    }
}
