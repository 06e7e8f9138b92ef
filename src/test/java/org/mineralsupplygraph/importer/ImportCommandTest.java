package org.mineralsupplygraph.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mineralsupplygraph.MineralSupplyGraphApplication;
import org.mineralsupplygraph.support.Cypher;
import org.mineralsupplygraph.support.GraphTest;
import org.mineralsupplygraph.system.EmbeddedNeo4j;
import org.mineralsupplygraph.system.SupplyGraphProperties;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.unit.DataSize;

/**
 * The {@code import} command of the jar: online into a running database (here the suite's embedded one, reached as an
 * external server), and {@code --offline} into an empty data directory with Neo4j's bulk importer.
 */
@GraphTest
class ImportCommandTest {

    private static final String DOCUMENT = """
            {"sources": [{"id": "cli-test-notes", "kind": "user", "title": "CLI test notes"}],
             "nodes": [
               {"label": "Company", "id": "cli-test-cells", "name": "CLI Test Cells", "source": "cli-test-notes",
                "aliases": ["CTC", "Cells"]},
               {"label": "Mine", "id": "cli-test-mine", "name": "CLI Test Mine", "source": "cli-test-notes",
                "status": "operating"}
             ],
             "relationships": [
               {"type": "HEADQUARTERED_IN", "from": "cli-test-cells", "to": "IS", "source": "cli-test-notes",
                "evidence": "register"},
               {"type": "OFFTAKE", "from": "cli-test-cells", "to": "cli-test-mine", "product": "lithium",
                "tonnesPerYear": 12000, "sharePct": 12.5, "startDate": "2027-01", "source": "cli-test-notes",
                "evidence": "term sheet"}
             ]}
            """;

    @Autowired
    Driver driver;

    @Autowired
    EmbeddedNeo4j neo4j;

    private record Run(int exit, String output) {}

    private static Run run(String... arguments) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int exit = ImportCommand.run(MineralSupplyGraphApplication.class, arguments, out);
        return new Run(exit, bytes.toString(StandardCharsets.UTF_8));
    }

    private String[] online(Path... files) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.neo4j.uri=" + neo4j.boltUri(),
                "--supplygraph.data.load-on-startup=false",
                "--logging.level.root=WARN"));
        for (Path file : files) {
            arguments.add(file.toString());
        }
        return arguments.toArray(String[]::new);
    }

    private static Path write(String name, String text) throws Exception {
        Path directory = Files.createDirectories(
                Path.of("target", "import-command", UUID.randomUUID().toString()));
        return Files.writeString(directory.resolve(name), text);
    }

    @Test
    void importsAJsonFileIntoTheRunningDatabaseWithProgressAndAgainWithoutCreatingAnything() throws Exception {
        Path file = write("cli-test.json", DOCUMENT);

        Run first = run(online(file));
        assertThat(first.exit()).as(first.output()).isZero();
        assertThat(first.output())
                .contains("Importing cli-test.json ...")
                .containsPattern("nodes\\s+3 / 3 +\\(100%")
                .containsPattern("relationships\\s+2 / 2 +\\(100%")
                .contains("nodes 3 new, 0 updated; relationships 2 new, 0 updated (1 transaction)");
        assertThat(new Cypher(driver).one("""
                MATCH (c:Company {id: 'cli-test-cells'})-[o:OFFTAKE]->(:Mine {id: 'cli-test-mine'})
                RETURN c.aliases AS aliases, o.tonnesPerYear AS t, o.sharePct AS s, o.startDate AS d""")).satisfies(r -> {
            assertThat(r.get("aliases").asList()).containsExactly("CTC", "Cells");
            assertThat(r.get("t").asObject()).isEqualTo(12000L);
            assertThat(r.get("s").asDouble()).isEqualTo(12.5);
            assertThat(r.get("d").asString()).isEqualTo("2027-01");
        });

        Run again = run(online(file));
        assertThat(again.exit()).as(again.output()).isZero();
        assertThat(again.output()).contains("nodes 0 new, 3 updated; relationships 0 new, 2 updated");
    }

    @Test
    void aBrokenFileIsRefusedWithEveryProblemAndItsLineAndNothingIsWritten() throws Exception {
        Path file = write("broken.json", """
                {"sources": [{"id": "cli-broken", "kind": "user", "title": "Broken"}],
                 "nodes": [
                   {"label": "Company", "id": "cli-broken-co", "name": "Broken Co", "source": "cli-broken"},
                   {"label": "Mine", "id": "cli-broken-mine", "source": "cli-broken"}
                 ],
                 "relationships": [
                   {"type": "OFFTAKE", "from": "cli-broken-co", "to": "cli-broken-mine", "sharePct": 140,
                    "source": "cli-broken", "evidence": "e"}
                 ]}
                """);
        Run run = run(online(file));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output())
                .contains("broken.json line 4 (/nodes/1/name): 'name' is required")
                .contains("broken.json line 7 (/relationships/0/sharePct)");
        assertThat(new Cypher(driver).count("MATCH (n {id: 'cli-broken-co'}) RETURN count(n)"))
                .isZero();
    }

    @Test
    void aMissingFileOrAWrongKindOfFileIsNamed() throws Exception {
        Run missing = run(online(Path.of("target", "no-such-file.json")));
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.output()).contains("No such file: target/no-such-file.json");

        Run text = run(online(write("notes.txt", "hello")));
        assertThat(text.exit()).isEqualTo(1);
        assertThat(text.output()).contains("give a .json document, or nodes.csv and relationships.csv");
    }

    @Test
    void offlineFillsAnEmptyDataDirectoryThatTheApplicationThenOpens() throws Exception {
        Path data = Path.of("target", "import-command", "offline-" + UUID.randomUUID())
                .toAbsolutePath();
        Path nodes = write("nodes.csv", """
                label,id,name,kind,source,aliases,stage
                Source,offline-notes,Offline notes,user,,,
                Country,IS,Iceland,,offline-notes,,
                Company,offline-cells,Offline Cells,company,offline-notes,OC;Cells,
                Mineral,lithium,Lithium,,offline-notes,,
                Product,lithium-hydroxide,Lithium hydroxide,,offline-notes,,chemical
                Mine,offline-mine,Offline Mine,mine,offline-notes,,
                """);
        Path relationships = nodes.resolveSibling("relationships.csv");
        Files.writeString(relationships, """
                type,from,to,source,evidence,product,tonnesPerYear,sharePct
                HEADQUARTERED_IN,offline-cells,IS,offline-notes,register,,,
                FORM_OF,lithium-hydroxide,lithium,offline-notes,chemistry,,,
                OFFTAKE,offline-cells,offline-mine,offline-notes,term sheet,lithium-hydroxide,25000,12.5
                """);
        Run run = run(
                "--offline",
                "--supplygraph.embedded.data-directory=" + data,
                nodes.toString(),
                relationships.toString());
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output())
                .containsPattern(
                        "Imported nodes\\.csv \\+ relationships\\.csv offline in [0-9.]+ s"
                                + " \\(check [0-9.]+ s, conversion [0-9.]+ s, neo4j-admin [0-9.]+ s\\): 6 nodes, 3 relationships\\.");

        Run twice = run(
                "--offline",
                "--supplygraph.embedded.data-directory=" + data,
                nodes.toString(),
                relationships.toString());
        assertThat(twice.exit()).isEqualTo(3);
        assertThat(twice.output()).contains("holds a database already");

        SupplyGraphProperties.Embedded settings =
                new SupplyGraphProperties.Embedded(data, "127.0.0.1", 0, 0, DataSize.ofMegabytes(32));
        try (EmbeddedNeo4j imported = EmbeddedNeo4j.start(settings, Map.of());
                Driver direct = GraphDatabase.driver(imported.boltUri());
                Session session = direct.session()) {
            Record company = session.run("""
                    MATCH (c:Entity:Company {id: 'offline-cells'})-[h:HEADQUARTERED_IN]->(:Entity:Country {id: 'IS'})
                    RETURN c.aliases AS aliases, c.kind AS kind, h.id AS id""").single();
            assertThat(company.get("aliases").asList()).containsExactly("OC", "Cells");
            assertThat(company.get("kind").asString()).isEqualTo("company");
            assertThat(company.get("id").asString()).isEqualTo("HEADQUARTERED_IN:offline-cells:IS:offline-notes");
            assertThat(session.run("MATCH (s:Entity:Source {id: 'offline-notes'}) RETURN s.name AS name")
                            .single()
                            .get("name")
                            .asString())
                    .isEqualTo("Offline notes");
            Record offtake = session.run("MATCH (:Company)-[o:OFFTAKE]->(:Mine {id: 'offline-mine'})"
                            + " RETURN o.tonnesPerYear AS t, o.sharePct AS s, o.product AS p, o.caption AS caption")
                    .single();
            assertThat(offtake.get("t").asObject())
                    .as("a whole number stays an integer")
                    .isEqualTo(25000L);
            assertThat(offtake.get("s").asObject()).isEqualTo(12.5);
            assertThat(offtake.get("p").asString()).isEqualTo("lithium-hydroxide");
            assertThat(offtake.get("caption").asString())
                    .as("the caption the online import writes")
                    .isEqualTo(Captions.relationship(
                            "OFFTAKE",
                            Map.of("tonnesPerYear", 25000L, "sharePct", 12.5, "product", "lithium-hydroxide")))
                    .startsWith("25,000 t/yr");
            assertThat(session.run("MATCH (n) RETURN count(n) AS n")
                            .single()
                            .get("n")
                            .asLong())
                    .isEqualTo(6);
        }
    }
}
