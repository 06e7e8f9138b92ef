package org.mineralsupplygraph.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mineralsupplygraph.MineralSupplyGraphApplication;
import org.mineralsupplygraph.support.Cypher;
import org.mineralsupplygraph.support.GraphTest;
import org.mineralsupplygraph.system.EmbeddedNeo4j;
import org.mineralsupplygraph.system.Neo4jSessions;
import org.mineralsupplygraph.system.SupplyGraphProperties;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.unit.DataSize;

/** Loading twice changes nothing; a malformed file is refused with its place named and leaves the graph as it was. */
@GraphTest
class ReloadAndFailureTest {

    @Autowired
    Driver driver;

    @Autowired
    GraphImporter importer;

    @Autowired
    SchemaApplier schema;

    @Autowired
    SupplyGraphProperties properties;

    @Autowired
    Neo4jSessions sessions;

    @Autowired
    EmbeddedNeo4j neo4j;

    final ResourceLoader resources = new DefaultResourceLoader();
    Cypher cypher;

    @BeforeEach
    void setUp() {
        cypher = new Cypher(driver);
    }

    @Test
    void loadingEveryDataSetAgainLeavesEveryCountUnchanged() {
        Map<String, Object> before = cypher.census();
        long constraints = cypher.count("SHOW CONSTRAINTS YIELD name RETURN count(name)");

        schema.apply();
        for (String location : properties.data().sets()) {
            ImportResult again = importer.importDocument(DataSetReader.read(resources.getResource(location)));
            assertThat(again.nodesCreated()).as(location).isZero();
            assertThat(again.relationshipsCreated()).as(location).isZero();
            assertThat(again.nodesUpdated() + again.relationshipsUpdated())
                    .as(location)
                    .isPositive();
        }

        assertThat(cypher.census()).isEqualTo(before);
        assertThat(cypher.count("SHOW CONSTRAINTS YIELD name RETURN count(name)"))
                .isEqualTo(constraints);
    }

    @Test
    void aSyntaxErrorIsReportedWithItsLineAndNothingIsWritten() {
        Map<String, Object> before = cypher.census();

        assertThatThrownBy(() -> DataSetReader.read(resources.getResource("classpath:malformed/broken-syntax.json")))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("broken-syntax.json line 8")
                .hasMessageContaining("not valid JSON");

        assertThat(cypher.census()).isEqualTo(before);
    }

    @Test
    void everyBrokenRecordIsReportedWithItsLineAndPointerAndNothingIsWritten() {
        Map<String, Object> before = cypher.census();
        ImportDocument document = DataSetReader.read(resources.getResource("classpath:malformed/bad-records.json"));

        assertThatThrownBy(() -> importer.importDocument(document))
                .isInstanceOfSatisfying(
                        ImportException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::toString)
                                .anySatisfy(p -> assertThat(p)
                                        .startsWith("bad-records.json line 7 (/nodes/1/label)")
                                        .contains("unknown label 'Compnay'"))
                                .anySatisfy(p -> assertThat(p)
                                        .startsWith("bad-records.json line 8 (/nodes/2/name)")
                                        .contains("'name' is required"))
                                .anySatisfy(p -> assertThat(p)
                                        .startsWith("bad-records.json line 9 (/nodes/3/id)")
                                        .contains("already a Company"))
                                .anySatisfy(p -> assertThat(p)
                                        .startsWith("bad-records.json line 12 (/relationships/0/tonnesPerYear)")
                                        .contains("'lots' is not a number"))
                                .anySatisfy(p -> assertThat(p)
                                        .startsWith("bad-records.json line 13 (/relationships/1/stakePct)")
                                        .contains("0..100"))
                                .anySatisfy(p -> assertThat(p)
                                        .startsWith("bad-records.json line 14 (/relationships/2/to)")
                                        .contains("'nowhere-co' names no node"))
                                .anySatisfy(p -> assertThat(p)
                                        .startsWith("bad-records.json line 14 (/relationships/2/startDate)")
                                        .contains("not a date"))
                                .anySatisfy(p -> assertThat(p)
                                        .startsWith("bad-records.json line 15 (/relationships/3)")
                                        .contains("HEADQUARTERED_IN cannot join a Company ('good-co') to a Mineral")));

        assertThat(cypher.census()).isEqualTo(before);
        assertThat(cypher.count("MATCH (n {id: 'good-co'}) RETURN count(n)")).isZero();
    }

    @Test
    void aDocumentThatCannotBeReadAgainWhileItsNodesAreWrittenLeavesTheGraphAsItWas() {
        Map<String, Object> before = cypher.census();
        ImportDocument valid = DataSetReader.read(resources.getResource("classpath:malformed/valid-extra.json"));
        // The check reads the relationships once; the writing's read fails while the node batches are being written.
        int[] reads = {0};
        ImportDocument vanishing = new ImportDocument() {
            @Override
            public String name() {
                return valid.name();
            }

            @Override
            public List<RawRecord> sources() {
                return valid.sources();
            }

            @Override
            public void nodes(Consumer<RawRecord> visitor) {
                valid.nodes(visitor);
            }

            @Override
            public void relationships(Consumer<RawRecord> visitor) {
                if (reads[0]++ > 0) {
                    throw new IllegalStateException("the file went away");
                }
                valid.relationships(visitor);
            }
        };

        assertThatThrownBy(() -> importer.importDocument(vanishing)).hasMessageContaining("the file went away");
        assertThat(reads[0]).isEqualTo(2);
        assertThat(cypher.census()).isEqualTo(before);
    }

    @Test
    void aWriteThatFailsHalfWayRollsBackTheWholeDocument() {
        Map<String, Object> before = cypher.census();
        ImportDocument document = DataSetReader.read(resources.getResource("classpath:malformed/valid-extra.json"));
        ImportPlan plan = DocumentValidator.validate(
                document,
                ids -> cypher
                        .rows(
                                "UNWIND $ids AS id MATCH (n:Entity {id: id})"
                                        + " RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label",
                                "ids",
                                List.copyOf(ids))
                        .stream()
                        .collect(Collectors.toMap(
                                r -> r.get("id").asString(), r -> r.get("label").asString())));

        // The nodes are written first, in the same transaction; the relationships' batch then fails.
        List<String> written = new ArrayList<>();
        try (Session session = sessions.session()) {
            assertThatThrownBy(() -> session.executeWrite(tx -> GraphWriter.write(
                            (statement, rows) -> {
                                if (statement.contains("CREATE (a)-[r:")) {
                                    throw new IllegalStateException("the database failed half-way");
                                }
                                written.add(statement);
                                return tx.run(statement, Map.of("rows", rows))
                                        .consume()
                                        .counters();
                            },
                            document,
                            plan,
                            GraphWriter.BATCH_SIZE,
                            GraphWriter.Progress.NONE)))
                    .hasMessageContaining("half-way");
        }

        assertThat(written).anySatisfy(statement -> assertThat(statement).contains("CREATE (n:Entity"));
        assertThat(cypher.census()).isEqualTo(before);
        assertThat(cypher.count("MATCH (n {id: 'atomic-test-co'}) RETURN count(n)"))
                .isZero();
    }

    @Test
    void aLargeDocumentIsWrittenInBatchTransactionsAndImportingItAgainCompletesAnInterruptedRun() {
        // A "large" document for an importer whose single-transaction limit is 5 records and batches hold 2 rows.
        StringBuilder nodes = new StringBuilder();
        StringBuilder relationships = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            nodes.append(i == 0 ? "" : ",").append("""
                    {"label": "Company", "id": "chunk-test-%d", "name": "Chunk Test %d", "source": "chunk-test"}""".formatted(i, i));
            relationships.append(i == 0 ? "" : ",").append("""
                    {"type": "HEADQUARTERED_IN", "from": "chunk-test-%d", "to": "IS", "source": "chunk-test",
                     "evidence": "register"}""".formatted(i));
        }
        String text = """
                {"sources": [{"id": "chunk-test", "kind": "user", "title": "Chunk test"}],
                 "nodes": [%s], "relationships": [%s]}""".formatted(nodes, relationships);
        SupplyGraphProperties.Import small =
                new SupplyGraphProperties.Import(2, 5, Duration.ofSeconds(30), DataSize.ofMegabytes(1));
        GraphImporter chunked = new GraphImporter(
                sessions,
                new SupplyGraphProperties(
                        properties.neo4j(), properties.embedded(), properties.data(), properties.query(), small));

        // The run stops after the first batch of relationships has been committed.
        assertThatThrownBy(() -> chunked.importDocument(
                        JsonDocumentReader.read(
                                "chunk.json", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))),
                        (what, done, total) -> {
                            if (what.equals("relationships")) {
                                throw new IllegalStateException("connection lost");
                            }
                        }))
                .hasMessageContaining("connection lost");
        assertThat(cypher.count("MATCH (c:Company) WHERE c.id STARTS WITH 'chunk-test-' RETURN count(c)"))
                .isEqualTo(6);
        assertThat(cypher.count("MATCH (c:Company)-[h:HEADQUARTERED_IN]->() WHERE c.id STARTS WITH 'chunk-test-'"
                        + " RETURN count(h)"))
                .isEqualTo(2);

        // The same document again: what is there is recognised and merged, the rest is created.
        ImportResult resumed = chunked.importDocument(
                JsonDocumentReader.read("chunk.json", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
        assertThat(resumed.transactions()).isGreaterThan(1);
        assertThat(resumed.nodesCreated()).isZero();
        assertThat(resumed.nodesUpdated()).isEqualTo(7);
        assertThat(resumed.relationshipsCreated()).isEqualTo(4);
        assertThat(resumed.relationshipsUpdated()).isEqualTo(2);
        assertThat(cypher.count("MATCH (c:Company)-[h:HEADQUARTERED_IN]->(:Country {id: 'IS'})"
                        + " WHERE c.id STARTS WITH 'chunk-test-' RETURN count(DISTINCT h)"))
                .isEqualTo(6);
    }

    @Test
    void aMalformedDataSetStopsStartUpWithItsFileAndLineAndLeavesTheGraphAsItWas() {
        Map<String, Object> before = cypher.census();

        // A second application against the same database (external mode), configured with the malformed file.
        SpringApplicationBuilder app = new SpringApplicationBuilder(MineralSupplyGraphApplication.class);

        assertThatThrownBy(
                        () -> app.run(
                                "--spring.neo4j.uri=" + neo4j.boltUri(),
                                "--server.port=0",
                                "--spring.main.banner-mode=off",
                                "--supplygraph.query.warm-up=false",
                                "--supplygraph.data.sets=classpath:data/reference-countries.json,classpath:malformed/bad-records.json"))
                .rootCause()
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("Data set bad-records.json has")
                .hasMessageContaining("bad-records.json line 7 (/nodes/1/label)")
                .hasMessageContaining("nothing of it was written");

        assertThat(cypher.census()).isEqualTo(before);
    }
}
